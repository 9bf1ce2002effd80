"""The garbage collector and a large chart.

A 10,000-post chart is some 300,000 objects (the model, its analysis, the layout, the items) that live
until another structure is shown. Left with the collector, each full collection scans them all again and
an edit that happens to trigger one stalls for a tenth of a second. Once a structure is shown and its
views are built, everything then alive is frozen (`gc.freeze`): kept out of every later collection, while
what edits make is collected as usual.
"""

from __future__ import annotations

import gc


def freeze_shown() -> None:
    """Keep everything alive now out of later collections; call once a structure's views are built."""
    gc.freeze()
