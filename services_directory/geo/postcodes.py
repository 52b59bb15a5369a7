"""Read the UK postcode a resident typed, without any network call.

Parsing only decides whether the text is shaped like a postcode. Whether the place exists is the
geocoder's question: it raises `UnknownPostcode` for a well-formed postcode it has no data for
(Guernsey, Jersey, the Isle of Man, or a district that was never issued).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 10
# Checked before normalising, so a pasted essay is turned away without NFKC walking all of it.
_RAW_LENGTH_LIMIT = 64

# BS 7666 shape with Royal Mail's letter rules: Q, V and X never come first, I, J and Z never
# second, the letter ending an AA9A district comes from a short list, and the inward code never
# uses C, I, K, M, O or V. The letter ending an A9A district is Royal Mail's list plus M, N, R,
# V, X and Y, because the data keeps the terminated W1M, W1N, W1R, W1V, W1X and W1Y districts
# and an old postcode on a letter should still be found.
_OUTWARD = (
    "(?:[A-PR-UWYZ][0-9]{1,2}"
    "|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    "|[A-PR-UWYZ][0-9][A-HJKMNPR-Y]"
    "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = "[0-9][ABD-HJLNP-UW-Z]{2}"
_OUTWARD_RE = re.compile(rf"\A{_OUTWARD}\Z")
_FULL_RE = re.compile(rf"\A(?P<outward>{_OUTWARD})(?P<inward>{_INWARD})\Z")
# After NFKC every space-like character people paste (no-break, narrow, ideographic) is U+0020.
_ALLOWED_RE = re.compile(r"\A[A-Za-z0-9 ]+\Z")
_SPACES_RE = re.compile(r" +")

EMPTY_MESSAGE = _("Enter a postcode")
MALFORMED_MESSAGE = _("Enter a real postcode")
UNKNOWN_MESSAGE = _("We could not find that postcode. Check it and try again.")


class InvalidPostcode(ValueError):
    """The text is not a postcode we can use; `message` is safe to show to the resident."""

    default_message = MALFORMED_MESSAGE
    default_code = "malformed"

    def __init__(self, message=None, *, code=None):
        self.message = message if message is not None else self.default_message
        # "empty", "too_long", "malformed" or "unknown", for forms' ValidationError codes.
        self.code = code or self.default_code
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


class UnknownPostcode(InvalidPostcode):
    """A well-formed postcode that the geocoder has no location for."""

    default_message = UNKNOWN_MESSAGE
    default_code = "unknown"

    def __init__(self, message=None, *, code=None, postcode=None):
        self.postcode = postcode
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Postcode:
    """A normalised postcode: a district ("CR0") or a full postcode ("CR0 1AB")."""

    outcode: str
    inward: str | None = None
    sector: str | None = None

    @property
    def is_full(self) -> bool:
        return self.inward is not None

    @property
    def display(self) -> str:
        return f"{self.outcode} {self.inward}" if self.inward else self.outcode

    def __str__(self):
        return self.display


def parse_postcode(value) -> Postcode:
    """Return the `Postcode` in `value`, or raise `InvalidPostcode` with a message to show.

    Accepts any case and spacing ("cr01ab", " CR0  1AB "), no-break and full-width characters,
    and a district on its own ("sw1a").
    """
    if isinstance(value, Postcode):
        return value
    if value is None:
        raise InvalidPostcode(EMPTY_MESSAGE, code="empty")
    if not isinstance(value, str):
        raise InvalidPostcode()
    if len(value) > _RAW_LENGTH_LIMIT:
        raise InvalidPostcode(code="too_long")

    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise InvalidPostcode(EMPTY_MESSAGE, code="empty")
    text = _SPACES_RE.sub(" ", text)
    if len(text) > MAX_LENGTH:
        raise InvalidPostcode(code="too_long")
    # Tabs, NUL bytes, markup and letters outside A-Z stop here, before upper-casing could turn
    # a dotless i (U+0131) or a ligature into something that looks like a postcode.
    if not _ALLOWED_RE.match(text):
        raise InvalidPostcode()

    compact = text.replace(" ", "").upper()
    match = _FULL_RE.match(compact)
    if match:
        outward, inward = match["outward"], match["inward"]
        return Postcode(outcode=outward, inward=inward, sector=f"{outward} {inward[0]}")
    # A space inside a district ("CR0 1") is a postcode typed halfway, not the district "CR01".
    if " " not in text and _OUTWARD_RE.match(compact):
        return Postcode(outcode=compact)
    raise InvalidPostcode()
