"""Files of quote records: JSONL (`quotes extract`) or Parquet (`quotes spark --format parquet`), alone
or as a directory of part files (what Spark writes: `part-*`, with `_SUCCESS` and `.crc` beside)."""
from __future__ import annotations

from pathlib import Path

from ..errors import QuotesError
from ..model import Article, Quote
from .ingest import group, read_jsonl

PARQUET_MAGIC = b"PAR1"


def files(path: str | Path) -> list[Path]:
    """The record files `path` names: itself, or the data files under a directory, in name order."""
    path = Path(path)
    if not path.is_dir():
        return [path]
    found = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(("_", "."))
                   and not f.name.endswith(".crc"))
    if not found:
        raise QuotesError(f"{path}: no part files in this directory", "give the --output directory of `quotes spark`")
    return found


def is_parquet(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == PARQUET_MAGIC
    except OSError:
        return False


def read_parquet(path: str | Path) -> list[tuple[Article, list[Quote]]]:
    """Quote rows of a Parquet file (the columns of `quotes.spark.schema()`), grouped by article."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise QuotesError(f"{path}: reading Parquet needs pyarrow", "pip install '.[spark]'") from None
    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as e:  # pyarrow raises several kinds on a damaged file
        raise QuotesError(f"{path}: unreadable Parquet ({type(e).__name__}: {str(e)[:200]})") from None
    return group(str(path), enumerate(rows, 1))


def read(path: str | Path) -> list[tuple[Article, list[Quote]]]:
    """The (article, quotes) groups of one record file, JSONL or Parquet."""
    return read_parquet(path) if is_parquet(Path(path)) else read_jsonl(str(path))
