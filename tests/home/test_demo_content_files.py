"""The demo content files (home/demo_content/*.json): each loads, passes its page type's own
blocks, and shows readers a page with its title."""

import html
import json

import pytest

from home.demo_loader import DemoContentError, DemoLoader, content

FILES = [*content.DOCUMENTS, content.SITE]


def pages_of(name):
    data = content.read(name)
    return data.get("sections", []) + data["pages"]


@pytest.mark.parametrize("name", FILES)
def test_every_demo_file_loads_and_passes_the_blocks(name):
    assert pages_of(name), name


@pytest.fixture
def bad_file(tmp_path, monkeypatch):
    page = {
        "type": "content",
        "slug": "aims",
        "title": "Aims",
        "body": [
            {"type": "paragraph", "value": "<p>Our aims.</p>"},
            {"type": "heading", "value": {"text": "Aims", "level": "h5"}},
        ],
    }
    (tmp_path / "broken.json").write_text(json.dumps({"pages": [page]}))
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    content._read.cache_clear()
    yield "broken"
    content._read.cache_clear()


def test_a_block_the_page_type_rejects_stops_the_load_naming_file_page_and_block(bad_file):
    with pytest.raises(DemoContentError) as error:
        content.read(bad_file)
    assert "broken.json: page 'aims', field 'body', block 1 (heading).level" in str(error.value)


def test_a_key_the_page_type_has_no_field_for_stops_the_load(loader):
    with pytest.raises(DemoContentError, match="foreword"):
        loader.page_fields(
            {"slug": "x", "title": "X", "foreword": "Dropped?"}, content.PAGE_MODELS["policy"]
        )


@pytest.fixture
def loader(db):
    return DemoLoader(log=lambda line: None)


def test_every_demo_page_shows_its_title(client, loader):
    _home, pages = loader.load()
    slugs = [page["slug"] for name in FILES for page in pages_of(name)]
    assert sorted(pages) == sorted(slugs)
    for slug in slugs:
        response = client.get(pages[slug].url)
        assert response.status_code == 200, slug
        assert html.escape(pages[slug].title) in response.content.decode(), slug
