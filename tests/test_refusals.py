"""A publish or an undo that wrote nothing says why in the organizer's language: a full disk is
not "the data would not load", and an undo refused by a bad server setting is a message, not a
crash. The English technical detail follows, unchanged."""

from __future__ import annotations

import errno
import os

import pytest

import atomic_files
from atomic_files import StorageError
from footprint import publisher, storage, versions
from footprint.data import DataError
from footprint.i18n import FIRST_STRONG_ISOLATE as FSI
from footprint.i18n import POP_ISOLATE as PDI
from footprint.refusals import REFUSED_CHANGES, refusal
from tests.full_disk import fill_disk_after
from tests.organizer_app import organizer_env, signed_in_by_link
from tests.test_publisher import city, files, publish_8
from tests.test_workspace_app import _place_made_up_city, _upload_fixture

__all__ = ["organizer_env"]  # the fixture, used by name below


@pytest.mark.parametrize(
    ("code", "english", "french"),
    [
        (errno.ENOSPC, "the disk is full", "le disque est plein"),
        (errno.EDQUOT, "the disk quota is used up", "le quota de disque est atteint"),
        (errno.EROFS, "the data folder is read-only", "le dossier de données est en lecture seule"),
        (errno.EACCES, "the server is not allowed to write", "le serveur n'a pas le droit"),
        (errno.EPERM, "the server is not allowed to write", "le serveur n'a pas le droit"),
        (errno.EFBIG, "larger than the system allows", "dépasse la taille de fichier"),
        (errno.EIO, "the system refused to save", "le système a refusé d'enregistrer"),
    ],
)
def test_each_refused_write_names_its_cause_and_the_file(tmp_path, code, english, french):
    error = StorageError(tmp_path / "cities.csv", OSError(code, os.strerror(code)))
    explained = refusal(error)
    assert english in explained.sentence("en") and "cities.csv" in explained.sentence("en")
    assert french in explained.sentence("fr") and "cities.csv" in explained.sentence("fr")
    assert f"{FSI}cities.csv{PDI}" in explained.sentence("ar")  # a Latin name in Arabic
    assert explained.detail == str(error)  # the English detail, as the command line says it


def test_a_full_disk_while_publishing_is_said_as_such(data_copy, monkeypatch):
    fill_disk_after(monkeypatch, 100)
    with pytest.raises(REFUSED_CHANGES) as raised:
        publish_8(data_copy)
    explained = refusal(raised.value)
    # A new edition: editions.csv is written first (see publisher._commit).
    assert explained.sentence("fr").startswith(
        "Rien n'a été écrit : le disque est plein, editions.csv n'a pas pu être enregistré."
    )
    assert "the data would no longer load" not in explained.sentence("en")
    assert explained.detail.startswith(f"could not write {data_copy / 'editions.csv'}: ")


def test_rows_that_would_not_load_keep_their_file_line_and_column(data_copy):
    lines = len((data_copy / "cities.csv").read_bytes().splitlines())
    with pytest.raises(REFUSED_CHANGES) as raised:
        publish_8(data_copy, [city("Atlantis", "XX")], file_name="list.xlsx")
    assert isinstance(raised.value, DataError)
    explained = refusal(raised.value)
    assert "les données ne se chargeraient plus" in explained.sentence("fr")
    assert explained.detail == (
        f"{data_copy / 'cities.csv'}:{lines + 1}: country: 'XX' is not an ISO 3166-1 alpha-2"
        " country code (row 1 of list.xlsx)"
    )


def test_an_undo_of_a_version_gone_since_the_list_was_shown(data_copy):
    with pytest.raises(REFUSED_CHANGES) as raised:
        publisher.restore(data_copy, "0001-20260101T000000Z", who="a")
    explained = refusal(raised.value)
    assert "n'est plus dans l'historique" in explained.sentence("fr")


def test_an_undo_of_an_unreadable_version(data_copy):
    version = publish_8(data_copy)
    meta = versions.history_folder(data_copy) / version.id / "meta.json"
    meta.write_text("{not json", encoding="utf-8")
    with pytest.raises(REFUSED_CHANGES) as raised:
        publisher.restore(data_copy, version.id, who="a")
    assert "cannot be read, so it cannot be restored" in refusal(raised.value).sentence("en")
    assert str(meta) in refusal(raised.value).detail


def test_a_bad_history_setting_refuses_an_undo_too(data_copy, monkeypatch):
    version = publish_8(data_copy)
    before = files(data_copy)
    monkeypatch.setenv(versions.KEEP_ENV, "all of them")
    with pytest.raises(REFUSED_CHANGES) as raised:
        publisher.restore(data_copy, version.id, who="a")
    explained = refusal(raised.value)
    assert f"{FSI}{versions.KEEP_ENV}{PDI}" in explained.sentence("ar")
    assert "Whoever runs the server must correct it" in explained.sentence("en")
    assert files(data_copy) == before


def test_another_writer_holding_the_lock(tmp_path):
    with (
        storage.locked(tmp_path / "history"),
        pytest.raises(StorageError) as raised,
        storage.locked(tmp_path / "history", timeout=0.1),
    ):
        pytest.fail("the lock was taken twice")
    assert "try again in a moment" in refusal(raised.value).sentence("en")


def test_the_workspace_says_a_full_disk_in_french_then_in_arabic(organizer_env, monkeypatch):
    folder = organizer_env
    before = files(folder)
    app = _place_made_up_city(_upload_fixture(signed_in_by_link(monkeypatch, "fr")))
    fill_disk_after(monkeypatch, 100)
    app.button(key="ws_publish").click().run()
    assert not app.exception
    assert [error.value for error in app.error] == [
        "Rien n'a été écrit : le disque est plein, editions.csv n'a pas pu être"
        " enregistré. Les données publiées sont intactes ; libérez de la place puis recommencez."
    ]
    assert app.code[-1].value.startswith(f"could not write {folder / 'editions.csv'}: ")
    monkeypatch.setattr(atomic_files.os, "write", os.write)
    assert files(folder) == before
    # Still on screen after a switch of language, in the new one.
    app.sidebar.segmented_control[0].set_value("ar").run()
    assert not app.exception
    assert [error.value for error in app.error] == [
        "لم يُكتب شيء: القرص ممتلئ، فتعذّر حفظ \u2068editions.csv\u2069. البيانات المنشورة سليمة؛"
        " حرّر بعض المساحة ثم أعد المحاولة."
    ]


def test_the_workspace_says_why_an_undo_was_refused(organizer_env, monkeypatch):
    publish_8(organizer_env)
    app = signed_in_by_link(monkeypatch)
    monkeypatch.setenv(versions.KEEP_ENV, "0")
    restore = next(button for button in app.button if button.key.startswith("ws_restore_"))
    restore.click().run()
    assert not app.exception
    assert [error.value for error in app.error] == [
        "Nothing was written: the server's FOOTPRINT_HISTORY_KEEP setting is not a"
        " number of versions. Whoever runs the server must correct it."
    ]
