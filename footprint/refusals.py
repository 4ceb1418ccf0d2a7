"""Why a publish or an undo wrote nothing, in the organizer's language.

A full disk, a read-only folder, a misconfigured history setting and data that would not load
each get their own sentence, which says what happened and who can fix it; the error's own text
(file, line, column, the system's words) follows as technical detail, unchanged. The command
line keeps the errors' English messages.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import get_args

from atomic_files import StorageError
from footprint.data import DataError
from footprint.i18n import N_, isolate, t
from footprint.versions import (
    KEEP_ENV,
    HistoryKeepError,
    UnknownVersionError,
    UnreadableVersionError,
)

# A write the system refused, by its errno → the sentence that names the cause.
STORAGE_KEYS = {
    errno.ENOSPC: N_("refused.disk_full"),
    errno.EDQUOT: N_("refused.disk_quota"),
    errno.EROFS: N_("refused.read_only"),
    errno.EACCES: N_("refused.permission"),
    errno.EPERM: N_("refused.permission"),
    errno.EFBIG: N_("refused.file_too_large"),
    errno.EBUSY: N_("refused.busy"),  # another publish, undo or geocoding holds the lock
}
STORAGE_OTHER_KEY = N_("refused.storage")
DATA_KEY = N_("refused.data")
HISTORY_KEEP_KEY = N_("refused.history_keep")
UNKNOWN_VERSION_KEY = N_("refused.unknown_version")
UNREADABLE_VERSION_KEY = N_("refused.unreadable_version")


@dataclass(frozen=True)
class Refusal:
    """What to tell the organizer, kept apart from the language: the workspace may be switched
    to another one while the refusal is still on screen."""

    key: str  # the sentence in the catalogs
    detail: str  # the error as the program reported it: file:line: column: what
    file: str = ""  # the file the system refused to write, by its name

    def sentence(self, lang: str) -> str:
        return t(self.key, lang, file=isolate(self.file, lang), setting=isolate(KEEP_ENV, lang))


# Every error a publish or a restore refuses with, the data left as it was; as a tuple for
# `except`.
RefusedChange = (
    DataError | StorageError | HistoryKeepError | UnknownVersionError | UnreadableVersionError
)
REFUSED_CHANGES = get_args(RefusedChange)


def refusal(error: RefusedChange) -> Refusal:
    """Why a publish or a restore wrote nothing; `error` is one of what publisher.publish and
    publisher.restore raise."""
    match error:
        case DataError():
            return Refusal(DATA_KEY, "\n".join(str(problem) for problem in error.problems))
        case StorageError():
            key = STORAGE_KEYS.get(error.errno, STORAGE_OTHER_KEY)
            return Refusal(key, str(error), error.path.name)
        case HistoryKeepError():
            return Refusal(HISTORY_KEEP_KEY, str(error))
        case UnknownVersionError():
            return Refusal(UNKNOWN_VERSION_KEY, str(error))
        case UnreadableVersionError():
            return Refusal(UNREADABLE_VERSION_KEY, str(error))
