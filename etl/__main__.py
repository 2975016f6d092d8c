"""Command line: `python -m etl load|history|rejections|docs`.

It only wires readers, checks, the loader and the load log together and prints what happened.
Exit status 0 means every file could be read (rejected rows are quarantined and reported, not
fatal); 1 means a file had a problem and its submission was not loaded, or the load stopped
before publishing; 2 means the command itself was misused. Whatever goes wrong, the person at
the terminal gets one sentence in Korean and English, never a traceback, and a load run always
leaves its journal in var/loads/.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from etl.load import LoadReport, LoadStopped, load, stopped_by
from etl.problems import FileProblem
from etl.report import print_progress, print_report, write_journal


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    load_cmd = commands.add_parser("load", help="check and load submission folders")
    load_cmd.add_argument("folder", type=Path, help="a submission folder or a folder of them")
    load_cmd.add_argument("--dry-run", action="store_true", help="check and report only")
    load_cmd.add_argument("--by", help="who is loading (default: the OS user)")
    load_cmd.add_argument("--quiet", action="store_true", help="no progress lines")
    history = commands.add_parser("history", help="recent loads recorded in the warehouse")
    history.add_argument("--limit", type=int, default=20, help="loads shown (0: all)")
    history.add_argument("--consortium", help="only this consortium_id")
    rejections = commands.add_parser("rejections", help="values kept in quarantine")
    rejections.add_argument("--load-id", help="only this load (see `history`)")
    rejections.add_argument("--csv", action="store_true", help="CSV on standard output")
    commands.add_parser("docs", help="write docs/input-contract.md from the contract")
    return parser


def _load(args: argparse.Namespace) -> int:
    if not args.folder.exists():
        print(f"no such folder / 폴더가 없습니다: {args.folder}", file=sys.stderr)
        return 2
    try:
        report = load(args.folder, dry_run=args.dry_run, loaded_by=args.by,
                      progress=None if args.quiet else print_progress)
    except LoadStopped as stopped:
        report = stopped.report
    except FileProblem as problem:
        report = LoadReport([], None, args.dry_run,
                            stopped=(f"{problem.file_name}: {problem.message_en}",
                                     f"{problem.file_name}: {problem.message_ko}"))
    except KeyboardInterrupt:
        report = LoadReport([], None, args.dry_run,
                            stopped=("interrupted; the warehouse is unchanged",
                                     "중단되었습니다. 웨어하우스는 바뀌지 않았습니다"))
    except Exception as error:  # noqa: BLE001 - the last guard: a sentence, not a traceback
        report = LoadReport([], None, args.dry_run,
                            stopped=stopped_by(error, f"reading {args.folder}",
                                               f"{args.folder}을(를) 읽는"))
    print_report(report)
    if report.warehouse_file:
        # the ETL does not read snapshots (data flows etl -> warehouse -> reports); the
        # reports side says which published editions this load put out of date
        print("published editions this load may have changed: python -m reports restatements")
    try:
        print(f"report: {write_journal(report)}")
    except OSError as error:
        print(f"the journal could not be written / 적재 기록을 쓰지 못했습니다: {error}",
              file=sys.stderr)
    return 0 if report.ok else 1


def _read_log(args: argparse.Namespace) -> int:
    from etl.history import print_history, print_rejections
    from warehouse.connection import Reader, WarehouseMissing

    source = Reader()
    try:
        if args.command == "history":
            print_history(source, args.limit or None, args.consortium)
        else:
            print_rejections(source, args.load_id, args.csv)
    except WarehouseMissing as missing:
        print(f"no warehouse yet / 아직 웨어하우스가 없습니다: {missing}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a sentence, not a traceback
        en, ko = stopped_by(error, "reading the load log", "적재 기록을 읽는")
        print(f"{ko} / {en}", file=sys.stderr)
        return 1
    finally:
        source.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    args = _parser().parse_args(argv)
    # the loader reports every problem itself; a library's own warning would only repeat it
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    if args.command == "docs":
        from etl.contract_docs import write_contract_docs

        print(f"wrote {write_contract_docs()}")
        return 0
    if args.command == "load":
        return _load(args)
    return _read_log(args)


if __name__ == "__main__":
    sys.exit(main())
