"""Charts of participation: one horizontal bar chart per dimension (type, region,
political control), counts with percentages, as SVG and PNG through matplotlib's Agg
backend (no display needed)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from boardpapers.publish.participation import DIMENSIONS, Summary

TITLES = {"type": "By type of council", "region": "By region",
          "control": "By political control"}
PNG_DPI = 110


def _figure(summary: Summary) -> Any:
    """The bar charts of ``summary`` on one matplotlib figure (the caller closes it)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator
    rows = [len(summary.counts[d]) for d in DIMENSIONS]
    fig, axes = plt.subplots(len(DIMENSIONS), 1, figsize=(7.5, 1.2 + 0.32 * sum(rows) + 1.2),
                             gridspec_kw={"height_ratios": [max(r, 1) for r in rows]})
    for ax, dim in zip(axes, DIMENSIONS, strict=True):
        counts = list(reversed(summary.counts[dim]))
        bars = ax.barh([c.label for c in counts], [c.count for c in counts], color="#1b4f72")
        ax.bar_label(bars, labels=[f"{c.count} ({c.percent:.1f}%)" for c in counts],
                     padding=3, fontsize=8)
        ax.set_title(TITLES[dim], loc="left", fontsize=10)
        ax.tick_params(labelsize=8)
        ax.set_xlim(0, max((c.count for c in counts), default=1) * 1.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(f"{summary.caption or 'Participating councils'} ({summary.total})",
                 fontsize=11)
    fig.tight_layout()
    return fig


def svg_text(summary: Summary) -> str:
    """The chart as SVG text, to put inline in a web page."""
    import matplotlib.pyplot as plt
    fig = _figure(summary)
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg"):]  # no XML prologue or DOCTYPE inside HTML


def write_charts(summary: Summary, folder: Path, stem: str = "participation") -> list[Path]:
    """``stem``.svg and ``stem``.png in ``folder``; the paths written."""
    import matplotlib.pyplot as plt
    fig = _figure(summary)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{stem}.svg", folder / f"{stem}.png"]
    fig.savefig(paths[0], metadata={"Date": None})  # no timestamp: the same input, same file
    fig.savefig(paths[1], dpi=PNG_DPI)
    plt.close(fig)
    return paths
