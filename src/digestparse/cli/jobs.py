"""Running the files through ``process_file``: in this process, or in chunks on ``--jobs``
worker processes, with results in input order.

The pool is a few lines of our own rather than ``ProcessPoolExecutor``: stopping an
executor whose worker was killed mid-result can hang forever (its manager thread waits
for the rest of a message that never comes), and a run must end promptly on Ctrl-C,
SIGTERM or a closed output pipe. Here the main process talks to each worker over its
own pipe, with no helper threads, so ending a run is: kill the workers, reap them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InternalError
from .inputs import Task
from .scratch import run_directory
from .shutdown import init_worker
from .worker import FileResult, Settings, process_file

if TYPE_CHECKING:  # imported when a pool starts: a run in this process never needs them
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

#: At most this many files go to a worker process at a time.
MAX_CHUNK = 64
#: Seconds to wait for a worker to go after it was told or made to.
REAP_TIMEOUT = 5.0


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


#: What is done to one file: ``process_file``, or another command's worker (``merge``).
Work = Callable[[Task, Settings], FileResult]


def process_chunk(
    tasks: Sequence[Task], settings: Settings, work: Work = process_file
) -> list[FileResult]:
    return [work(task, settings) for task in tasks]


def chunk_size_for(file_count: int, workers: int) -> int:
    # Several chunks per worker balance uneven files; a cap keeps the results
    # waiting in the parent (for output order) small.
    return max(1, min(MAX_CHUNK, file_count // (workers * 8)))


def run_tasks(
    tasks: Sequence[Task], settings: Settings, jobs: int, work: Work = process_file
) -> Generator[FileResult, None, None]:
    """Results in the order of ``tasks``, computed by up to ``jobs`` processes, never
    more processes than tasks or usable CPUs."""
    workers = min(jobs, len(tasks), usable_cpus())
    if workers <= 1:
        for task in tasks:
            # In this process a check or a lenient parse streams its records out as read.
            yield process_file(task, settings, stream=True) if work is process_file else work(
                task, settings
            )
        return
    size = chunk_size_for(len(tasks), workers)
    chunks = [tasks[start : start + size] for start in range(0, len(tasks), size)]
    pool: list[Worker] = []
    try:
        for _ in range(workers):
            pool.append(start_worker(settings, work))
        for results in results_in_order(pool, chunks):
            yield from results
    except BaseException:  # Ctrl-C, SIGTERM, the output closed: do not wait for running chunks
        for worker in pool:
            worker.process.kill()
        raise
    else:
        for worker in pool:
            with contextlib.suppress(OSError):  # already gone: reaped below all the same
                worker.connection.send(None)
    finally:
        for worker in pool:
            worker.process.join(REAP_TIMEOUT)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(REAP_TIMEOUT)
            worker.connection.close()


class Worker:
    """One worker process and our end of its pipe (plain class: a dataclass costs import
    time)."""

    __slots__ = ("connection", "process")

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection


def start_worker(settings: Settings, work: Work = process_file) -> Worker:
    """A worker process doing ``work`` (a module-level function: spawn pickles it)."""
    import multiprocessing

    context = multiprocessing.get_context()
    parent = None if context.get_start_method() == "forkserver" else os.getpid()
    ours, theirs = context.Pipe()
    process = context.Process(
        target=serve,
        args=(theirs, settings, work, parent, run_directory()),
        name="digestparse-worker",
        daemon=True,
    )
    process.start()
    theirs.close()
    return Worker(process, ours)


def serve(
    connection: Connection, settings: Settings, work: Work, parent: int | None, scratch: str
) -> None:
    """A worker process: chunks in, results out, until told to stop (None) or orphaned.
    Its temporary files go to ``scratch``, the main process's run directory."""
    init_worker(parent, scratch)
    while True:
        try:
            chunk = connection.recv()
        except EOFError:
            return
        if chunk is None:
            return
        reply: tuple[str, Any]
        try:
            reply = ("results", process_chunk(chunk, settings, work))
        except Exception as error:  # process_file catches per file; this is a bug
            reply = ("error", repr(error))
        connection.send(reply)


def results_in_order(
    pool: list[Worker], chunks: Sequence[Sequence[Task]]
) -> Iterator[list[FileResult]]:
    """Each chunk's results, in chunk order; one chunk per worker at a time, and at most
    two chunks per worker handed out ahead of the one that is due (memory stays flat)."""
    from multiprocessing.connection import Connection, wait

    window = 2 * len(pool)
    idle = list(pool)
    busy: dict[Connection, tuple[Worker, int]] = {}
    done: dict[int, list[FileResult]] = {}
    handed_out = 0
    due = 0
    while due < len(chunks):
        while idle and handed_out < min(len(chunks), due + window):
            worker = idle.pop()
            try:
                worker.connection.send(chunks[handed_out])
            except OSError:  # its end of the pipe is closed: the worker died
                raise worker_died(worker) from None
            busy[worker.connection] = (worker, handed_out)
            handed_out += 1
        if due in done:
            yield done.pop(due)
            due += 1
            continue
        for ready in wait(list(busy)):
            assert isinstance(ready, Connection)
            worker, index = busy.pop(ready)
            try:
                kind, payload = ready.recv()
            except (EOFError, OSError):
                raise worker_died(worker) from None
            if kind == "error":
                raise InternalError(f"in a worker process: {payload}")
            done[index] = payload
            idle.append(worker)


def worker_died(worker: Worker) -> InternalError:
    worker.process.join(REAP_TIMEOUT)
    return InternalError(
        f"a worker process ended unexpectedly (exit status {worker.process.exitcode})"
    )
