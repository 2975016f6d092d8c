"""Command line for the warehouse.

`python -m warehouse refresh` rebuilds views after the SQL or catalogue changed (it publishes a
new version only when the live one was built from other SQL or another catalogue).
`python -m warehouse export-lake <dir>` writes or updates the open Parquet lake (warehouse/lake.py).
`python -m warehouse docs` writes docs/data-dictionary.md from the built warehouse and
docs/kpis.md from the catalogue.
`python -m warehouse show-kpi <id>` prints the SQL of a KPI's view (`--records`: its drill-down;
`--by <column>`: the figure broken down by a column of its mart).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse import store
from warehouse.build import BuildError


def show_kpi(kpi_id: str, records: bool, by: str | None = None) -> int:
    """Print one KPI's view SQL (its records', or broken down `by` a column); 2 for an id
    not in the catalogue."""
    from warehouse import catalogue, kpi_sql

    if kpi_id not in catalogue.kpi_ids():
        print(f"no KPI {kpi_id!r} in {catalogue.catalogue_file()}; known: "
              f"{', '.join(sorted(catalogue.kpi_ids()))}", file=sys.stderr)
        return 2
    entry = catalogue.kpi(kpi_id)
    print(kpi_sql.records_sql(entry) if records else kpi_sql.view_sql(entry, by), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = argparse.ArgumentParser(prog="python -m warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("refresh", help="rebuild views if the SQL or catalogue changed")
    commands.add_parser("docs", help="write docs/data-dictionary.md and docs/kpis.md")
    show = commands.add_parser("show-kpi", help="print the SQL of a KPI's view")
    show.add_argument("kpi_id", help="a KPI id of warehouse/catalogue.toml")
    show.add_argument("--records", action="store_true",
                      help="print the drill-down's SQL (its records) instead")
    show.add_argument("--by", metavar="COLUMN",
                      help="break the figure down by a column of the KPI's mart")
    lake = commands.add_parser("export-lake", help="write the warehouse as partitioned Parquet")
    lake.add_argument("target", type=Path, help="the lake folder (created if missing)")
    args = parser.parse_args(argv)
    if args.command == "docs":
        from warehouse.dictionary_docs import write_dictionary_docs
        from warehouse.kpi_docs import KPI_DOC, render_kpi_docs

        print(f"wrote {write_dictionary_docs()}")
        KPI_DOC.write_text(render_kpi_docs(), encoding="utf-8")
        print(f"wrote {KPI_DOC}")
        return 0
    if args.command == "show-kpi":
        return show_kpi(args.kpi_id, args.records, args.by)
    if args.command == "export-lake":
        from warehouse.lake import export_lake

        report = export_lake(args.target)
        print(f"lake {args.target}: {len(report.written)} partitions written, "
              f"{len(report.unchanged)} unchanged, {len(report.removed)} removed")
        return 0
    if args.command == "refresh":
        before = store.current_file()
        if before is None:
            print("no warehouse yet: load data first (python -m etl load data/sample)",
                  file=sys.stderr)
            return 1
        try:
            with store.new_version():
                pass
        except BuildError as error:
            print(f"refresh refused, warehouse unchanged: {error}", file=sys.stderr)
            return 1
        after = store.current_file()
        print(f"rebuilt as {after.name}" if after != before else "views are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
