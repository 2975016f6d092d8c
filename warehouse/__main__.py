"""Command line for the warehouse.

`python -m warehouse refresh` rebuilds views after the SQL or catalogue changed (it publishes a
new version only when the live one was built from other SQL or another catalogue).
`python -m warehouse export-lake <dir>` writes or updates the open Parquet lake (warehouse/lake.py).
`python -m warehouse docs` writes docs/data-dictionary.md from the built warehouse.
`python -m warehouse gc` removes version files left by killed loads and old versions no reader
has open (every load does this too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse import store
from warehouse.build import BuildError


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = argparse.ArgumentParser(prog="python -m warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("refresh", help="rebuild views if the SQL or catalogue changed")
    commands.add_parser("docs", help="write docs/data-dictionary.md from the built warehouse")
    commands.add_parser("gc", help="remove orphaned and unused old warehouse versions")
    lake = commands.add_parser("export-lake", help="write the warehouse as partitioned Parquet")
    lake.add_argument("target", type=Path, help="the lake folder (created if missing)")
    args = parser.parse_args(argv)
    if args.command == "docs":
        from warehouse.dictionary_docs import write_dictionary_docs

        print(f"wrote {write_dictionary_docs()}")
        return 0
    if args.command == "gc":
        removed = store.collect_garbage()
        for path in removed:
            print(f"removed {path.name}")
        print(f"{len(removed)} version file(s) removed")
        return 0
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
