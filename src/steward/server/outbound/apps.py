from django.apps import AppConfig


class OutboundConfig(AppConfig):
    name = "steward.server.outbound"
    label = "outbound"
    default_auto_field = "django.db.models.BigAutoField"
