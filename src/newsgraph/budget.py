"""A time and memory budget per document, so one pathological input cannot stall a batch.

    with DocumentBudget(seconds=300, memory_mb=0).watch():
        run the stages

On the main thread a watchdog timer (SIGALRM every `TICK` seconds) interrupts a stage that runs
past the budget or while the process holds more memory than allowed, by raising `OverBudget`.
Off the main thread (Dask worker threads) signals are not available, so the budget is checked
between stages only: a stage that is already running finishes first. `OverBudget` derives from
BaseException so that a stage's own `except Exception` cannot swallow it.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

TICK = 0.25
"""Seconds between two looks of the watchdog at the clock and the process's memory."""

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class OverBudget(BaseException):
    """A document used more time or memory than its budget allows."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def resident_mb() -> float | None:
    """The process's resident memory in MiB (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE / 2**20
    except (OSError, ValueError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class DocumentBudget:
    """`seconds` of work and `memory_mb` of resident memory per document; 0 turns either off."""

    seconds: float = 0.0
    memory_mb: int = 0

    @property
    def active(self) -> bool:
        return self.seconds > 0 or self.memory_mb > 0

    def verdict(self, started: float) -> str | None:
        """Why the document is over budget now, or None."""
        elapsed = time.monotonic() - started
        if self.seconds > 0 and elapsed > self.seconds:
            return (
                f"analysis took over {self.seconds:g} s (the per-document budget); split the "
                "document or raise NEWSGRAPH_DOCUMENT_SECONDS"
            )
        if self.memory_mb > 0:
            used = resident_mb()
            if used is not None and used > self.memory_mb:
                return (
                    f"the process grew to {used:,.0f} MiB while analysing it, over the "
                    f"{self.memory_mb:,} MiB budget; split the document or raise "
                    "NEWSGRAPH_DOCUMENT_MEMORY_MB"
                )
        return None

    def check(self, started: float) -> None:
        """Raise `OverBudget` if the document is over budget (the between-stages check)."""
        message = self.verdict(started) if self.active else None
        if message is not None:
            raise OverBudget(message)

    @contextmanager
    def watch(self, started: float | None = None) -> Iterator[float]:
        """Interrupt the block with `OverBudget` once the budget is spent (main thread only).

        Yields the start time, for `check` between stages.
        """
        start = time.monotonic() if started is None else started
        usable = self.active and threading.current_thread() is threading.main_thread()
        if not usable or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
            yield start  # another timer is running (nested use): leave it alone
            return

        def on_tick(signum: int, frame: FrameType | None) -> None:
            message = self.verdict(start)
            if message is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                raise OverBudget(message)

        previous = signal.signal(signal.SIGALRM, on_tick)
        signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
        try:
            yield start
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
