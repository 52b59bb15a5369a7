"""Supporting an idea: once per visitor, counted exactly however many arrive at once."""

from django.db import IntegrityError, transaction
from django.db.models import F

from consultations.models import Idea, Support


def support_idea(idea, supporter):
    """Record `supporter`'s support. True when it is new, False when they had supported it.

    The unique constraint decides who was first; the count moves in the same transaction with
    an UPDATE ... SET support_count = support_count + 1, so concurrent supports never lose one.
    """
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, supporter=supporter)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True
