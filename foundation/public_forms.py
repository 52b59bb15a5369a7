"""What every form residents fill in shares: spam protection, their words kept through any
error, and a GOV.UK error summary whose links land on the right field."""

from django.core.validators import ProhibitNullCharactersValidator

from foundation.spam_protection import SpamProtectedForm

# Typed text shown back is cut here: a pasted essay is refused by max_length, not echoed whole.
TYPED_MAX_LENGTH = 5000


class PublicForm(SpamProtectedForm):
    """A public form; subclasses name `typed_fields` and, for radios, `error_targets`."""

    # Field name -> the element id its error summary link points at (radios: the first input).
    error_targets = {}
    # Fields whose raw text is shown back after an error.
    typed_fields = ()

    def __init__(self, *args, prefix_id="", **kwargs):
        kwargs.setdefault("auto_id", f"{prefix_id}%s")
        super().__init__(*args, **kwargs)
        # A stray NUL byte in pasted text is removed by the form's cleaning rather than refused:
        # the person's words are kept (and PostgreSQL would refuse to store it).
        for field in self.fields.values():
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]

    def error_list(self):
        return [
            {
                "text": error,
                "href": "#" + self.error_targets.get(name, self[name].id_for_label)
                if name in self.fields
                else "",
            }
            for name, errors in self.errors.items()
            for error in errors
        ]

    @property
    def typed(self):
        """What was typed, for redisplay (escaped by the template), with NUL bytes removed."""
        if not self.is_bound:
            return {name: self.initial.get(name, "") for name in self.typed_fields}
        return {
            name: str(self.data.get(name, "")).replace("\x00", "")[:TYPED_MAX_LENGTH]
            for name in self.typed_fields
        }
