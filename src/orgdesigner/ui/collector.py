"""The garbage collector and a large chart.

A 10,000-post chart is some 300,000 objects (the model, its analysis, the layout, the items) that live
until another structure is shown. Left with the collector, each full collection scans them all again and
an edit that happens to trigger one stalls for a tenth of a second. Once a structure is shown and its
views are built (a file opened, which `heap.settling` freezes too, or another scenario shown), everything
then alive is frozen (`gc.freeze`): kept out of every later collection, while what edits make is
collected as usual.

An edit that moves a wide branch aside makes tens of thousands of objects that live on (the new layout of
what moved). With Python's default of a collection every 700 new objects, each such edit runs dozens of
collections and a full one now and then; collecting every `YOUNG` new objects instead does the same work
a few times, not dozens (over the edit bench's 45 edits, undos and redos at 10,000 posts, the time spent
collecting fell from about 240 ms to 90).
"""

from __future__ import annotations

import gc

YOUNG = 20_000
"""New objects between two collections of the youngest generation."""


def freeze_shown() -> None:
    """Keep everything alive now out of later collections, and collect the young less often; call once a
    structure's views are built."""
    gc.freeze()
    young, *older = gc.get_threshold()
    if young < YOUNG:
        gc.set_threshold(YOUNG, *older)
