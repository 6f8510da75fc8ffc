"""base.memory: the C allocator asked to give back its free pages, where it can be."""

import sys

import pytest

from referent_ess.base import memory


def test_asked_on_glibc() -> None:
    """On Linux with glibc the allocator is asked (the function is found and runs)."""
    if not sys.platform.startswith("linux") or not hasattr(
        __import__("ctypes").CDLL(None), "malloc_trim"
    ):
        pytest.skip("no glibc malloc_trim here")
    assert memory.give_back_free_memory() is True


def test_no_op_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no malloc_trim (another system), nothing is asked and it says so."""
    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert memory.give_back_free_memory() is False
    finally:
        memory._malloc_trim.cache_clear()
