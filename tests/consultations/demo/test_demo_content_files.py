"""The demo consultations' files (consultations/demo_content/*.json): each reads and passes its
checks, and a mistake in one stops the load, before anything is saved, naming file and entry."""

import json
import shutil

import pytest

from consultations.demo import content
from consultations.demo.loader import ConsultationDemoLoader
from consultations.models import ConsultationIndexPage

MATERNITY = "board 1 ('maternity-services')"
CLASSES = f"{MATERNITY}, idea 2 ('Antenatal classes in the evening and at weekends')"


def test_every_demo_consultations_file_reads_and_passes_its_checks():
    assert content.index_page()["slug"] == "consultations"
    consultations = content.consultations()
    assert [data["key"] for data, _people in consultations] == [
        "best-start-in-life",
        "partnership-with-parents",
    ]
    for data, _people in consultations:
        assert all(board["ideas"] for board in data["boards"]), data["key"]


@pytest.fixture
def files(tmp_path, monkeypatch):
    """A copy of the files to spoil; `spoil(change)` gets the closed consultation's file."""
    for path in content.CONTENT_DIR.glob("*.json"):
        shutil.copy(path, tmp_path)
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    content._read.cache_clear()

    def spoil(change):
        path = tmp_path / "best_start_in_life.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data), encoding="utf-8")
        content._read.cache_clear()

    yield spoil
    content._read.cache_clear()


def second_idea(data):
    return data["consultation"]["boards"][0]["ideas"][1]


def refusal():
    with pytest.raises(content.DemoContentError) as error:
        content.consultations()
    return str(error.value)


def test_an_idea_key_the_loader_does_not_read_is_refused_naming_file_and_entry(files):
    files(lambda data: second_idea(data).update(suports=27))
    message = refusal()
    assert message.startswith(f"best_start_in_life.json: {CLASSES} has 'suports'")
    assert "'supports'" in message  # the key it was meant to be is among those offered


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda data: second_idea(data).pop("day"), f"{CLASSES} lacks 'day'"),
        (lambda data: data["consultation"].update(opening="2023-02-01"), "consultation has"),
        (lambda data: data["consultation"]["boards"][0].update(colour="red"), f"{MATERNITY} has"),
        (lambda data: second_idea(data).update(theme="pregnancy"), "has theme 'pregnancy'"),
        (lambda data: second_idea(data).update(contributor="nobody"), "contributor 'nobody'"),
        (lambda data: second_idea(data).update(by="parent"), f"{CLASSES}'s by is 'parent'"),
        (
            lambda data: second_idea(data)["comments"].append(["parent_carer", "Yes", "rejected"]),
            f"{CLASSES}, comment 2 is ['parent_carer', 'Yes', 'rejected']",
        ),
        (lambda data: data["consultation"].pop("closes"), "needs both opens and closes"),
    ],
    ids=["missing", "consultation", "board", "theme", "contributor", "by", "comment", "dates"],
)
def test_a_mistake_in_a_file_is_refused_naming_file_and_entry(files, change, expected):
    files(change)
    message = refusal()
    assert message.startswith("best_start_in_life.json: ") and expected in message


def test_a_mistake_stops_the_load_before_anything_is_saved(files, home_page):
    files(lambda data: second_idea(data).update(suports=27))
    with pytest.raises(content.DemoContentError, match="suports"):
        ConsultationDemoLoader(home_page).load()
    assert not ConsultationIndexPage.objects.exists()
