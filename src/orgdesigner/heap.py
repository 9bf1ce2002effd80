"""Python's cyclic garbage collector held off while a file is read and shown (issue 14).

Reading a structure file and building what shows it makes hundreds of thousands of objects that all
live on. The collector would walk them several times while they are made (about 0.2 s of a 10,000-post
start) and find next to nothing: a replaced structure is freed by reference counting, not by it.
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
