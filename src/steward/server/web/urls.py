"""Web pages, all server-rendered Jinja2 with the NHS.UK frontend."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path, register_converter

from steward.server.web.views import auth, dashboard, inbox, item, item_actions, people, policy, records, saved

app_name = "web"


class RowId:
    """A database id: 1 to 18 digits (a longer number cannot be a row and must not reach the database)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(RowId, "id")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", auth.start, name="start"),
    path("sign-in/", auth.SignInView.as_view(), name="sign_in"),
    path("sign-out/", auth.SignOutView.as_view(), name="sign_out"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/bulk/", inbox.bulk, name="bulk"),
    path("inbox/saved/", saved.save_filter, name="save_filter"),
    path("inbox/saved/<id:filter_id>/delete/", saved.delete_filter, name="delete_filter"),
    path("items/<id:item_id>/", item.item_page, name="item"),
    path("items/<id:item_id>/reveal/", item.reveal, name="reveal"),
    path("items/<id:item_id>/act/", item_actions.take_action, name="act"),
    path("items/<id:item_id>/claim/", item_actions.claim, name="claim"),
    path("items/<id:item_id>/note/", item_actions.note, name="note"),
    path("items/<id:item_id>/reply/", item_actions.reply, name="reply"),
    path("items/<id:item_id>/theme/", item_actions.theme, name="theme"),
    path("authors/", people.author_list, name="authors"),
    path("authors/<id:author_id>/", people.author_page, name="author"),
    path("authors/<id:author_id>/block/", people.author_block, name="author_block"),
    path("safeguarding/", people.safeguarding, name="safeguarding"),
    path("audit/", records.audit_log, name="audit"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path("policy/", policy.policy, name="policy"),
    path("policy/upload/", policy.policy_upload, name="policy_upload"),
    path("posts/", include("steward.server.web.drafts_urls")),
]
