"""Shared fixtures for the service: the organisation, a channel, a user per role, API clients with tokens."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from steward.server.accounts.models import ApiToken
from steward.server.accounts.roles import Role
from steward.server.inbox.models import Channel, Organisation
from steward.server.inbox.setup import channel as make_channel
from steward.server.inbox.setup import default_organisation

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def org(db: None) -> Organisation:
    return default_organisation()


@pytest.fixture
def facebook(org: Organisation) -> Channel:
    return make_channel("trust-facebook", platform="facebook", name="Trust Facebook page")


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(username: str, *roles: Role) -> User:
        user = User.objects.create_user(username, f"{username}@example.nhs.uk", PASSWORD)
        for role in roles:
            group, _ = Group.objects.get_or_create(name=role.value)
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def users(make_user: Callable[..., User]) -> dict[str, User]:
    """One user per role (named after it), plus ``nobody`` who is signed in but holds no role."""
    made = {role.value: make_user(role.value, role) for role in Role}
    made["nobody"] = make_user("nobody")
    return made


@pytest.fixture
def api_client(users: dict[str, User]) -> Callable[[str], Client]:
    """A test client that sends ``Authorization: Bearer`` for the named user (a role name or ``nobody``)."""

    def client_for(name: str) -> Client:
        _, secret = ApiToken.issue(users[name], "tests")
        return Client(headers={"Authorization": f"Bearer {secret}"})

    return client_for
