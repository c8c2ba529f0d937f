"""Running the files through ``process_file``: in this process, or in chunks on a pool of
``--jobs`` worker processes, with results in input order, and the workers stopped on Ctrl-C."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

from .inputs import Task
from .worker import FileResult, Settings, process_file

#: At most this many files go to a worker process at a time.
MAX_CHUNK = 64


#: What is done to one file: ``process_file``, or another command's worker (``merge``).
Work = Callable[[Task, Settings], FileResult]


def process_chunk(
    tasks: Sequence[Task], settings: Settings, work: Work = process_file
) -> list[FileResult]:
    return [work(task, settings) for task in tasks]


def ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the parent handles it, so
    # workers print no tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chunk_size_for(file_count: int, workers: int) -> int:
    # Several chunks per worker balance uneven files; a cap keeps the results
    # waiting in the parent (for output order) small.
    return max(1, min(MAX_CHUNK, file_count // (workers * 8)))


def run_tasks(
    tasks: Sequence[Task], settings: Settings, jobs: int, work: Work = process_file
) -> Generator[FileResult, None, None]:
    """Results in the order of ``tasks``, computed by up to ``jobs`` processes."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield work(task, settings)
        return
    workers = min(jobs, len(tasks))
    size = chunk_size_for(len(tasks), workers)
    chunks = (tasks[start : start + size] for start in range(0, len(tasks), size))
    chunk_work = partial(process_chunk, settings=settings, work=work)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=ignore_sigint)
    try:
        # A bounded window of chunks in flight: memory stays flat for any
        # number of files, and results are taken in submission order.
        pending: deque[Future[list[FileResult]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(chunk_work, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:  # Ctrl-C, or the output closed: do not wait for running chunks
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now: one may be stuck (a FIFO, a huge file) and ignores Ctrl-C."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 there is no public way; the pool keeps its processes here.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
