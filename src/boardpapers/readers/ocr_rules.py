"""What OCR pages need from the pixels besides words: ruling lines and stroke widths.

A scanned table keeps its ruling as long straight runs of ink; found here as ``Rule``s in
points, they let the PDF reader's grid finder make the same tables as from a drawn PDF.
Tesseract does not say which words are bold, so a word's stroke width (its ink divided
by the strokes crossed along its rows) is measured for ``ocr`` to compare with the page's
usual width.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from boardpapers.readers.pdf_extract import Rule

INK_THRESHOLD = 140  # grey levels (0-255) darker than this are ink
MIN_HORIZONTAL_RULE_POINTS = 36.0  # half an inch: no letter is this wide a run of ink
MIN_VERTICAL_RULE_POINTS = 24.0  # a third of an inch: taller than any letter of body or heading
MAX_RULE_THICKNESS_POINTS = 3.0  # a thicker run of ink is a filled shape, not a line
_JOIN_PIXELS = 3  # runs in neighbouring rows whose ends are this close are one line


def dark_pixels(gray: Any) -> np.ndarray:
    """The ink of a greyscale Pillow image as a boolean array (rows, columns)."""
    return np.asarray(gray, dtype=np.uint8) < INK_THRESHOLD


def stroke_widths(dark: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> list[float]:
    """Mean horizontal stroke width in pixels inside each (x0, top, x1, bottom) box."""
    out = []
    for x0, top, x1, bottom in boxes:
        cell = dark[max(top, 0):max(bottom, 0), max(x0, 0):max(x1, 0)]
        if cell.size == 0:
            out.append(0.0)
            continue
        strokes = int(cell[:, 0].sum()) + int((cell[:, 1:] & ~cell[:, :-1]).sum())
        out.append(float(cell.sum()) / strokes if strokes else 0.0)
    return out


def ruling_lines(dark: np.ndarray, scale: float) -> list[Rule]:
    """Horizontal and vertical ruling lines, in points (``scale`` points per pixel)."""
    rules = []
    for x0, top, x1, bottom in _lines(dark, MIN_HORIZONTAL_RULE_POINTS / scale):
        if bottom - top <= MAX_RULE_THICKNESS_POINTS / scale:
            rules.append(Rule(x0 * scale, top * scale, x1 * scale, bottom * scale))
    for top, x0, bottom, x1 in _lines(dark.T, MIN_VERTICAL_RULE_POINTS / scale):
        if x1 - x0 <= MAX_RULE_THICKNESS_POINTS / scale:
            rules.append(Rule(x0 * scale, top * scale, x1 * scale, bottom * scale))
    return rules


def _lines(dark: np.ndarray, min_length: float) -> list[tuple[int, int, int, int]]:
    """(start, first row, end, last row + 1) of each band of row runs at least
    ``min_length`` long, runs in neighbouring rows with close ends joined."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)  # row-major order: each end follows its start
    keep = (ends - starts) >= min_length
    open_bands: list[list[int]] = []  # [start, first row, end, last row + 1]
    done: list[tuple[int, int, int, int]] = []
    for row, start, end in zip(rows[keep].tolist(), starts[keep].tolist(),
                               ends[keep].tolist(), strict=True):
        for band in open_bands:
            if band[3] >= row and abs(band[0] - start) <= _JOIN_PIXELS \
                    and abs(band[2] - end) <= _JOIN_PIXELS:
                band[3] = row + 1
                break
        else:
            open_bands.append([start, row, end, row + 1])
        still = [b for b in open_bands if b[3] >= row]
        done += [(b[0], b[1], b[2], b[3]) for b in open_bands if b[3] < row]
        open_bands = still
    return done + [(b[0], b[1], b[2], b[3]) for b in open_bands]
