"""Administration over the API: users and their roles (admin only), and policy pack versions.

Anyone with a staff role may read which pack versions exist; only an administrator uploads or activates one.
An uploaded pack is YAML text in the request body, validated before it is stored: a broken pack is a 400 listing
every problem as ``file:line: path: message``. Every change is audited; password hashes are never returned.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

import yaml
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, P, QueryEx, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from steward.errors import PolicyError
from steward.server.accounts.roles import Role
from steward.server.api.auth import require
from steward.server.api.tokens import MAX_ID, RowId, require_staff
from steward.server.audit.chain import record
from steward.server.governance.models import PackVersion
from steward.server.governance.packs import active_version, upload

router = Router(tags=["administration"])

MAX_PACK_BYTES = 512 * 1024
PACK_NAME = "upload.yaml"
_ROLE_NAMES = frozenset(role.value for role in Role)
_USERNAME = r"^[\w.@+-]+$"
_PLAIN = r"^[^\x00-\x1f\x7f]*$"


class UserOut(Schema):
    id: int
    username: str
    email: str
    first_name: str
    last_name: str
    is_active: bool
    roles: list[Role]
    last_login: datetime | None
    date_joined: datetime


class UserCreated(UserOut):
    initial_password: str | None = Field(None, description="Only when the password was generated; shown once.")


class UserIn(Schema):
    username: str = Field(min_length=1, max_length=150, pattern=_USERNAME)
    email: str = Field("", max_length=254)
    first_name: str = Field("", max_length=150, pattern=_PLAIN)
    last_name: str = Field("", max_length=150, pattern=_PLAIN)
    password: str | None = Field(None, min_length=12, max_length=128, description="Generated when left out.")
    roles: list[Role] = Field(default_factory=list, max_length=len(Role))
    is_active: bool = True

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value:
            try:
                validate_email(value)
            except ValidationError as exc:
                raise ValueError("not a valid e-mail address") from exc
        return value


class UserPatch(Schema):
    is_active: bool | None = None
    roles: list[Role] | None = Field(None, max_length=len(Role))


class RoleOut(Schema):
    name: str
    label: str


class PackOut(Schema):
    id: int
    pack_id: str
    version: str
    direction: str
    sha256: str
    active: bool
    uploaded_by: str | None
    uploaded_at: datetime


class PackDetail(PackOut):
    source: str


def _roles_of(user: User) -> list[Role]:
    names = {group.name for group in user.groups.all()}
    return [role for role in Role if role.value in names]


def _user_out(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": user.is_active,
        "roles": _roles_of(user),
        "last_login": user.last_login,
        "date_joined": user.date_joined,
    }


def _set_roles(user: User, roles: list[Role]) -> None:
    keep = [g for g in user.groups.all() if g.name not in _ROLE_NAMES]
    wanted = [Group.objects.get_or_create(name=role.value)[0] for role in dict.fromkeys(roles)]
    user.groups.set([*keep, *wanted])


@router.get("/users", response=list[UserOut], summary="Every user and their roles (admin)")
def list_users(
    request: HttpRequest, limit: QueryEx[int, P(ge=1, le=1000)] = 200, offset: QueryEx[int, P(ge=0, le=MAX_ID)] = 0
) -> list[dict[str, Any]]:
    require(request, "steward.manage_users")
    rows = User.objects.prefetch_related("groups").order_by("username")[offset : offset + limit]
    return [_user_out(u) for u in rows]


@router.get("/users/{user_id}", response=UserOut, summary="One user (admin)")
def get_user(request: HttpRequest, user_id: RowId) -> dict[str, Any]:
    require(request, "steward.manage_users")
    return _user_out(_user_or_404(user_id))


@router.post("/users", response={201: UserCreated}, summary="Create a user with roles (admin)")
def create_user(request: HttpRequest, body: UserIn) -> Status[dict[str, Any]]:
    admin = require(request, "steward.manage_users")
    generated = None if body.password else secrets.token_urlsafe(18)
    with transaction.atomic():
        if User.objects.filter(username__iexact=body.username).exists():
            raise HttpError(409, "a user with that username already exists")
        user = User.objects.create_user(
            body.username,
            body.email,
            body.password or generated,
            first_name=body.first_name,
            last_name=body.last_name,
            is_active=body.is_active,
        )
        _set_roles(user, body.roles)
        roles = [r.value for r in _roles_of(user)]
        record("user.created", actor=admin, obj=user, data={"username": user.username, "roles": roles})
    return Status(201, {**_user_out(user), "initial_password": generated})


@router.patch("/users/{user_id}", response=UserOut, summary="Set a user active or inactive, or change roles (admin)")
def update_user(request: HttpRequest, body: UserPatch, user_id: RowId) -> dict[str, Any]:
    admin = require(request, "steward.manage_users")
    with transaction.atomic():
        user = _user_or_404(user_id)
        before = {"is_active": user.is_active, "roles": [r.value for r in _roles_of(user)]}
        if user.pk == admin.pk and (
            body.is_active is False or (body.roles is not None and Role.ADMIN not in body.roles)
        ):
            raise HttpError(409, "you cannot remove your own administrator access; ask another administrator")
        if body.is_active is not None and body.is_active != user.is_active:
            user.is_active = body.is_active
            user.save(update_fields=["is_active"])
        if body.roles is not None:
            _set_roles(user, body.roles)
        after = {"is_active": user.is_active, "roles": [r.value for r in _roles_of(user)]}
        changes = {k: {"from": before[k], "to": after[k]} for k in before if before[k] != after[k]}
        if changes:
            record("user.updated", actor=admin, obj=user, data={"username": user.username, "changes": changes})
    return _user_out(user)


@router.get("/roles", response=list[RoleOut], summary="The roles a user may hold (admin)")
def list_roles(request: HttpRequest) -> list[dict[str, str]]:
    require(request, "steward.manage_users")
    return [{"name": role.value, "label": role.label} for role in Role]


@router.get("/packs", response=list[PackOut], summary="Policy pack versions (any staff role)")
def list_packs(request: HttpRequest) -> list[dict[str, Any]]:
    require_staff(request)
    # The bundled packs the service runs are recorded as versions the first time anyone asks.
    for pack_id in {settings.STEWARD_INBOUND_PACK, settings.STEWARD_OUTBOUND_PACK}:
        active_version(pack_id)
    return [_pack_out(p) for p in PackVersion.objects.select_related("uploaded_by").order_by("pack_id", "-id")]


@router.get("/packs/{version_id}", response=PackDetail, summary="One pack version with its YAML (any staff role)")
def get_pack(request: HttpRequest, version_id: RowId) -> dict[str, Any]:
    require_staff(request)
    row = _pack_or_404(version_id)
    return {**_pack_out(row), "source": row.source}


_YAML_BODY = {
    "requestBody": {
        "required": True,
        "description": "The policy pack as YAML text.",
        "content": {"application/yaml": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}},
    }
}


@router.post(
    "/packs",
    response={201: PackOut},
    summary="Upload a policy pack version as YAML (admin); a broken pack lists every problem with its line",
    openapi_extra=_YAML_BODY,
)
def upload_pack(request: HttpRequest, activate: bool = False) -> Status[dict[str, Any]]:
    admin = require(request, "steward.manage_packs")
    raw = request.body
    if len(raw) > MAX_PACK_BYTES:
        raise HttpError(413, f"a policy pack may be at most {MAX_PACK_BYTES // 1024} KB")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, "the policy pack must be UTF-8 text") from exc
    if not source.strip():
        raise HttpError(400, "the request body is empty; send the policy pack's YAML")
    _refuse_aliases(source)
    try:
        row = upload(source, user=admin, activate=activate, name=PACK_NAME)
    except RecursionError as exc:  # absurdly deep nesting: refuse it rather than fail
        raise HttpError(400, "the policy pack is nested too deeply") from exc
    return Status(201, _pack_out(row))


@router.post("/packs/{version_id}/activate", response=PackOut, summary="Make a pack version the active one (admin)")
def activate_pack(request: HttpRequest, version_id: RowId) -> dict[str, Any]:
    admin = require(request, "steward.manage_packs")
    with transaction.atomic():
        row = _pack_or_404(version_id, lock=True)
        if not row.active:
            previous = PackVersion.objects.filter(pack_id=row.pack_id, active=True).first()
            PackVersion.objects.filter(pack_id=row.pack_id, active=True).update(active=False)
            PackVersion.objects.filter(pk=row.pk).update(active=True)
            row.refresh_from_db()
            data = {"pack": row.pack_id, "version": row.version, "replaced": previous.version if previous else None}
            record("pack.activated", actor=admin, obj=row, data=data)
    return _pack_out(row)


def _refuse_aliases(source: str) -> None:
    """Refuse YAML aliases: a few nested ones expand exponentially (a "billion laughs"); packs never need them."""
    problems: list[str] = []
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                line = token.start_mark.line + 1
                problems.append(f"{PACK_NAME}:{line}: *{token.value}: YAML aliases are not allowed in a policy pack")
    except yaml.YAMLError:
        return  # not valid YAML: the loader reports it with its line
    if problems:
        raise PolicyError(f"{PACK_NAME} uses YAML aliases", tuple(problems[:50]))


def _user_or_404(user_id: int) -> User:
    user = User.objects.prefetch_related("groups").filter(pk=user_id).first()
    if user is None:
        raise HttpError(404, "no such user")
    return user


def _pack_or_404(version_id: int, *, lock: bool = False) -> PackVersion:
    rows = PackVersion.objects.select_related("uploaded_by")
    if lock:
        rows = rows.select_for_update(of=("self",))
    row = rows.filter(pk=version_id).first()
    if row is None:
        raise HttpError(404, "no such pack version")
    return row


def _pack_out(row: PackVersion) -> dict[str, Any]:
    return {
        "id": row.pk,
        "pack_id": row.pack_id,
        "version": row.version,
        "direction": row.direction,
        "sha256": row.sha256,
        "active": row.active,
        "uploaded_by": row.uploaded_by.get_username() if row.uploaded_by else None,
        "uploaded_at": row.uploaded_at,
    }
