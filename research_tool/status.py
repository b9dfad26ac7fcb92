"""Bring a plan up to date from its snapshots, editing only the lines we own.

Owned: the Status cells of the Hypotheses table, ``interviews_completed``
and ``status`` in the frontmatter, and the Schedule rows of completed
interviews. Every other byte of the plan is left as it was, and a second
run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from research_tool.errors import WriteRefused
from research_tool.fileio import atomic_write, ensure_writable
from research_tool.followups import FollowUp, follow_ups
from research_tool.mdtable import Document, Table, replace_lines, set_cell
from research_tool.model import Plan, Snapshot
from research_tool.plan_tables import hypotheses_table, schedule_table
from research_tool.plans import plan_document, sample_size_target
from research_tool.rollup import Exclude, Rollup, rollup, status_cell
from research_tool.schedule import schedule_edits
from research_tool.studies import (
    LoadedStudy,
    load_study,
    source_transcript_path,
    transcript_files,
)
from research_tool.yamledit import set_scalar

if TYPE_CHECKING:
    from research_tool.cache import QuoteCache

PROGRESS = ("planned", "in-progress", "complete")


@dataclass(frozen=True)
class StatusUpdate:
    loaded: LoadedStudy
    before: str
    after: str
    rollup: Rollup
    changes: tuple[str, ...]  # what changed, one line each, for people
    unscheduled: tuple[Snapshot, ...]  # snapshots with no Schedule row to fill
    follow_ups: tuple[FollowUp, ...]
    transcripts: int
    unprocessed: tuple[Path, ...]  # transcripts no snapshot names
    written: bool = False
    evidence_note: str = ""  # evidence left out or unverifiable, for people

    @property
    def path(self) -> Path:
        return self.loaded.plan.path

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def diff(self) -> str:
        """A unified diff of the plan, before and after."""
        import difflib

        name = str(self.path)
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
        return "".join(lines)


def update_status(
    path: Path,
    *,
    exclude: Exclude | None = None,
    verify: bool = True,
    allow_unverified: bool = False,
    write: bool = False,
) -> StatusUpdate:
    """Work out the up-to-date plan for the study at ``path``; write it if asked.

    With ``verify`` (the default), evidence whose quote is not in its source
    transcript is left out of the counts unless ``allow_unverified``; evidence
    whose transcript is absent counts and is reported as unverifiable. An
    explicit ``exclude`` predicate replaces that check. The write is atomic and
    refused when the plan changed on disk since it was read. Raises
    ProblemsError for broken files, WriteRefused when the plan cannot be written.
    """
    loaded = load_study(path)
    plan, snapshots = loaded.plan, loaded.snapshots
    note, cache = "", None
    if exclude is None and verify:
        exclude, note, cache = _verified_only(loaded, allow_unverified)
    result = rollup(plan, snapshots, exclude=exclude)
    after, changes, unscheduled = regenerate(plan, snapshots, result)

    named = {source_transcript_path(loaded.study, s) for s in snapshots}
    transcripts = transcript_files(loaded.study)
    update = StatusUpdate(
        loaded,
        plan.text,
        after,
        result,
        tuple(changes),
        tuple(unscheduled),
        tuple(follow_ups(plan, result)),
        len(transcripts),
        tuple(t for t in transcripts if t not in named),
        evidence_note=note,
    )
    if write:
        update = write_status(update)
    if cache is not None:  # after the plan, so a failed write leaves no trace
        cache.save()
    return update


def _verified_only(
    loaded: LoadedStudy, allow_unverified: bool
) -> tuple[Exclude, str, QuoteCache]:
    """The predicate leaving out failed quotes, and the sentence saying so.

    Also the quote cache, for the caller to save once its run has gone through.
    """
    from research_tool.verification import evidence_note, exclude_failed
    from research_tool.verify import QuoteCache, check_quotes

    cache = QuoteCache(loaded.study.root)
    verification = check_quotes(loaded, lenient=True, cache=cache)
    return (
        exclude_failed(verification, allow_unverified=allow_unverified),
        evidence_note(verification, allow_unverified=allow_unverified),
        cache,
    )


def write_status(update: StatusUpdate) -> StatusUpdate:
    """Write the updated plan when it changed; refuse if it changed on disk."""
    if not update.changed:
        return update
    ensure_writable(update.path)
    ensure_writable(update.path.parent)  # the temporary file is made there
    try:
        atomic_write(update.path, update.after, expected=update.loaded.plan.digest)
    except OSError as exc:
        raise WriteRefused(
            update.path, 0, f"cannot be written: {exc.strerror}"
        ) from None
    return replace(update, written=True)


def regenerate(
    plan: Plan, snapshots: list[Snapshot], result: Rollup
) -> tuple[str, list[str], list[Snapshot]]:
    """The plan's new text, what changed, and snapshots with no schedule row."""
    document = plan_document(plan)
    edits: dict[int, str] = {}
    changes: list[str] = []

    table = hypotheses_table(document)
    for number, change, line in _status_cells(document, table, result):
        edits[number] = line
        changes.append(change)

    unscheduled = list(snapshots)
    schedule = schedule_table(document)
    if schedule is not None:
        schedule_changes, unscheduled = schedule_edits(
            document.lines, schedule, snapshots
        )
        edits |= {e.line: e.text for e in schedule_changes}
        changes += [e.change for e in schedule_changes]

    text = replace_lines(plan.text, edits)
    text, frontmatter_changes = _frontmatter(plan, text, len(snapshots))
    return text, changes + frontmatter_changes, unscheduled


def _status_cells(
    document: Document, table: Table | None, result: Rollup
) -> list[tuple[int, str, str]]:
    """(line, change, new line) for each Status cell that is out of date."""
    column = table.column("Status") if table else None
    if table is None or column is None:
        return []
    found = []
    for row in table.rows:
        number = row.get(table.column("#") or 0)
        hypothesis = result.get(int(number)) if number.isdigit() else None
        if hypothesis is None:
            continue
        cell = status_cell(hypothesis)
        if row.get(column) != cell or column >= len(row.cells):
            line = set_cell(document.lines[row.line - 1], row.cells, column, cell)
            change = f"hypothesis {number}: {row.get(column)} -> {cell}"
            found.append((row.line, change, line))
    return found


def _frontmatter(plan: Plan, text: str, interviews: int) -> tuple[str, list[str]]:
    changes = []
    current = plan.frontmatter.get("interviews_completed")
    if current is None or str(current).strip() != str(interviews):
        text = set_scalar(plan.path, text, "interviews_completed", interviews)
        changes.append(f"interviews_completed: {current} -> {interviews}")

    status = plan.frontmatter.get("status")
    wanted = progress(interviews, sample_size_target(plan))
    if status is None or (
        status in PROGRESS and PROGRESS.index(wanted) > PROGRESS.index(status)
    ):
        text = set_scalar(plan.path, text, "status", wanted)
        changes.append(f"status: {status} -> {wanted}")
    return text, changes


def progress(interviews: int, target: int | None) -> str:
    """planned -> in-progress at the first interview -> complete at the target."""
    if interviews == 0:
        return "planned"
    if target is not None and interviews >= target:
        return "complete"
    return "in-progress"
