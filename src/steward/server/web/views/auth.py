"""Sign in, sign out, and the start page (the inbox for anyone with a role)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from steward.server.web.guard import page


class SignInView(auth_views.LoginView):
    template_name = "auth/sign_in.jinja"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django's rule), with the CSRF token the header's sign-out form carries."""


@page(None)
def start(request: HttpRequest) -> HttpResponse:
    if request.user.has_perm("steward.view_items"):
        return redirect("web:inbox")
    if request.user.has_perm("steward.view_audit"):
        return redirect("web:audit")
    if request.user.has_perm("steward.write_posts"):
        return redirect("web:post_check")
    return render(request, "auth/no_role.jinja")
