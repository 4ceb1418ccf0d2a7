"""The data folder's history: before every publish or restore, the files as they were.

`history/<id>/` holds editions.csv, cities.csv and geocache.csv as they were before the change
`<id>`, and `meta.json` (when, who, which file, what changed). A version is written to a hidden
`.<id>.partial` folder and renamed into place once complete, so a process killed while saving
one leaves no half version: listings skip hidden folders and the next change removes them.
The folder is git-ignored: it is the running server's undo log; the repository's own history
of the data is git's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from atomic_files import StorageError, sync_folder
from footprint.i18n import t

HISTORY_FOLDER = "history"
META = "meta.json"
SNAPSHOT_FILES = ("editions.csv", "cities.csv", "geocache.csv")
VERSION_ID = re.compile(r"(\d{8}T\d{6}Z)-(\d{4,})")


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


def history_folder(folder: Path) -> Path:
    return Path(folder) / HISTORY_FOLDER


def list_versions(folder: Path) -> list[Version]:
    """Every complete version, newest first."""
    root = history_folder(folder)
    if not root.is_dir():
        return []
    versions = [
        _read_meta(entry / META)
        for entry in root.iterdir()
        if VERSION_ID.fullmatch(entry.name) and (entry / META).is_file()
    ]
    return sorted(versions, key=lambda version: version.number, reverse=True)


def find_version(folder: Path, version_id: str) -> Version:
    """The version `version_id`; anything else (a path, a typo) is refused by name."""
    if VERSION_ID.fullmatch(version_id):
        meta = history_folder(folder) / version_id / META
        if meta.is_file():
            return _read_meta(meta)
    raise ValueError(f"no version {version_id!r} in {history_folder(folder)}")


def next_id(folder: Path, now: datetime) -> str:
    """Time-stamped and numbered: ids sort by number even if the clock goes back."""
    versions = list_versions(folder)
    number = versions[0].number + 1 if versions else 1
    return f"{now:%Y%m%dT%H%M%SZ}-{number:04d}"


def snapshot(folder: Path, version_id: str) -> dict[str, bytes | None]:
    """The files as they were before `version_id` (None: the file did not exist)."""
    saved = history_folder(folder) / version_id
    return {
        name: (saved / name).read_bytes() if (saved / name).is_file() else None
        for name in SNAPSHOT_FILES
    }


def save(folder: Path, version: Version, files: dict[str, bytes | None]) -> None:
    """Write the version's files and meta.json, complete or not at all. Raises StorageError."""
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
    shutil.rmtree(history_folder(folder) / version.id, ignore_errors=True)


def remove_partial_versions(folder: Path) -> None:
    """What a killed process left half saved; call only under the history lock."""
    for leftover in history_folder(folder).glob(".*.partial"):
        shutil.rmtree(leftover, ignore_errors=True)


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
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
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
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: unreadable version record: {error}") from error
