"""The staff-post pages, mounted under /posts/ by ``web/urls.py``: ``path("posts/", include(...))``.

No ``app_name`` here, so the names join the ``web`` namespace: ``web:posts``, ``web:post_check``…
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path, register_converter

from steward.server.web.views import posts, posts_actions, posts_records


class DraftId:
    """A draft's id: 1 to 18 digits (a longer number cannot be a row and must not reach the database)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(DraftId, "draft")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", posts.post_list, name="posts"),
    path("check/", posts.check, name="post_check"),
    path("new/", posts.new_draft, name="post_new"),
    path("records/", posts_records.post_records, name="post_records"),
    path("<draft:draft_id>/", posts.draft_page, name="post"),
    path("<draft:draft_id>/edit/", posts.edit_draft, name="post_edit"),
    path("<draft:draft_id>/submit/", posts_actions.submit, name="post_submit"),
    path("<draft:draft_id>/review/", posts_actions.review, name="post_review"),
    path("<draft:draft_id>/publish/", posts_actions.publish, name="post_publish"),
    path("<draft:draft_id>/amend/", posts.amend_post, name="post_amend"),
]
