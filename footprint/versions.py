"""The data folder's history: before every publish or restore, the files as they were.

`history/<id>/` holds editions.csv, cities.csv and geocache.csv as they were before the change
`<id>`, and `meta.json` (when, who, which file, what changed). A version is written to a hidden
`.<id>.partial` folder and renamed into place once complete, so a process killed while saving
one leaves no half version: listings skip hidden folders and the next change removes them.
The folder is git-ignored: it is the running server's undo log; the repository's own history
of the data is git's.

A `meta.json` that cannot be read (corrupt, or half edited by hand) leaves only its own version
out: `read_history` reports it with the reason, for a human to fix or delete, and the others
stay listed and undoable. Version numbers come from the folder names, so even then a new
version never takes an existing number.

Retention: each version holds full copies of the files, so after every save only the newest
`$FOOTPRINT_HISTORY_KEEP` versions (default 100) are kept. Pruning removes the oldest complete
versions folder by folder, meta.json first so that an interrupted removal is never listed as a
version (the next prune finishes it); it never touches the version just saved nor a version
whose meta.json cannot be read.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from atomic_files import StorageError, sync_folder
from footprint.i18n import t

HISTORY_FOLDER = "history"
META = "meta.json"
SNAPSHOT_FILES = ("editions.csv", "cities.csv", "geocache.csv")
VERSION_ID = re.compile(r"(\d{8}T\d{6}Z)-(\d{4,})")
KEEP_ENV = "FOOTPRINT_HISTORY_KEEP"
DEFAULT_KEEP = 100

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Summary:
    """What a version changed, as facts, so each language can word it."""

    edition: int | None = None
    cities: int = 0
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    new_edition: bool = False
    manual_places: int = 0
    restored: str | None = None  # a restore: the version whose earlier state was put back


@dataclass(frozen=True)
class Version:
    id: str
    when: datetime
    who: str
    file_name: str
    summary: Summary
    # The geocache rows this change set by hand, which undoing it puts back.
    manual_keys: tuple[tuple[str, str], ...] = field(default=())

    @property
    def number(self) -> int:
        return int(VERSION_ID.fullmatch(self.id).group(2))

    def describe(self, lang: str) -> str:
        """One line for the history list, in `lang`."""
        summary = self.summary
        if summary.restored is not None:
            return t("version.restored", lang, version=summary.restored)
        text = t(
            "version.published",
            lang,
            count=summary.cities,
            edition=summary.edition,
            added=len(summary.added),
            removed=len(summary.removed),
        )
        if summary.manual_places:
            text += " · " + t("version.manual_places", lang, count=summary.manual_places)
        return text


class UnknownVersionError(ValueError):
    """No version by that id: it was never made, or has been pruned since the list was shown."""


class UnreadableVersionError(ValueError):
    """A version's meta.json that cannot be read: names the file and why."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = Path(path), reason
        super().__init__(f"{path}: unreadable version record: {reason}")


class HistoryKeepError(ValueError):
    """$FOOTPRINT_HISTORY_KEEP is not a number of versions; refused before anything is written."""


@dataclass(frozen=True)
class UnreadableVersion:
    """A version left out of the history because its meta.json cannot be read; kept on disk."""

    id: str
    path: Path  # the meta.json
    reason: str

    @property
    def number(self) -> int:
        return int(VERSION_ID.fullmatch(self.id).group(2))


@dataclass(frozen=True)
class History:
    """The readable versions, newest first, and those that could not be read, newest first."""

    versions: tuple[Version, ...]
    unreadable: tuple[UnreadableVersion, ...]


def history_folder(folder: Path) -> Path:
    return Path(folder) / HISTORY_FOLDER


def read_history(folder: Path) -> History:
    """Every complete version (a folder named by a version id, with a meta.json), the readable
    ones apart from those whose meta.json could not be read, so one bad file hides only itself."""
    root = history_folder(folder)
    readable: list[Version] = []
    unreadable: list[UnreadableVersion] = []
    entries = sorted(root.iterdir(), key=_folder_number, reverse=True) if root.is_dir() else []
    for entry in entries:
        if not VERSION_ID.fullmatch(entry.name) or not (entry / META).is_file():
            continue
        try:
            readable.append(_read_meta(entry / META))
        except FileNotFoundError:
            continue  # removed since the listing (a prune): no longer a version
        except UnreadableVersionError as error:
            unreadable.append(UnreadableVersion(entry.name, error.path, error.reason))
    return History(tuple(readable), tuple(unreadable))


def list_versions(folder: Path) -> list[Version]:
    """Every readable version, newest first; an unreadable one is left out, with a warning in
    the log (`read_history` returns them, for a page to show)."""
    history = read_history(folder)
    for problem in history.unreadable:
        log.warning("history: version left out, %s: %s", problem.path, problem.reason)
    return list(history.versions)


def find_version(folder: Path, version_id: str) -> Version:
    """The version `version_id`; anything else (a path, a typo) is refused by name, and an
    unreadable one with UnreadableVersionError (a ValueError) naming its meta.json."""
    if VERSION_ID.fullmatch(version_id):
        meta = history_folder(folder) / version_id / META
        if meta.is_file():
            return _read_meta(meta)
    raise UnknownVersionError(f"no version {version_id!r} in {history_folder(folder)}")


def next_id(folder: Path, now: datetime) -> str:
    """Time-stamped and numbered: ids sort by number even if the clock goes back. The number
    follows every version folder's, readable or not, so no number is ever given twice."""
    root = history_folder(folder)
    numbers = [_folder_number(entry) for entry in root.iterdir()] if root.is_dir() else []
    number = max(numbers, default=0) + 1
    return f"{now:%Y%m%dT%H%M%SZ}-{number:04d}"


def keep_count(environ: Mapping[str, str] = os.environ) -> int:
    """How many versions the history keeps: $FOOTPRINT_HISTORY_KEEP, else DEFAULT_KEEP."""
    configured = environ.get(KEEP_ENV, "").strip()
    if not configured:
        return DEFAULT_KEEP
    try:
        keep = int(configured)
    except ValueError:
        keep = 0
    if keep < 1:
        raise HistoryKeepError(
            f"${KEEP_ENV} must be a whole number of versions to keep, at least 1"
            f" (default {DEFAULT_KEEP}), not {configured!r}"
        )
    return keep


def prune(folder: Path, keep: int, *, just_saved: str | None = None) -> list[str]:
    """Remove the oldest complete versions so that the newest `keep` remain, never
    `just_saved` nor an unreadable version (a human decides about those), and finish removing
    folders an interrupted prune left without their meta.json. Call only under the history
    lock. A folder that cannot be removed is logged and tried again by the next prune: the
    version just saved is safe either way. Returns the ids removed."""
    if keep < 1:
        raise ValueError(f"keep at least one version, not {keep}")
    root = history_folder(folder)
    readable = [version.id for version in read_history(folder).versions]
    others = [version_id for version_id in readable if version_id != just_saved]
    room = keep - 1 if just_saved in readable else keep
    doomed = others[room:]
    leftovers = [
        entry.name
        for entry in (root.iterdir() if root.is_dir() else ())
        if VERSION_ID.fullmatch(entry.name) and entry.is_dir() and not (entry / META).exists()
    ]
    removed = []
    for version_id in [*doomed, *leftovers]:
        try:
            _remove_version_folder(root / version_id)
        except OSError as error:
            log.warning("history: could not remove old version %s: %s", root / version_id, error)
        else:
            removed.append(version_id)
    return removed


def snapshot(folder: Path, version_id: str) -> dict[str, bytes | None]:
    """The files as they were before `version_id` (None: the file did not exist)."""
    saved = history_folder(folder) / version_id
    return {
        name: (saved / name).read_bytes() if (saved / name).is_file() else None
        for name in SNAPSHOT_FILES
    }


def save(folder: Path, version: Version, files: dict[str, bytes | None]) -> None:
    """Write the version's files and meta.json, complete or not at all. Raises StorageError.
    The caller prunes (`prune`) once its change is written, so a change that fails never
    costs the oldest version."""
    root = history_folder(folder)
    partial = root / f".{version.id}.partial"
    try:
        root.mkdir(exist_ok=True)
        remove_partial_versions(folder)
        partial.mkdir()
        for name, data in files.items():
            if data is not None:
                _write_synced(partial / name, data)
        _write_synced(partial / META, _meta_json(version).encode("utf-8"))
        sync_folder(partial)
        os.rename(partial, root / version.id)
        sync_folder(root)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, StorageError):
            raise
        raise StorageError(root / version.id, error) from error


def discard(folder: Path, version: Version) -> None:
    """Forget a version whose change could not be written."""
    saved = history_folder(folder) / version.id
    try:
        _remove_version_folder(saved)
    except OSError as error:
        log.warning("history: could not remove discarded version %s: %s", saved, error)


def remove_partial_versions(folder: Path) -> None:
    """What a killed process left half saved; call only under the history lock."""
    for leftover in history_folder(folder).glob(".*.partial"):
        shutil.rmtree(leftover, ignore_errors=True)


def _remove_version_folder(saved: Path) -> None:
    """meta.json first, durably: a removal cut short leaves a folder that is no longer listed as
    a version, never a listed version with files missing."""
    (saved / META).unlink(missing_ok=True)
    sync_folder(saved)
    shutil.rmtree(saved)


def _folder_number(entry: Path) -> int:
    """A version folder's number from its name (0 for anything else)."""
    matched = VERSION_ID.fullmatch(entry.name)
    return int(matched.group(2)) if matched else 0


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("xb") as output:
        output.write(data)
        output.flush()
        os.fsync(output.fileno())


def _meta_json(version: Version) -> str:
    meta = {
        "when": version.when.isoformat(),
        "who": version.who,
        "file_name": version.file_name,
        "summary": asdict(version.summary),
        "manual_keys": [list(key) for key in version.manual_keys],
    }
    return json.dumps(meta, ensure_ascii=False, indent=2) + "\n"


def _read_meta(path: Path) -> Version:
    """The version recorded in `path`; UnreadableVersionError says which file and why not.
    FileNotFoundError passes through: a missing meta.json means no version, not a broken one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnreadableVersionError(path, error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        raise UnreadableVersionError(path, f"not UTF-8 text ({error.reason})") from error
    try:
        meta = json.loads(text)
    except ValueError as error:
        raise UnreadableVersionError(path, f"not valid JSON ({error})") from error
    if not isinstance(meta, dict):
        raise UnreadableVersionError(path, "not a JSON object")
    try:
        summary = meta["summary"]
        return Version(
            id=path.parent.name,
            when=datetime.fromisoformat(meta["when"]).astimezone(UTC),
            who=meta["who"],
            file_name=meta["file_name"],
            summary=Summary(
                **{
                    **summary,
                    "added": tuple(summary["added"]),
                    "removed": tuple(summary["removed"]),
                }
            ),
            manual_keys=tuple(tuple(key) for key in meta["manual_keys"]),
        )
    except KeyError as error:
        raise UnreadableVersionError(path, f"the entry {error} is missing") from error
    except (ValueError, TypeError) as error:
        raise UnreadableVersionError(path, str(error)) from error
