"""The universe of a directory's sets: its visible services in name order, one bit each.

A service's place in the universe is its bit in every set (bits.py), and name order is the
order the results list them in, so "the first twenty services a search keeps, by name" are the
twenty lowest bits of its set. The facts a filter reads from the service's own row (status,
cost, delivery, ages) come with the universe itself, as sets.
"""

from dataclasses import dataclass

from services_directory.models import ServiceStatus

from . import bits
from .filters import DELIVERY_FIELDS, visible_services
from .forms import MAX_AGE


@dataclass(frozen=True)
class Universe:
    """The visible services of a directory, by position (name order, as the results list them)."""

    pks: tuple  # position -> page id
    lowest: int  # slots[pk - lowest] is the position of page pk, or -1
    slots: tuple
    everything: int
    active: int
    free: int
    delivery: dict  # "online" -> set
    ages: tuple  # age 0..MAX_AGE -> set

    @property
    def size(self):
        return len(self.pks)

    def position_of(self, pk):
        index = pk - self.lowest
        if 0 <= index < len(self.slots):
            position = self.slots[index]
            return position if position >= 0 else None
        return None

    def from_pks(self, pks):
        """The set of these page ids (those outside the universe are left out)."""
        # One loop with everything local: this runs for every id of every set after a publish.
        slots, lowest, count = self.slots, self.lowest, len(self.slots)
        buffer = bytearray((len(self.pks) + 7) // 8)
        for pk in pks:
            index = pk - lowest
            if 0 <= index < count:
                position = slots[index]
                if position >= 0:
                    buffer[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(buffer, "little")

    def from_text(self, text):
        """The set of the page ids in a comma-separated list from SQL (GROUP_CONCAT)."""
        return self.from_pks(map(int, text.split(","))) if text else 0


def read_universe(directory_page):
    """The Universe of `directory_page`, from one query over its visible services."""
    rows = (
        visible_services(directory_page)
        .order_by("title", "pk")
        .values_list(
            "pk",
            "status",
            "is_free",
            *DELIVERY_FIELDS.values(),
            "minimum_age",
            "maximum_age",
        )
    )
    rows = list(rows)
    size = len(rows)
    pks = tuple(row[0] for row in rows)
    lowest = min(pks, default=0)
    slots = [-1] * ((max(pks) - lowest + 1) if pks else 0)
    active, free = [], []
    delivery = {code: [] for code in DELIVERY_FIELDS}
    by_range = {}
    for position, (pk, status, is_free, *rest) in enumerate(rows):
        slots[pk - lowest] = position
        if status == ServiceStatus.ACTIVE:
            active.append(position)
        if is_free:
            free.append(position)
        for code, delivered in zip(DELIVERY_FIELDS, rest[:3], strict=True):
            if delivered:
                delivery[code].append(position)
        by_range.setdefault((rest[3], rest[4]), []).append(position)
    # A few dozen distinct (youngest, oldest) pairs, however many services: one set each.
    ranges = [
        (youngest, oldest, bits.from_positions(members, size))
        for (youngest, oldest), members in by_range.items()
    ]
    ages = tuple(
        _union(
            members
            for youngest, oldest, members in ranges
            if (youngest is None or youngest <= age) and (oldest is None or age <= oldest)
        )
        for age in range(MAX_AGE + 1)
    )
    return Universe(
        pks=pks,
        lowest=lowest,
        slots=tuple(slots),
        everything=bits.all_of(size),
        active=bits.from_positions(active, size),
        free=bits.from_positions(free, size),
        delivery={code: bits.from_positions(p, size) for code, p in delivery.items()},
        ages=ages,
    )


def _union(sets):
    result = 0
    for members in sets:
        result |= members
    return result
