"""Inside a bulk change, each page's search and reference indexing runs once, at the end."""

import pytest
from django_tasks.signals import task_enqueued, task_finished
from wagtail.models import ReferenceIndex

from foundation.bulk_tasks import tasks_run_once
from home.models import ContentPage
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ran():
    """The tasks the real backend ran, as (task name, object key)."""
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append((task_result.task.name, task_result.args[-1]))

    task_enqueued.connect(record)
    yield seen
    task_enqueued.disconnect(record)


def found(words):
    return list(ContentPage.objects.live().search(words).results())


def test_a_page_saved_three_times_is_indexed_once_when_the_block_ends(home_page, ran):
    with tasks_run_once():
        page = ContentPageFactory(parent=home_page, title="Toddler tales")
        for title in ("Toddler tales again", "Stay and play stories"):
            page.title = title
            page.save_revision().publish()
        assert ran == []

    key = str(page.pk)
    assert ran.count(("insert_or_update_object_task", key)) == 1
    assert ran.count(("update_reference_index_task", key)) == 1
    assert found("stories") == [page]
    assert found("toddler") == []


def test_references_are_recorded_at_the_end(home_page):
    target = ContentPageFactory(parent=home_page, title="Target")
    with tasks_run_once():
        linking = ContentPageFactory(
            parent=home_page,
            title="Linking",
            body=[("paragraph", f'<p><a linktype="page" id="{target.pk}">Target</a></p>')],
        )
    assert ReferenceIndex.get_references_to(target).filter(object_id=str(linking.pk)).exists()


def test_an_error_inside_still_indexes_what_was_saved_before_it(home_page):
    with pytest.raises(RuntimeError), tasks_run_once():
        page = ContentPageFactory(parent=home_page, title="Rhyme time")
        raise RuntimeError("the import stopped")
    assert found("rhyme") == [page]


def test_blocks_inside_blocks_wait_for_the_outermost(home_page, ran):
    with tasks_run_once():
        with tasks_run_once():
            page = ContentPageFactory(parent=home_page, title="Baby massage")
        assert ran == []
    assert ("insert_or_update_object_task", str(page.pk)) in ran


def test_outside_a_block_indexing_is_immediate(home_page, ran):
    page = ContentPageFactory(parent=home_page, title="Messy play")
    assert ("insert_or_update_object_task", str(page.pk)) in ran
    assert found("messy") == [page]


def test_a_row_deleted_before_the_end_is_left_out_not_failed(home_page, ran):
    failed = []

    def record(sender, task_result, **kwargs):
        if task_result.errors:
            failed.append(task_result.errors[0].exception_class_path)

    task_finished.connect(record)
    try:
        with tasks_run_once():
            kept = ContentPageFactory(parent=home_page, title="Kept page")
            gone = ContentPageFactory(parent=home_page, title="Gone page")
            gone_key = str(gone.pk)
            gone.delete()
    finally:
        task_finished.disconnect(record)
    assert failed == []
    assert ("insert_or_update_object_task", str(kept.pk)) in ran
    assert not [task for task in ran if task[1] == gone_key]
