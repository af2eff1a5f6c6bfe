"""WSGI entry point (``steward serve`` runs it with gunicorn; any WSGI server can)."""

from __future__ import annotations

import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steward.server.settings")
application = get_wsgi_application()


def _warm() -> None:
    """Parse the active packs now, so the first request of each web process does not pay for it."""
    from django.db import DatabaseError

    try:
        from steward.server.governance.packs import active_version, pack_for
        from steward.server.inbox.setup import default_organisation

        org = default_organisation()
        for pack_id in filter(None, (org.inbound_pack, org.outbound_pack)):
            pack_for(active_version(pack_id))
    except (DatabaseError, Exception):  # never stop the server from starting; the first request will retry
        logging.getLogger(__name__).warning("could not warm the policy packs", exc_info=True)


_warm()
