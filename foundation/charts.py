"""Bar charts for the admin, drawn as SVG on the server with the same numbers in a table.

Every chart in the admin goes through here and ``templates/components/admin_bar_chart.html``
(docs/decisions/0004-admin-charts.md): the geometry is worked out in Python and written as SVG
attributes, because the site's Content-Security-Policy allows no inline style or script, and the
table beside each chart carries the numbers for screen readers, keyboard users and copying.
"""

from collections.abc import Iterable, Mapping, Sequence

# Blue first: a single-series chart is GOV.UK blue. The others follow the GOV.UK colour palette
# in an order that keeps neighbouring segments of a stacked bar apart in hue and lightness.
PALETTE = ["#1d70b8", "#f47738", "#00703c", "#912b88", "#5694ca", "#b58840", "#d4351c", "#505a5f"]
DEFAULT_COLOUR = PALETTE[0]


def _number(value):
    """A whole number where it is one, so SVG attributes read width="240", not "240.0"."""
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _row(row):
    """Accept (label, value), (label, value, key) or a mapping with the same names."""
    if isinstance(row, Mapping):
        return {
            "label": row["label"],
            "value": row["value"],
            "key": row.get("key", ""),
            "colour": row.get("colour") or DEFAULT_COLOUR,
        }
    label, value, *rest = row
    return {
        "label": label,
        "value": value,
        "key": rest[0] if rest else "",
        "colour": DEFAULT_COLOUR,
    }


def bar_chart(rows: Iterable, *, bar_width=360, label_width=330, bar_height=28, gap=10):
    """Geometry for a horizontal bar chart: one bar per row, its label before it, value after.

    The bars sit in a group moved ``label_width`` to the right, so each bar starts at x=0 and
    the longest is exactly ``bar_width`` wide.
    """
    bars = [_row(row) for row in rows]
    largest = max((bar["value"] for bar in bars), default=0) or 1
    for index, bar in enumerate(bars):
        bar["y"] = index * (bar_height + gap)
        bar["text_y"] = bar["y"] + bar_height // 2 + 5
        bar["width"] = _number(bar_width * bar["value"] / largest)
        bar["value_x"] = _number(bar["width"] + 8)
    return {
        "kind": "bars",
        "bars": bars,
        "bar_height": bar_height,
        "label_width": label_width,
        "label_x": label_width - 8,
        "width": label_width + bar_width + 70,
        "height": max(len(bars) * (bar_height + gap) - gap, bar_height),
        "total": sum(bar["value"] for bar in bars),
    }


def stacked_bar_chart(
    row_labels: Sequence,
    series: Sequence,
    values: Sequence[Sequence[int]],
    *,
    bar_width=360,
    label_width=330,
    bar_height=28,
    gap=10,
):
    """Geometry for horizontal stacked bars, such as ideas per theme split by who sent them.

    ``series`` names the segments (with an optional colour each, as (label, colour)), and
    ``values[row][segment]`` holds the counts. The legend is HTML beside the SVG (long names
    wrap there), and the table repeats the counts with a total column.
    """
    legend = []
    for index, item in enumerate(series):
        label, colour = item if isinstance(item, tuple) else (item, None)
        legend.append({"label": label, "colour": colour or PALETTE[index % len(PALETTE)]})
    totals = [sum(row) for row in values]
    largest = max(totals, default=0) or 1
    bars = []
    for index, (label, row) in enumerate(zip(row_labels, values, strict=True)):
        y = index * (bar_height + gap)
        x = 0
        segments = []
        for item, value in zip(legend, row, strict=True):
            width = _number(bar_width * value / largest)
            segments.append({"x": _number(x), "width": width, "colour": item["colour"]})
            x += width
        bars.append(
            {
                "label": label,
                "values": list(row),
                "value": totals[index],
                "y": y,
                "text_y": y + bar_height // 2 + 5,
                "segments": [segment for segment in segments if segment["width"]],
                "value_x": _number(x + 8),
            }
        )
    return {
        "kind": "stacked",
        "bars": bars,
        "series": legend,
        "bar_height": bar_height,
        "label_width": label_width,
        "label_x": label_width - 8,
        "width": label_width + bar_width + 70,
        "height": max(len(bars) * (bar_height + gap) - gap, bar_height),
        "total": sum(totals),
        "series_totals": [sum(column) for column in zip(*values, strict=True)] if values else [],
    }
