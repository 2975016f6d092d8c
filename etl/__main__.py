"""Command line: `python -m etl load <folder> [--dry-run]` and `python -m etl docs`.

It only wires readers, checks and the loader together and prints what happened; exit status 0
means every file could be read (rejected rows are quarantined and reported, not fatal), 1 means a
file had a problem and its submission was not loaded, 2 means the command itself was misused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.load import load
from etl.problems import FileProblem
from etl.report import print_progress, print_report, write_journal
from warehouse.build import BuildError


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    load_cmd = commands.add_parser("load", help="check and load submission folders")
    load_cmd.add_argument("folder", type=Path, help="a submission folder or a folder of them")
    load_cmd.add_argument("--dry-run", action="store_true", help="check and report only")
    load_cmd.add_argument("--by", help="who is loading (default: the OS user)")
    load_cmd.add_argument("--quiet", action="store_true", help="no progress lines")
    commands.add_parser("docs", help="write docs/input-contract.md from the contract")
    args = parser.parse_args(argv)

    if args.command == "docs":
        from etl.contract_docs import write_contract_docs

        print(f"wrote {write_contract_docs()}")
        return 0
    if not args.folder.exists():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    try:
        report = load(args.folder, dry_run=args.dry_run, loaded_by=args.by,
                      progress=None if args.quiet else print_progress)
    except (FileProblem, BuildError) as error:
        print(f"load stopped, warehouse unchanged: {error}", file=sys.stderr)
        return 1
    print_report(report)
    journal = write_journal(report)
    print(f"report: {journal}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
