"""The product's loader and the two it is measured against, over the very same files.

- **etl**: the product's full load (`etl.load.load`): read, validate, quarantine, pseudonymise,
  de-duplicate, write a new warehouse version, rebuild the marts and KPIs, check, publish.
- **DuckDB raw**: the engine's limit. Every CSV of a dataset read by DuckDB's own `read_csv`
  straight into a table of a new DuckDB file: no validation, no pseudonymisation, no
  de-duplication, no warehouse build. Nothing that keeps the data correct can be faster.
- **pandas + SQLite**: what a typical in-house tool does. Each file read with `pandas.read_csv`
  and appended with `DataFrame.to_sql` to a SQLite file, one transaction.

Each runs as its own process (so its peak memory is its own):
    python -m benchmarks.loaders etl|duckdb|pandas SUBMISSIONS OUT
and prints JSON: the rows read and the seconds the load took inside the process (interpreter
start and imports excluded, the same for all three).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from pathlib import Path

from etl.sample_bulk import FILE_NAMES


def files_by_dataset(root: Path) -> dict[str, list[Path]]:
    """Every submitted CSV under `root`, grouped by the dataset its name stands for."""
    found = {dataset: sorted(root.rglob(name)) for dataset, name in FILE_NAMES.items()}
    return {dataset: paths for dataset, paths in found.items() if paths}


def duckdb_raw(root: Path, out: Path) -> int:
    """All CSV bytes straight into DuckDB tables; returns rows written."""
    import duckdb

    con = duckdb.connect(str(out))
    rows = 0
    for dataset, paths in files_by_dataset(root).items():
        con.execute(f"create table {dataset} as select * from read_csv($files, header = true, "
                    "union_by_name = true)", {"files": [str(p) for p in paths]})
        rows += con.execute(f"select count(*) from {dataset}").fetchone()[0]
    con.execute("checkpoint")
    con.close()
    return rows


def pandas_sqlite(root: Path, out: Path) -> int:
    """Each CSV with pandas, appended to SQLite tables in one transaction; returns rows."""
    import pandas as pd

    con = sqlite3.connect(out)
    rows = 0
    with con:
        for dataset, paths in files_by_dataset(root).items():
            for path in paths:
                frame = pd.read_csv(path, encoding="utf-8")
                frame.to_sql(dataset, con, if_exists="append", index=False)
                rows += len(frame)
    con.close()
    return rows


def product_etl(root: Path, out: Path) -> int:
    """The product's load into a fresh warehouse folder `out`; returns rows read."""
    from etl.load import load

    report = load(root, loaded_by="benchmark", directory=out)
    if not report.ok:
        raise RuntimeError(f"the load did not publish: {report.stopped}")
    return sum(result.rows_in for result in report.results)


LOADERS = {"etl": product_etl, "duckdb": duckdb_raw, "pandas": pandas_sqlite}


def warm_imports(loader: str) -> None:
    """Import what the loader needs before the clock starts."""
    if loader == "etl":
        import etl.load  # noqa: F401
    elif loader == "duckdb":
        import duckdb  # noqa: F401
    else:
        import pandas  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("loader", choices=sorted(LOADERS))
    parser.add_argument("submissions", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    warm_imports(args.loader)
    started = time.perf_counter()
    rows = LOADERS[args.loader](args.submissions, args.out)
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
