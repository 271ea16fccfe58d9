"""Analysis in a pool of worker processes, results back in input order.

The workers read and analyse (`sagte.pipeline.process_unit`); the calling process
is the single writer. Results come back in the order of the units, so the store,
copy detection and story clustering see the articles in the same order as a
sequential run and produce the same database.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Container, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sagte.analysis import Mode
from sagte.errors import Errors, InputError, SagteError
from sagte.ingest.units import Unit
from sagte.pipeline import Processed, process_unit, warm_up

logger = logging.getLogger(__name__)


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_workers(workers: int) -> int:
    if workers < 1:
        raise ValueError(Errors.S041.format(value=workers))
    return workers


# Set once in every worker by `_init`, so each task only carries its unit.
_mode: Mode = "auto"
_skip: Container[str] = ()


def _init(mode: Mode, skip: Container[str]) -> None:
    global _mode, _skip
    _mode, _skip = mode, skip
    _end_with_parent()
    warm_up(mode)


def _end_with_parent() -> None:
    """End this worker when the process that started it dies. A pool's worker waits
    for its next unit on a queue whose pipe it holds open itself, so after an ingest
    killed with SIGKILL (or by the out-of-memory killer) it would wait for ever, a
    model's memory and all."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns once the parent's end of its sentinel pipe is closed
        os._exit(1)

    threading.Thread(target=watch, name="sagte-parent-watch", daemon=True).start()


def _run(unit: Unit) -> list[Processed | InputError]:
    return process_unit(unit, _mode, _skip)


def process_units(
    units: Iterable[Unit],
    workers: int,
    mode: Mode = "auto",
    skip: Container[str] = (),
) -> Iterator[tuple[Unit, list[Processed | InputError]]]:
    """Analyse `units` in `workers` processes; yield each unit's results in order.

    At most two units per worker are in flight, so memory stays bounded however
    large the input. With one worker the units are analysed in this process.
    """
    check_workers(workers)
    if workers == 1:
        for unit in units:
            yield unit, process_unit(unit, mode, skip)
        return
    # spawn, not fork: the parent may hold torch's and BLAS's threads, which a
    # forked child inherits in an undefined state.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=(mode, skip)
    ) as pool:
        pending: deque[tuple[Unit, Future[list[Processed | InputError]]]] = deque()
        for unit in units:
            pending.append((unit, pool.submit(_run, unit)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, _result(done, future)
        while pending:
            done, future = pending.popleft()
            yield done, _result(done, future)


def _result(
    unit: Unit, future: Future[list[Processed | InputError]]
) -> list[Processed | InputError]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise SagteError(Errors.S046.format(unit=unit.describe())) from None
