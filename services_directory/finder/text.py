"""The short phrases a result shows: ages, cost, distance. Whole translated sentences."""

from decimal import Decimal

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext


def money(amount):
    """£3.50, or £12 for a whole number of pounds (GOV.UK style: no ".00")."""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


def age_range_text(minimum, maximum):
    if minimum is None or minimum == 0:
        if maximum is None:
            return gettext("All ages")
        if maximum == 0:
            return gettext("Under 1 year")
        if minimum == 0:
            return ngettext("0 to %(max)s year", "0 to %(max)s years", maximum) % {"max": maximum}
        return ngettext("Up to %(max)s year", "Up to %(max)s years", maximum) % {"max": maximum}
    if maximum is None:
        return ngettext("%(min)s year and over", "%(min)s years and over", minimum) % {
            "min": minimum
        }
    if minimum == maximum:
        return ngettext("%(age)s year", "%(age)s years", minimum) % {"age": minimum}
    return ngettext("%(min)s to %(max)s year", "%(min)s to %(max)s years", maximum) % {
        "min": minimum,
        "max": maximum,
    }


def _option_phrase(option):
    # Editors write "Per session"; inside a sentence it reads "£3.50 per session". An option
    # starting with an acronym ("NHS referral") keeps its capitals.
    option = " ".join((option or "").split())
    if len(option) > 1 and option[0].isupper() and option[1].islower():
        return option[0].lower() + option[1:]
    return option


def as_written(text):
    """An editor's words from a part of a listing that translations copy as they are (what a
    price is for): marked as the default language's on a page in another language, so it is
    read with the right voice and never passes for a translation (issue 10)."""
    source = settings.LANGUAGE_CODE
    if not text or (get_language() or source).split("-")[0] == source:
        return text
    return format_html('<bdi lang="{}" dir="ltr">{}</bdi>', source, text)


def _sentence(template, **parts):
    """A translated sentence around escaped parts; safe to show, whichever part is marked."""
    return mark_safe(  # noqa: S308 - every part is escaped, unless already marked safe
        template % {name: conditional_escape(value) for name, value in parts.items()}
    )


def cost_text(is_free, amount=None, option="", charged_options=0):
    """ "Free", "£3.50 per session", or "From £3.50 per session" when there are several prices."""
    if is_free or amount is None:
        return gettext("Free")
    price = money(amount)
    phrase = as_written(_option_phrase(option))
    if charged_options > 1:
        if phrase:
            return _sentence(gettext("From %(price)s %(option)s"), price=price, option=phrase)
        return gettext("From %(price)s") % {"price": price}
    if phrase:
        return _sentence(gettext("%(price)s %(option)s"), price=price, option=phrase)
    return price


def cost_option_text(cost_option):
    """One cost option on the service page."""
    if not cost_option.is_charged:
        return as_written(cost_option.option) or gettext("Free")
    return cost_text(False, cost_option.amount, cost_option.option)


def distance_text(miles):
    """For example "0.4 miles" or "1 mile": one decimal place, as exact as postcodes allow."""
    if miles is None:
        return ""
    rounded = round(float(miles), 1)
    if rounded < 0.1:
        return gettext("Less than 0.1 miles")
    number = f"{rounded:g}" if rounded == int(rounded) else f"{rounded:.1f}"
    return ngettext("%(distance)s mile", "%(distance)s miles", 1 if rounded == 1 else 2) % {
        "distance": number
    }
