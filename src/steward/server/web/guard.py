"""Page guards: sign-in required, a permission per page, and Steward's errors mapped to HTTP once for the web."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from steward.errors import ConflictError, InvalidRequest, NotFound, PermissionDenied

View = TypeVar("View", bound=Callable[..., HttpResponse])


def page(permission: str | None) -> Callable[[View], View]:
    """Decorate a view: anonymous users go to sign in; users without ``permission`` get the 403 page.

    Service errors raised inside the view become the matching page: ``NotFound`` a 404 (an item someone may not
    see is "not found", so its existence does not leak), ``PermissionDenied`` a 403, a refused request a 400
    page naming the problem.
    """

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if permission is not None and not request.user.has_perm(permission):
                raise DjangoPermissionDenied(permission)
            try:
                return view(request, *args, **kwargs)
            except NotFound as exc:
                raise Http404(str(exc)) from exc
            except PermissionDenied as exc:
                raise DjangoPermissionDenied(str(exc)) from exc
            except (InvalidRequest, ConflictError) as exc:
                return render(request, "400.html", {"problem": str(exc)}, status=400)

        return cast(View, wrapped)

    return decorate
