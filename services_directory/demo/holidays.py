"""The demo's calendar: English school holidays for the current academic year, and Christmas."""

import datetime


def easter_sunday(year):
    """Gregorian Easter (the anonymous algorithm), for the spring school holiday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _week_of(date):
    monday = date - datetime.timedelta(days=date.weekday())
    return monday, monday + datetime.timedelta(days=4)


def school_holidays(today):
    """Typical English school holidays for the academic year containing `today`."""
    start = today.year if today.month >= 9 else today.year - 1
    end = start + 1
    label = f"{start}\N{EN DASH}{str(end)[2:]}"
    easter = easter_sunday(end)
    return [
        (f"October half term {label}", *_week_of(datetime.date(start, 10, 27))),
        (f"Christmas holiday {label}", datetime.date(start, 12, 22), datetime.date(end, 1, 2)),
        (f"February half term {label}", *_week_of(datetime.date(end, 2, 16))),
        (
            f"Easter holiday {label}",
            easter - datetime.timedelta(days=9),
            easter + datetime.timedelta(days=5),
        ),
        (
            f"May half term {label}",
            *_week_of(datetime.date(end, 5, 31) - datetime.timedelta(days=6)),
        ),
        (f"Summer holiday {label}", datetime.date(end, 7, 22), datetime.date(end, 8, 31)),
    ]


def christmas_closure(today):
    """(Christmas Day, Boxing Day) of this year, or of next year once they have passed."""
    year = today.year if today.month < 12 or today.day < 27 else today.year + 1
    return datetime.date(year, 12, 25), datetime.date(year, 12, 26)
