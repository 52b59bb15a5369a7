"""Demo content for the consultations, loaded by consultations.demo after home's pages.

consultations_page.json holds the consultations page ("Have your say"). Each other file is one
consultation: its "about" says where its words come from, "consultation" holds its page and
boards, and "contributors" the people who left their details to hear about their idea.

- A consultation: its page's fields (key, slug, title, summary, search_description,
  why_we_are_asking, who_can_take_part, closing_message), topics (names), related_slugs (home's
  pages it links to, found in the page tree), and boards. A closed one has "opens", "closes" and
  "responded" as ["YYYY-MM-DD", "HH:MM"] in the council's time zone; an open one has none, and
  its dates follow the calendar (consultations.demo.dates.open_period). policy_slug names the
  policy whose "comment on this policy" leads to it; events are dated back from its closing day
  (weeks_before_close, to that Saturday; starts and ends are UK times).
- A board: slug, title, question, introduction, moderation ("pre", the default, or "post"),
  themes as [slug, name, description], and ideas.
- An idea: title, description, theme (one of its board's theme slugs), by (a RespondentType
  value), area (a postcode district, or ""), day (days after the consultation opened), supports
  (how many); status "published" (the default), "pending" or "rejected", a rejected idea with a
  reason (a RejectionReason value) and the moderator's note, which is never shown; response as
  [a ResponseStatus value, the council's public response]; comments as [by, text] when
  published, [by, text, "rejected", reason] when not; contributor, a key of "contributors".
- A contributor: [name, email, confirmed their address through the link].

Ideas and comments are numbered in the order they are listed, and their keys (so what a second
load finds) follow from that number: add new ones at the end. The texts are what the demo
translations catalogue (home/demo_content/translations/) is keyed by, so a changed text loses
its translations until the catalogue is updated. This is content, not interface text: it is
not marked for gettext.
"""
