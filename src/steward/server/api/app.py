"""The NinjaAPI instance, its error mapping, and the routers of each domain."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from steward.errors import PolicyError, StewardError
from steward.server.api.auth import AUTH
from steward.server.http import status_for

api = NinjaAPI(
    title="Steward API",
    version="1",
    description="Moderation queues, decisions with the policy clauses they cite, actions, authors and the audit log.",
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
)


# One place maps Steward's error hierarchy to HTTP (the CLI does the same in cli/main.py).
@api.exception_handler(StewardError)
def steward_error(request: HttpRequest, exc: StewardError) -> HttpResponse:
    status = status_for(exc)
    body: dict[str, object] = {"detail": str(exc)}
    if isinstance(exc, PolicyError) and exc.problems:
        body["problems"] = list(exc.problems)
    return api.create_response(request, body, status=status)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return api.create_response(request, {"detail": f"the request body is larger than {limit:,} bytes"}, status=413)


def _mount() -> None:
    # Routers are imported here so each domain module stays independent of the others.
    from steward.server.api import routers

    for prefix, router in routers.ROUTERS:
        api.add_router(prefix, router)


_mount()
