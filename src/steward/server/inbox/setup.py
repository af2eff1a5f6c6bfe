"""First-run data: the organisation from the inbound pack, a channel per platform, templates from the pack."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from steward.server.governance.packs import active_version, pack_for
from steward.server.inbox.models import Channel, Organisation, Platform, ReplyTemplate


def default_organisation() -> Organisation:
    """The organisation (created from the inbound pack on first run, with its reply templates)."""
    org = Organisation.objects.order_by("pk").first()
    if org is not None:
        return org
    pack = pack_for(active_version(settings.STEWARD_INBOUND_PACK))
    with transaction.atomic():
        org, created = Organisation.objects.get_or_create(
            slug=slugify(pack.organisation.short_name) or "organisation",
            defaults={
                "name": pack.organisation.name,
                "inbound_pack": pack.id,
                "outbound_pack": settings.STEWARD_OUTBOUND_PACK,
                "safeguarding_email": pack.contacts.email or "",
            },
        )
        if created:
            for key, tpl in pack.reply_templates.items():
                ReplyTemplate.objects.get_or_create(
                    organisation=org,
                    key=key,
                    defaults={"name": tpl.title, "body": tpl.text, "clause_ids": [tpl.clause] if tpl.clause else []},
                )
    return org


def channel(slug: str, *, platform: str | None = None, name: str | None = None) -> Channel:
    """The channel with this slug, created for the default organisation if it does not exist yet."""
    existing = Channel.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    plat = platform if platform in Platform.values else Platform.GENERIC
    org = default_organisation()
    row, _ = Channel.objects.get_or_create(
        slug=slug,
        defaults={"organisation": org, "platform": plat, "account_id": slug, "name": name or slug},
    )
    return row
