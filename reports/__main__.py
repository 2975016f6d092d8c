"""Command line: `python -m reports publish --period 2026-Q3` (or `--year 2026`) and `list`.

Exit status 0 means the snapshot was published, 1 that it was refused (no data for the period,
already published without --replace, no warehouse yet), 2 that the command was misused.
"""

from __future__ import annotations

import argparse
import sys

from reports import snapshots
from reports.publish import BadPeriod, NoData, publish
from warehouse.connection import WarehouseMissing


def _print_step(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = argparse.ArgumentParser(prog="python -m reports", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    publish_cmd = commands.add_parser("publish", help="freeze a quarter or a year as a snapshot")
    which = publish_cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--period", help="a quarter, e.g. 2026-Q3")
    which.add_argument("--year", type=int, help="a year: its Q4, or its latest quarter so far")
    publish_cmd.add_argument("--replace", action="store_true",
                             help="publish a new version of an existing snapshot")
    publish_cmd.add_argument("--quiet", action="store_true", help="no progress lines")
    commands.add_parser("list", help="list the published snapshots")
    args = parser.parse_args(argv)

    if args.command == "list":
        for snapshot in snapshots.list_snapshots():
            print(f"{snapshot.id}\t{snapshot.period}\t{snapshot.manifest['created_at']}\t"
                  f"{snapshot.path}")
        return 0
    try:
        snapshot = publish(period=args.period, year=args.year, replace=args.replace,
                           progress=(lambda _: None) if args.quiet else _print_step)
    except BadPeriod as error:
        print(error, file=sys.stderr)
        return 2
    except (NoData, snapshots.AlreadyPublished, WarehouseMissing) as error:
        print(f"nothing published: {error}", file=sys.stderr)
        return 1
    print(f"published snapshot {snapshot.id} ({snapshot.period}) in {snapshot.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
