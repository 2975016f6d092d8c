"""The scheduled run: gather the facts, decide what is due, publish it, say why in the log.

`python -m reports publish --due` runs this once (a systemd timer or cron calls it daily; see
docs/deployment.md). It holds the warehouse's load lock and the publish lock for the whole run,
so a load cannot land between the decision and the publish it leads to, and a manual publish
or a second scheduled run waits (or, after `lock_wait_s`, this run gives up with BUSY and the
next one tries again). Deciding is reports.schedule's pure function; this module only reads the
facts, logs one line per decision and publishes. Running it twice publishes once: an edition
once published is a fact the next run reads. An edition whose figures changed after
publication is logged as restated and republished only with `restate`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import config
from reports import restatements, schedule, snapshots
from reports.publish import publish
from reports.schedule import Decision, Facts
from warehouse import queries, store
from warehouse.connection import FrameSource, WarehouseMissing
from warehouse.snapshot import PinnedReader

#: exit statuses a scheduler can act on (BUSY is sysexits' EX_TEMPFAIL: retry later)
OK, FAILED, BUSY = 0, 1, 75

Log = Callable[[str], None]


def gather(source: FrameSource, directory: Path) -> tuple[Facts, list[restatements.Restatement]]:
    """The decision's facts from one warehouse version and the snapshot root."""
    consortia = queries.consortia(source)
    loads = queries.load_history(source)
    restated = restatements.out_of_date(source, directory)
    facts = Facts(
        starts=dict(zip(consortia["consortium_id"], consortia["start_date"], strict=True)),
        submitted=frozenset(zip(loads["consortium_id"], loads["period"], strict=True)),
        published=frozenset(s.id for s in snapshots.list_snapshots(directory)),
        restated=frozenset(r.snapshot_id for r in restated))
    return facts, restated


def _publish(decision: Decision, directory: Path, warehouse: Path | None) -> snapshots.Snapshot:
    which = ({"period": decision.snapshot_id} if decision.kind == "quarter"
             else {"year": int(decision.snapshot_id)})
    return publish(**which, replace=decision.action == schedule.REPUBLISH, directory=directory,
                   warehouse=warehouse, missing=decision.missing)


def _run(today: date, restate: bool, directory: Path, warehouse: Path | None,
         settings: config.PublishSchedule, log: Log) -> int:
    reader = PinnedReader(warehouse)
    try:
        facts, restated = gather(reader, directory)
        version = reader.version()
    finally:
        reader.close()
    log(f"deciding for {today} from warehouse {version} (grace {settings.grace_days} days, "
        f"final deadline {settings.deadline_days} days)")
    details = {r.snapshot_id: r for r in restated}
    decisions = schedule.decide(facts, today, settings, restate)
    for decision in decisions:
        line = decision.line()
        if decision.snapshot_id in details:
            line += f" [{details[decision.snapshot_id].line()}]"
        log(line)
    due = [d for d in decisions if d.acts]
    if not due:
        log("nothing due")
        return OK
    failures = 0
    for decision in due:
        try:
            snapshot = _publish(decision, directory, warehouse)
        except Exception as error:  # noqa: BLE001 - one failed edition must not hide the rest
            failures += 1
            log(f"{decision.snapshot_id} ({decision.kind}): FAILED: {error}")
            continue
        log(f"{decision.snapshot_id} ({decision.kind}): published {snapshot.path.name}")
    return FAILED if failures else OK


def run_due(today: date, *, restate: bool = False, directory: Path | None = None,
            warehouse: Path | None = None, settings: config.PublishSchedule | None = None,
            log: Log = print) -> int:
    """Publish every edition due on `today`; OK, FAILED (some edition failed) or BUSY."""
    settings = settings or config.publish_schedule()
    directory = directory or snapshots.root()
    warehouse_dir = warehouse or config.warehouse_dir()
    try:
        with snapshots.file_lock(warehouse_dir / store.LOCK, settings.lock_wait_s), \
                snapshots.publish_lock(directory, settings.lock_wait_s):
            return _run(today, restate, directory, warehouse, settings, log)
    except snapshots.Busy as busy:
        log(f"busy, nothing decided (the next run tries again): {busy}")
        return BUSY
    except WarehouseMissing as missing:
        log(f"no warehouse yet, nothing decided: {missing}")
        return FAILED
