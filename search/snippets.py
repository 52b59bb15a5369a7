"""The few lines under a search result, with the words that matched marked.

Snippets are made from plain text and escaped here, piece by piece: the only markup that reaches
the page is our own <mark>. Words match by stem as well as exactly, so a search for "swimming"
marks "swim" and "swims", as the full-text index matched them.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.understanding.stems import stem

SNIPPET_LENGTH = 240
# How much of the text before the first matched word a snippet keeps, so the word has context.
LEAD_IN = 60
# Letters, digits and the joining marks of Arabic, Bengali and Devanagari (which are not \w):
# splitting on a vowel sign would cut every such word in two.
_WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0900-\u0dff'\u2019]*")


def matcher(words, language):
    """A test for whether a word of the text is one of `words` (lower case), by stem too."""
    exact = {word.lower() for word in words if word}
    stems = {stem(language, word) for word in exact}

    def matches(token):
        token = token.lower().strip("'\u2019")
        return token in exact or stem(language, token) in stems

    return matches


def best_text(texts, words, language="en"):
    """The first of `texts` holding a matched word, else the first with any words at all."""
    texts = [text for text in texts if text and str(text).strip()]
    matches = matcher(words, language)
    for text in texts:
        if any(matches(found.group()) for found in _WORD.finditer(str(text))):
            return str(text)
    return str(texts[0]) if texts else ""


def _window(text, start):
    """About SNIPPET_LENGTH characters of `text` around position `start`, cut between words."""
    if len(text) <= SNIPPET_LENGTH:
        return text
    begin = max(0, start - LEAD_IN)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = begin + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    window = text[begin:end].strip()
    return ("…" if begin else "") + window + ("…" if end < len(text) else "")


def highlight(text, words, language="en"):
    """`text` (plain, never markup) as safe HTML: cut near the first match, matches in <mark>.

    Everything that is not a matched word is escaped, so text holding "<script>" or "&" shows
    those characters and never runs or renders them.
    """
    text = " ".join(str(text or "").split())
    if not text:
        return ""
    matches = matcher(words, language)
    first = next((m.start() for m in _WORD.finditer(text) if matches(m.group())), 0)
    text = _window(text, first)
    parts, position = [], 0
    for found in _WORD.finditer(text):
        if matches(found.group()):
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
