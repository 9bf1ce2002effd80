"""Python's cyclic garbage collector and a large structure (issue 14).

Reading a structure file and building what shows it makes hundreds of thousands of objects that all
live on. The collector would walk them several times while they are made (about 0.2 s of a 10,000-post
start) and find next to nothing: a replaced structure is freed by reference counting, not by it. So
nothing is collected while a file is read and shown (`settling`), and what was then made is frozen out of
later collections.

Once shown, a 10,000-post chart is some 300,000 objects (the model, its analysis, the layout, the items).
An edit that moves a wide branch aside makes tens of thousands of objects that live on (the new layout
of what moved); with Python's default of a collection every 700 new objects, each such edit runs dozens
of collections and a full one now and then. Collecting every `YOUNG` new objects instead does the same
work a few times, not dozens (over the edit bench's 45 edits, undos and redos at 10,000 posts, the time
spent collecting fell from about 240 ms to 90): `freeze_shown`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settling() -> Iterator[None]:
    """Collect no cyclic garbage inside; on leaving, move every object then alive out of the collector's
    reach (`gc.freeze`), so later collections walk only what is made afterwards, and collect as before.

    A cycle already garbage on leaving is never freed: keep inside only work whose objects live on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


YOUNG = 20_000
"""New objects between two collections of the youngest generation once a structure is shown."""


def freeze_shown() -> None:
    """Keep everything alive now out of later collections, and collect the young less often; call once a
    structure's views are built (a file opened, another scenario shown)."""
    gc.freeze()
    young, *older = gc.get_threshold()
    if young < YOUNG:
        gc.set_threshold(YOUNG, *older)
