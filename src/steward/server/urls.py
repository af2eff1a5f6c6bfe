"""URL map: the REST API under /api/, the web pages at the root."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from steward.server.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/", api.urls),
    path("", include("steward.server.web.urls")),
]
