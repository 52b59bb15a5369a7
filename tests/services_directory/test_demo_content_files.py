"""The demo directory's files (services_directory/demo_content/*.json): each reads and passes its
checks, and a mistake in one stops the load naming the file and the entry."""

import json
import shutil

import pytest

from services_directory.demo import content


@pytest.mark.parametrize("name", list(content.FILE_KEYS))
def test_every_demo_directory_file_reads_and_passes_its_checks(name):
    assert set(content.read(name)) == content.FILE_KEYS[name]


def test_every_service_names_an_organisation_and_categories_the_other_files_hold():
    services = content.services()
    assert len({service["slug"] for service in services}) == len(services) > 40
    assert {service["organisation"] for service in services} <= set(content.organisations())


@pytest.fixture
def files(tmp_path, monkeypatch):
    """A copy of the files to spoil; `spoil(change)` gets the services' data to change."""
    for path in content.CONTENT_DIR.glob("*.json"):
        shutil.copy(path, tmp_path)
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    content._read.cache_clear()

    def spoil(change):
        path = tmp_path / "services.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change({service["slug"]: service for service in data["services"]})
        path.write_text(json.dumps(data), encoding="utf-8")
        content._read.cache_clear()

    yield spoil
    content._read.cache_clear()


def refusal():
    with pytest.raises(content.DemoContentError) as error:
        content.services()
    return str(error.value)


def test_a_service_key_the_loader_does_not_read_is_refused_naming_file_and_entry(files):
    files(lambda services: services["homework-club"].update(eligibilty="Ages 7 to 14."))
    message = refusal()
    assert message.startswith("services.json: service 'homework-club' has 'eligibilty'")
    assert "'eligibility'" in message  # the key it was meant to be is among those offered


def test_a_service_without_a_required_key_is_refused(files):
    files(lambda services: services["homework-club"].pop("phone"))
    assert refusal() == "services.json: service 'homework-club' lacks 'phone'"


def test_a_service_naming_a_place_no_file_holds_is_refused(files):
    files(lambda services: services["homework-club"].update(locations=["larkspur-libary"]))
    assert "service 'homework-club' names locations ['larkspur-libary']" in refusal()


def test_a_schedule_row_of_the_wrong_shape_is_refused(files):
    files(lambda services: services["homework-club"]["schedules"].append(["MO", "09:00"]))
    assert "service 'homework-club': schedules has ['MO', '09:00']" in refusal()
