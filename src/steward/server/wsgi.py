"""WSGI entry point (``steward serve`` runs it; any WSGI server can too)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steward.server.settings")
application = get_wsgi_application()
