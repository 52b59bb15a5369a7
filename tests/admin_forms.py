"""What Wagtail's admin forms send, for tests that post them as an editor would."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def content_page_edit_form(page, **changes):
    """The content page's edit form as it stands, with `changes` (and any action) on top."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "listing_summary": page.listing_summary,
            "introduction": page.introduction,
            "body": streamfield([]),
            "show_child_pages": "on",
            "comments": inline_formset([]),
            **changes,
        }
    )
