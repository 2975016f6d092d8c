"""Command line: `python -m reports publish --period 2026-Q3` (or `--year 2026`, or `--due`),
`list`, `restatements` and `feed`.

`publish --period/--year`: exit status 0 means the snapshot was published, 1 that it was refused
(no data for the period, already published without --replace, no warehouse yet), 2 that the
command was misused.

`publish --due` (what a scheduler runs daily): 0 means every due edition was published or
nothing was due, 1 that an edition failed (or there is no warehouse yet), 75 that a load or
another publish held the lock for too long (nothing was done; the next run tries again). It logs
one line per decision on standard output.

`restatements`: 0 when every published edition is current, 3 when some are out of date.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import config
from reports import snapshots
from reports.publish import PERIOD, BadPeriod, NoData, publish
from warehouse.connection import WarehouseMissing

#: the program's calendar is Korea's: a quarter ends at midnight in Seoul
CALENDAR_ZONE = ZoneInfo("Asia/Seoul")
OUT_OF_DATE = 3


def _print_step(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _log(message: str) -> None:
    print(f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} publish-due {message}", flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reports", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    publish_cmd = commands.add_parser("publish", help="freeze a quarter or a year as a snapshot")
    which = publish_cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--period", help="a quarter, e.g. 2026-Q3")
    which.add_argument("--year", type=int, help="a year: its Q4, or its latest quarter so far")
    which.add_argument("--due", action="store_true",
                       help="publish whatever the calendar and the submissions make due")
    publish_cmd.add_argument("--replace", action="store_true",
                             help="publish a new version of an existing snapshot")
    publish_cmd.add_argument("--restate", action="store_true",
                             help="with --due: also republish editions whose figures changed")
    publish_cmd.add_argument("--today", type=date.fromisoformat,
                             help="with --due: decide as on this day (default: today in Seoul)")
    publish_cmd.add_argument("--since", help="with --due: the first quarter the schedule "
                             "publishes (default OUTCOMES_PUBLISH_SINCE, else every quarter)")
    publish_cmd.add_argument("--quiet", action="store_true", help="no progress lines")
    commands.add_parser("list", help="list the published snapshots")
    commands.add_parser("restatements", help="published editions now out of date")
    commands.add_parser("feed", help="rewrite the release feeds from the published snapshots")
    return parser


def _due(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dataclasses import replace

    from reports.due import run_due

    settings = config.publish_schedule()
    if args.since:
        settings = replace(settings, since=args.since)
    if settings.since and not PERIOD.match(settings.since):
        parser.error(f"--since (or OUTCOMES_PUBLISH_SINCE) looks like 2026-Q3, not "
                     f"{settings.since!r}")
    today = args.today or datetime.now(CALENDAR_ZONE).date()
    return run_due(today, restate=args.restate, settings=settings, log=_log)


def _restatements() -> int:
    from reports.restatements import out_of_date
    from warehouse.snapshot import PinnedReader

    reader = PinnedReader()
    try:
        found = out_of_date(reader)
    except WarehouseMissing as missing:
        print(f"no warehouse yet: {missing}", file=sys.stderr)
        return 1
    finally:
        reader.close()
    for restatement in found:
        print(f"out of date: {restatement.line()}")
    if found:
        print("republish with: python -m reports publish --due --restate")
        return OUT_OF_DATE
    print("every published edition matches the warehouse")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "list":
        for snapshot in snapshots.list_snapshots():
            print(f"{snapshot.id}\t{snapshot.period}\t{snapshot.manifest['created_at']}\t"
                  f"{snapshot.path}")
        return 0
    if args.command == "restatements":
        return _restatements()
    if args.command == "feed":
        from reports.feed import write_feeds

        with snapshots.publish_lock():
            for path in write_feeds().values():
                print(f"wrote {path}")
        return 0
    if (args.restate or args.today or args.since) and not args.due:
        parser.error("--restate, --today and --since go with --due")
    if args.due:
        return _due(args, parser)
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
