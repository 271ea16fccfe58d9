"""`sagte batch`: the analysis over partitions of the input on a Dask cluster.

Each work unit (`sagte.ingest.units`) becomes one Dask task that runs the same
per-article function as `sagte ingest` (`sagte.pipeline.process_unit`) and writes
its partition of Parquet (`sagte.store.parquet`). A task whose worker dies is
run again by Dask on another worker; a task that fails `retries` more times is
reported and the others go on. Partitions already finished in OUT are skipped,
so running the same command again only does what is missing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from distributed import WorkerPlugin

from sagte.analysis import Mode
from sagte.errors import Errors, InputError, SagteError
from sagte.ingest.readers import STDIN
from sagte.ingest.sniff import is_url
from sagte.ingest.units import UNIT_SIZE, Unit, plan
from sagte.pipeline import process_unit, warm_up
from sagte.store.parquet import finished, write_partition

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchReport:
    """What a batch run did: partitions written, skipped (already done), failed."""

    out: str
    partitions: int = 0
    written: int = 0
    skipped: int = 0
    articles: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)  # inputs that could not be read
    failed: list[str] = field(default_factory=list)  # partitions that failed every try
    dashboard: str | None = None
    worker_peak_rss: dict[str, int] = field(default_factory=dict)  # bytes, per worker


def run_partition(unit: Unit, out: str, mode: Mode, seq: int) -> dict[str, Any]:
    """The Dask task: read and analyse one unit, write its partition; return its counts."""
    results = process_unit(unit, mode)
    return write_partition(out, unit.name, results, {"seq": seq, "unit": unit.describe()})


class WarmUp(WorkerPlugin):
    """A Dask worker plugin: load the analysis models when a worker starts (or restarts)."""

    name = "sagte-warm-up"

    def __init__(self, mode: Mode) -> None:
        self.mode = mode

    def setup(self, worker: Any) -> None:
        warm_up(self.mode)


def run_batch(
    sources: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    scheduler: str = "local",
    workers: int | None = None,
    mode: Mode = "auto",
    unit_size: int = UNIT_SIZE,
    retries: int = 2,
    on_plan: Callable[[int, int, str | None], None] | None = None,
    on_partition: Callable[[dict[str, Any]], None] | None = None,
) -> BatchReport:
    """Analyse `sources` on Dask and write partitioned Parquet into `out`.

    Args:
        scheduler: a scheduler address (``tcp://host:8786``) or ``local`` for a
            LocalCluster of `workers` single-threaded processes on this machine. On
            a remote cluster, `sources` and `out` must be on a filesystem every
            worker sees under the same paths.
        on_plan: called once with (partitions to run, articles in them, dashboard link).
        on_partition: called with each finished partition's counts.

    Raises:
        SagteError: the scheduler cannot be reached ([S044]).
    """
    from dask.distributed import Client, LocalCluster, as_completed

    # Workers of a remote cluster have their own working directory: they find the
    # input and the output by absolute paths (on a filesystem they all share).
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    sources = [s if is_url(os.fspath(s)) or s == STDIN else os.path.abspath(s) for s in sources]
    units, read_errors = plan(sources, size=unit_size)
    if any(unit.reads_stdin for unit in units):
        raise SagteError(Errors.S045)
    report = BatchReport(out=out, partitions=len(units))
    report.errors = [str(err) for err in read_errors]
    done = finished(out)
    todo = [(seq, unit) for seq, unit in enumerate(units) if unit.name not in done]
    report.skipped = len(units) - len(todo)
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=workers or _cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise SagteError(Errors.S044.format(address=scheduler, reason=err)) from None
    try:
        report.dashboard = client.dashboard_link
        client.register_plugin(WarmUp(mode))
        if on_plan is not None:
            on_plan(len(todo), sum(u.count or len(u.files) for _, u in todo), report.dashboard)
        futures = {
            client.submit(
                run_partition, unit, out, mode, seq, key=f"sagte-{unit.name}", retries=retries
            ): unit
            for seq, unit in todo
        }
        for future in as_completed(futures):
            unit = futures[future]
            if future.status == "error":
                reason = repr(future.exception())
                message = Errors.S043.format(name=unit.describe(), tries=retries + 1, reason=reason)
                logger.error(message)
                report.failed.append(message)
                continue
            counts = future.result()
            report.written += 1
            report.articles += counts["articles"]
            report.statements += counts["statements"]
            if on_partition is not None:
                on_partition(counts)
        report.worker_peak_rss = client.run(_peak_rss)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def load(
    db: Any,
    out: str | os.PathLike[str],
    on_article: Callable[[Any], None] | None = None,
) -> dict[str, int]:
    """Store the batch output in `out` into `db` (a `sagte.api.Database`), in input order.

    Articles already stored are skipped, so loading twice changes nothing. Copy
    detection and story clustering run as for `sagte ingest`.
    """
    from sagte.store.parquet import read_partitions

    counts = {"stored": 0, "stored_unanalysed": 0, "duplicate": 0, "error": 0, "statements": 0}
    for item in read_partitions(out):
        if isinstance(item, InputError):
            counts["error"] += 1
            continue
        event = db.add(*item)
        counts[event.kind] += 1
        counts["statements"] += event.statements
        if on_article is not None:
            on_article(event)
    return counts


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports kB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cores() -> int:
    from sagte.parallel import default_workers

    return default_workers()
