"""Many dumps as Dask dataframes, and the merge on Dask (``pip install 'digestparse[dask]'``).

``import digestparse`` never imports this module; importing it needs the
``dask`` extra (dask[dataframe], distributed, pandas).

- ``read_papers(paths)``: a ``dask.dataframe`` of paper records (one row per
  paper sighting, one partition per group of files) and one of diagnostics.
  The columns and dtypes (``PAPER_META``) come from ``schema/paper.schema.json``
  (arrays as JSON text, dates as ISO text, nullable integers as ``Int64``), plus
  ``capture`` (the file's position in ``paths``), ``captured`` (its capture date)
  and ``key``.
- ``merge_papers(papers)``: one row per distinct paper, the same records as
  ``digestparse.merge`` (columns ``MERGE_META``, from ``schema/merge.schema.json``;
  ``links`` and ``seen`` as JSON text):
  rows are shuffled by identity group and each group is merged by ``Merger``.
- ``merged_records(frame)``: the merged rows as dicts sorted by key, equal to
  ``MergedPaper.to_dict()``.

Works with any scheduler: the default threads, or ``dask.distributed.Client``
on one machine (``LocalCluster``) or a cluster (``Client("tcp://scheduler:8786")``).
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from importlib import resources
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from .api import parse_file
from .cli.escape import display_name
from .dates import check_reference_date
from .identity import identity_groups
from .merge import MERGE_FIELDS, Merger, capture_date, name_reference_day
from .model import RECORD_FIELDS, Paper
from .wrapper import today, today_is

#: Files read into one partition by default.
FILES_PER_PARTITION = 64

_DIAGNOSTIC_COLUMNS = {
    "source": "string",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "code": "string",
    "message": "string",
}
#: Columns of the paper frame beyond the record's: the capture's number and date, the key.
_CAPTURE_COLUMNS = {"capture": "int64", "captured": "string", "key": "string"}


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("digestparse").joinpath(f"schema/{name}").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _dtype(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """The pandas dtype for one JSON Schema property (nullable where the schema allows null)."""
    if "$ref" in spec:
        return _dtype(defs[spec["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in spec:
        return next(_dtype(part, defs) for part in spec["anyOf"] if part.get("type") != "null")
    kinds = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    kind = next(k for k in kinds if k != "null")
    # Arrays (links, seen) are held as JSON text: Dask keeps object columns of lists poorly
    # (it converts object columns to strings), and Parquet stores text plainly.
    return {"integer": "Int64", "boolean": "boolean"}.get(kind, "string")


def _meta(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})


def _schema_columns(name: str) -> dict[str, str]:
    schema = _schema(name)
    defs = schema.get("$defs", {})
    return {field: _dtype(schema["properties"][field], defs) for field in schema["required"]}


#: The paper frame's columns: the paper record's (schema order), then the capture columns.
PAPER_META = _meta({**_schema_columns("paper.schema.json"), **_CAPTURE_COLUMNS})
#: The diagnostics frame's columns: those of ``Diagnostic.to_dict()``.
DIAGNOSTIC_META = _meta(_DIAGNOSTIC_COLUMNS)
#: The merged frame's columns: ``MERGE_FIELDS``.
MERGE_META = _meta(_schema_columns("merge.schema.json"))


def _read_group(
    paths: Sequence[str],
    first: int,
    reference_date: datetime.date | None,
    today: datetime.date,
    date_from_name: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One partition: the papers and the diagnostics of ``paths`` (numbered from ``first``).

    Each dump is parsed as ``parse_file(path, reference_date=reference_date)`` parses it:
    without a reference date, against the capture time it states, else (with
    ``date_from_name``) the day after the date in its name (``merge.name_reference_day``),
    else today. A dump that states no capture time (nor, with ``date_from_name``, a date in
    its name) was captured ``today``, the client's day, the same on every worker: its
    yearless dates resolve against that day too, not against the worker's clock.
    """
    papers: list[dict[str, Any]] = []
    diagnostics: list[dict[str, Any]] = []
    for number, path in enumerate(paths, start=first):
        named = name_reference_day(path) if date_from_name else None
        with today_is(named or today):
            digest = parse_file(path, reference_date=reference_date)
        day = capture_date(digest, use_name=date_from_name, reference_date=reference_date or today)
        # A name that is not UTF-8 is shown as the CLI shows it (``bad\xff.txt``): Arrow
        # strings cannot hold the lone surrogates ``os.fsdecode`` keeps such bytes as.
        source = display_name(os.fsdecode(digest.source))  # a bytes path's too
        for paper in digest.papers:
            record = {"source": source, **paper.to_dict()}
            record["links"] = json.dumps(record["links"], ensure_ascii=False)
            record.update(capture=number, captured=day.isoformat(), key=paper.key)
            papers.append(record)
        diagnostics.extend(
            {**diagnostic.to_dict(), "source": source} for diagnostic in digest.diagnostics
        )
    return _frame(papers, PAPER_META), _frame(diagnostics, DIAGNOSTIC_META)


def _frame(rows: list[dict[str, Any]], meta: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(meta.columns))
    return frame.astype(meta.dtypes.to_dict())


def read_papers(
    paths: Sequence[str | os.PathLike[str]],
    *,
    files_per_partition: int = FILES_PER_PARTITION,
    reference_date: datetime.date | None = None,
    date_from_name: bool = False,
) -> tuple[dd.DataFrame, dd.DataFrame]:
    """The papers and the diagnostics of the dumps at ``paths`` (lenient parse).

    One partition per ``files_per_partition`` files. Each dump is parsed as
    ``parse_file(path, reference_date=reference_date)`` parses it (without a reference
    date, against the capture time it states, else with ``date_from_name`` the day after
    the date in its name, else today), as ``digestparse merge`` does; capture dates as in
    ``digestparse.merge``. No paths give empty frames. The two frames come from the
    same tasks: compute them together (``dask.compute(papers, diagnostics)``) to parse
    each file once.
    """
    if files_per_partition < 1:
        raise ValueError("files_per_partition must be 1 or more")
    if isinstance(paths, (str, bytes, os.PathLike)):  # its characters would be the paths
        raise TypeError("read_papers() takes a sequence of paths, not one path")
    reference_date = check_reference_date(reference_date)
    names = [os.fspath(path) for path in paths]
    if not names:  # Dask makes no frame of no partitions
        return (dd.from_pandas(PAPER_META, npartitions=1),
                dd.from_pandas(DIAGNOSTIC_META, npartitions=1))
    day = today()
    parts = [
        dask.delayed(_read_group, nout=2, pure=True)(
            names[start : start + files_per_partition], start, reference_date, day,
            date_from_name,
        )
        for start in range(0, len(names), files_per_partition)
    ]
    papers = dd.from_delayed([part[0] for part in parts], meta=PAPER_META, verify_meta=False)
    diagnostics = dd.from_delayed(
        [part[1] for part in parts], meta=DIAGNOSTIC_META, verify_meta=False
    )
    return papers, diagnostics


def merge_papers(papers: dd.DataFrame, shuffle_method: str = "tasks") -> dd.DataFrame:
    """One row per distinct paper of a frame from ``read_papers`` (in no particular order).

    The identity groups (keys and paper ids, united both ways) are worked
    out first from the ``key`` and ``paper_id`` columns alone, which reads the
    frame once; ``persist()`` it beforehand to parse the dumps only once.
    ``shuffle_method`` is Dask's: ``"tasks"`` (the default; the faster one while
    the rows fit in the workers' memory) or ``"p2p"`` (for larger archives).
    """
    pairs = papers[["key", "paper_id"]].drop_duplicates().compute()
    keys = [str(key) for key in pairs["key"]]
    ids = [None if pd.isna(value) else str(value) for value in pairs["paper_id"]]
    groups = identity_groups(zip(keys, ids, strict=True))
    label = pd.Series([f"g{group}" for group in groups], index=keys, dtype="string")
    label = label[~label.index.duplicated()]
    grouped = papers.assign(group=papers["key"].map(label, meta=("group", "string")))
    shuffled = grouped.shuffle("group", method=shuffle_method)
    return shuffled.map_partitions(_merge_partition, meta=MERGE_META)


def _merge_partition(frame: pd.DataFrame) -> pd.DataFrame:
    """The records of the identity groups in one partition (after the shuffle, a group's
    rows are all in one partition, and rows of two groups never unite: one Merger will do)."""
    frame = frame.sort_values(["captured", "capture", "line"], kind="stable")
    names = (*RECORD_FIELDS, "source", "captured", "capture")
    columns = {name: [_native(value) for value in frame[name].tolist()] for name in names}
    days: dict[str, datetime.date] = {}
    merger = Merger()
    for index in range(len(frame)):
        values = {name: columns[name][index] for name in RECORD_FIELDS}
        values["links"] = tuple(json.loads(values["links"]))
        if values["date"] is not None:
            values["date"] = datetime.date.fromisoformat(values["date"])
        captured = columns["captured"][index]
        day = days.get(captured)
        if day is None:
            day = days[captured] = datetime.date.fromisoformat(captured)
        merger.add_paper(
            Paper(**values), columns["source"][index], day, columns["capture"][index]
        )
    rows: list[dict[str, Any]] = []
    for record in merger.result().papers:
        row = record.to_dict()
        row["links"] = json.dumps(row["links"], ensure_ascii=False)
        row["seen"] = json.dumps(row["seen"], ensure_ascii=False)
        rows.append(row)
    return _frame(rows, MERGE_META)


def _native(value: Any) -> Any:
    if value is pd.NA or value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    return value


def merged_records(frame: dd.DataFrame | pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a merged frame as ``MergedPaper.to_dict()`` dicts, sorted by key."""
    computed = frame.compute() if isinstance(frame, dd.DataFrame) else frame
    records = [
        {name: _native(row[name]) for name in MERGE_FIELDS}
        for row in computed.to_dict("records")
    ]
    for record in records:
        record["links"] = json.loads(record["links"])
        record["seen"] = json.loads(record["seen"])
    records.sort(key=lambda record: str(record["key"]))
    return records
