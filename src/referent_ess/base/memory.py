"""Giving back to the system the memory a large read has freed.

Reading a workbook of a hundred thousand offers builds its raw sheet (every cell as text),
about a hundred megabytes, freed once the offers are made of it. Python gives its own small
objects' memory back as soon as a whole arena of it is free, but the C allocator (glibc's
``malloc``, which holds Python's larger objects) keeps the pages it freed in the middle of its
heap: they stay in the process's resident memory, unused by the evaluation that follows, whose
small objects come from new arenas. ``malloc_trim`` hands them back (measured at 100 000
offers: 12 MB less at the peak of ``score --format json``). Nothing else changes: no object
moves, no value is touched.
"""

import sys
from collections.abc import Callable
from functools import cache


def give_back_free_memory() -> bool:
    """Ask the C allocator to return its free pages to the system; whether it could be asked
    (glibc only: elsewhere, a no-op that says False)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim(pad)``, or None where there is none (not Linux, or a C library,
    like musl, without it). ``ctypes`` is imported only here: it costs start-up time."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):
        return None
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    function: Callable[[int], int] = trim
    return function
