"""Blocks enforce accessibility: an image needs alt text unless an editor marks it decorative."""

import pytest
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail_factories import ImageFactory

from home.blocks import BodyBlock, ImageBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return ImageFactory(title="Children at a stay and play session")


def _clean(block, **value):
    return block.clean(block.to_python({"caption": "", **value}))


def _alt_text_error(error):
    return " ".join(str(message) for message in error.value.block_errors["alt_text"].messages)


@pytest.mark.parametrize("alt_text", ["", "   ", None])
def test_image_without_alt_text_is_refused(image, alt_text):
    with pytest.raises(blocks.StructBlockValidationError) as error:
        _clean(ImageBlock(), image=image.pk, alt_text=alt_text, decorative=False)
    assert "Add alt text, or tick 'decorative'" in _alt_text_error(error)


def test_decorative_image_needs_no_alt_text_and_screen_readers_skip_it(image):
    block = ImageBlock()
    value = _clean(block, image=image.pk, alt_text="", decorative=True)
    html = block.render(value)
    assert 'alt=""' in html


def test_image_with_alt_text_is_accepted_and_described(image):
    block = ImageBlock()
    value = _clean(
        block, image=image.pk, alt_text="A parent reading to a toddler", decorative=False
    )
    assert 'alt="A parent reading to a toddler"' in block.render(value)


def test_a_page_body_with_an_undescribed_image_cannot_be_saved(image):
    body = BodyBlock()
    raw = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False}}]
    with pytest.raises(ValidationError):
        body.clean(body.to_python(raw))
