"""The organizers' workspace through AppTest: signed in, a French-Excel list goes from upload
to review, a made-up city is placed by hand, the list is published, shows on the public map,
and is undone; signed out, the workspace is neither listed nor reachable."""

from __future__ import annotations

import csv
import io
import json

import pytest
from streamlit.testing.v1 import AppTest

from footprint import auth, versions
from footprint.data import load_dataset
from footprint.i18n import t
from tests.import_fixtures.support import FRENCH_CSV
from tests.organizer_app import new_app, organizer_env, signed_in_by_link, titles
from tests.test_publisher import city, publish_8
from ui.markdown import escape_markdown

__all__ = ["organizer_env"]  # the fixture, used by name below

MADE_UP = "Zorglubopolis"  # in the fixture, in no gazetteer
MADE_UP_LINE = 22
MADE_UP_AT = (44.12345, 4.54321)


def _upload_fixture(app: AppTest) -> AppTest:
    app.file_uploader[0].upload(FRENCH_CSV.name, FRENCH_CSV.read_bytes(), "text/csv")
    return app.run()


def _rows(folder, name: str) -> list[dict[str, str]]:
    text = (folder / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _place_made_up_city(app: AppTest) -> AppTest:
    app.number_input(key=f"ws_lat_{MADE_UP_LINE}").set_value(MADE_UP_AT[0])
    app.number_input(key=f"ws_lon_{MADE_UP_LINE}").set_value(MADE_UP_AT[1])
    return app.button(key=f"ws_place_{MADE_UP_LINE}").click().run()


def _preview_map_layers(app: AppTest) -> str:
    """The layers' script of the page's one map, which must be the app's own component."""
    (frame,) = [
        element.proto
        for element in app.get("component_instance")
        if element.proto.component_name.endswith("footprint_map")
    ]
    return json.loads(frame.json_args)["feature_group"]


def _metrics(app: AppTest) -> dict[str, str]:
    found: dict[str, str] = {}
    for metric in app.metric:
        found.setdefault(metric.label, metric.value)
    return found


def test_signed_out_the_workspace_is_neither_listed_nor_reachable(organizer_env):
    app = new_app()
    app.run()
    assert not app.exception
    assert "Organizers" not in titles(app)
    links = [link.label for link in app.get("page_link")]
    assert "Organizers: sign in" in links and "Organizers" not in links
    with pytest.raises(ValueError, match="not a registered page|Could not find|registered"):
        app.switch_page("pages/organizers.py")
    assert not app.file_uploader


def test_a_refused_link_opens_nothing_and_leaves_the_url(organizer_env, monkeypatch):
    _, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    app = new_app(organizer="not-the-token")
    app.run()
    assert "organizer" not in app.query_params
    assert "Organizers" not in titles(app)
    assert [toast.value for toast in app.toast] == [
        "This organizer link is not valid: already used, from an earlier start, or opened "
        "from another computer."
    ]


def test_import_review_place_publish_show_and_undo(organizer_env, monkeypatch):
    folder = organizer_env
    before = {name: (folder / name).read_bytes() for name in ("cities.csv", "editions.csv")}
    app = signed_in_by_link(monkeypatch)
    assert titles(app) == ["Organizers"]
    assert "organizer" not in app.query_params

    app = _upload_fixture(app)
    assert not app.exception
    counts = _metrics(app)
    assert (counts["Rows read"], counts["Placed"], counts["To place"]) == ("23", "18", "1")
    assert (counts["Left out"], counts["Duplicates"]) == ("3", "1")
    table = app.dataframe[0].value
    markup = table[table["As written"] == "<img src=x onerror=alert(1)>"]
    assert markup["Status"].tolist() == ["left out"]
    formula = table[table["Line"] == 19]["As written"].tolist()
    assert formula == ['\'=HYPERLINK("http://example.org";"Rabat")']  # inert if exported
    assert app.button(key="ws_publish").disabled

    app.toggle(key="ws_filter_problems").set_value(True).run()
    shown = app.dataframe[0].value["As written"].tolist()
    assert MADE_UP in shown and "Barcelone" not in shown

    app = _place_made_up_city(app)
    assert not app.exception
    assert _metrics(app)["To place"] == "0"
    assert _metrics(app)["Cities"] == "18"  # the preview counts visitors, as the map does
    assert MADE_UP in _preview_map_layers(app)  # drawn by the public map's own component
    assert not app.button(key="ws_publish").disabled

    app.button(key="ws_publish").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Published (version ")
    published = [row for row in _rows(folder, "cities.csv") if row["edition"] == "8"]
    assert MADE_UP in [row["city"] for row in published]
    assert "<img src=x onerror=alert(1)>" not in [row["city"] for row in published]
    manual = [row for row in _rows(folder, "geocache.csv") if row["name"] == MADE_UP]
    assert (manual[0]["provider"], manual[0]["lat"], manual[0]["lon"]) == (
        "manual",
        "44.12345",
        "4.54321",
    )
    assert load_dataset(folder).editions["edition"].max() == 8
    history_line = [m.value for m in app.markdown if "liste" in m.value]
    assert any("organizer \\(one\\-time link\\)" in line for line in history_line)

    app.switch_page("pages/map.py").run()
    app.selectbox(key="edition_en").set_value(8).run()
    assert not app.exception
    assert _metrics(app)["Cities"] == "18"

    app.switch_page("pages/organizers.py").run()
    app.button(key=f"ws_restore_{_newest_version(app)}").click().run()
    assert not app.exception
    assert {name: (folder / name).read_bytes() for name in before} == before
    # The undo removed edition 8, which this session was looking at: back to every edition.
    app.switch_page("pages/map.py").run()
    assert not app.exception
    assert app.selectbox(key="edition_en").value == "all"


def _newest_version(app: AppTest) -> str:
    keys = [button.key for button in app.button if (button.key or "").startswith("ws_restore_")]
    return keys[0].removeprefix("ws_restore_")


def test_a_city_placed_with_an_unknown_country_is_refused_in_the_organizers_language(
    organizer_env, monkeypatch
):
    app = _upload_fixture(signed_in_by_link(monkeypatch, "fr"))
    app.text_input(key=f"ws_country_{MADE_UP_LINE}").set_value("ZZ")
    app = _place_made_up_city(app)
    assert not app.exception
    assert [error.value for error in app.error] == [
        "Donnez le pays de la ville, en code à deux lettres (par exemple MA), pour la placer."
    ]
    assert app.button(key="ws_publish").disabled


def test_a_list_with_no_city_placed_cannot_be_published(organizer_env, monkeypatch):
    header = "Édition;Ville;Pays;Continent;Rôle\n"
    data = (header + "8;<img src=x onerror=alert(1)>;Maroc;Afrique;Ville hôte\n").encode()
    app = signed_in_by_link(monkeypatch)
    app.file_uploader[0].upload("nothing-placed.csv", data, "text/csv")
    app = app.run()
    assert not app.exception
    assert app.button(key="ws_publish").disabled
    assert "No city of this list is placed: there is nothing to publish." in [
        info.value for info in app.info
    ]


def test_new_edition_details_are_published(organizer_env, monkeypatch):
    folder = organizer_env
    app = signed_in_by_link(monkeypatch)
    app.text_input(key="ws_new_venue_0").set_value("Mazagan <b>Beach</b>").run()
    app = _upload_fixture(app)
    app = _place_made_up_city(app)
    app.button(key="ws_publish").click().run()
    row = [row for row in _rows(folder, "editions.csv") if row["edition"] == "8"][0]
    assert row["venue"] == "Mazagan <b>Beach</b>"
    assert row["year"] == str(app.number_input(key="ws_new_year_1").value)


def test_unrecognised_headers_are_mapped_by_hand(organizer_env, monkeypatch):
    app = signed_in_by_link(monkeypatch)
    data = b"Nom;Etat\nLondres;GB\nDakar;SN\n"
    app.file_uploader[0].upload("liste.csv", data, "text/csv").run()
    assert "no column for the city" in app.code[0].value
    app.selectbox(key=f"ws_map_{_upload_id(app)}_0").set_value("city").run()
    app.selectbox(key=f"ws_map_{_upload_id(app)}_1").set_value("country").run()
    assert not app.exception
    assert _metrics(app)["Placed"] == "2"


def _upload_id(app: AppTest) -> str:
    return app.session_state["footprint_workspace"].draft.upload_id


def test_editing_a_published_list_keeps_sources_of_unchanged_rows(organizer_env, monkeypatch):
    folder = organizer_env
    app = signed_in_by_link(monkeypatch)
    app.radio(key="ws_mode").set_value("edit").run()
    edition = app.selectbox(key="ws_edit_edition").value
    before = [row for row in _rows(folder, "cities.csv") if row["edition"] == str(edition)]
    editor_key = f"ws_editor_{edition}_0"
    app.session_state[editor_key] = {
        "edited_rows": {},
        "added_rows": [{"City": "Lisbonne", "Country": "PT", "Role": "delegation"}],
        "deleted_rows": [],
    }
    app.run()
    app.button(key="ws_check_edits").click().run()
    assert not app.exception
    app.button(key="ws_publish").click().run()
    assert not app.exception
    after = [row for row in _rows(folder, "cities.csv") if row["edition"] == str(edition)]
    assert [row["city"] for row in after] == [row["city"] for row in before] + ["Lisbonne"]
    for old, new in zip(before, after, strict=False):
        assert (new["source"], new["quote"]) == (old["source"], old["quote"])
    assert after[-1]["source"].startswith("import:list-editor-edition-")


def test_a_list_with_nothing_placed_yet_previews_an_empty_edition(organizer_env, monkeypatch):
    app = signed_in_by_link(monkeypatch)
    app.file_uploader[0].upload("liste.csv", b"Ville;Pays\nZorglubopolis;FR\n", "text/csv").run()
    assert not app.exception
    counts = _metrics(app)
    assert (counts["To place"], counts["Cities"], counts["Added"]) == ("1", "0", "1")
    assert app.button(key="ws_publish").disabled


def test_an_ambiguous_name_offers_candidates_with_region_and_population(organizer_env, monkeypatch):
    folder = organizer_env
    app = signed_in_by_link(monkeypatch)
    app.file_uploader[0].upload("liste.csv", b"Ville\nSaint-Denis\n", "text/csv").run()
    candidates = app.selectbox(key="ws_candidate_2")
    assert candidates.options == [
        "Saint-Denis (RE, RE), population 154,765",
        "Saint-Denis (FR, 11), population 96,128",
    ]
    candidates.select_index(1).run()
    app.button(key="ws_choose_2").click().run()
    assert _metrics(app)["To place"] == "0"
    assert app.dataframe[0].value["Country"].tolist() == ["France"]
    app.button(key="ws_publish").click().run()
    manual = [row for row in _rows(folder, "geocache.csv") if row["query"] == "saint denis"]
    assert [(row["country"], row["provider"]) for row in manual] == [("FR", "manual")]


def test_a_workbook_sheet_is_picked(organizer_env, monkeypatch):
    from tests.import_fixtures.support import french_rows, xlsx_bytes

    app = signed_in_by_link(monkeypatch)
    workbook = xlsx_bytes(french_rows(), sheet="Liste", before=("Notes",))
    app.file_uploader[0].upload("liste-2024.xlsx", workbook).run()
    sheets = app.selectbox(key="ws_sheet")
    assert sheets.options == ["Notes", "Liste"]
    sheets.set_value("Liste").run()
    assert not app.exception
    assert (_metrics(app)["Rows read"], _metrics(app)["To place"]) == ("23", "1")


@pytest.mark.parametrize(
    ("lang", "title", "statuses"),
    [
        ("fr", "Espace organisateurs", {"placée", "écartée"}),
        ("ar", "فضاء المنظمين", {"محدَّدة", "مستبعدة"}),
    ],
)
def test_the_workspace_in_french_and_arabic(organizer_env, monkeypatch, lang, title, statuses):
    app = _upload_fixture(signed_in_by_link(monkeypatch, lang))
    assert not app.exception
    assert titles(app) == [title]
    # Arabic shows a table of reading size as an HTML table, which follows the page's direction.
    table = (app.dataframe or app.table)[0].value
    assert statuses <= set(table.to_numpy().ravel())


def test_a_publish_and_its_undo_refresh_the_static_public_site(
    organizer_env, monkeypatch, tmp_path
):
    site = tmp_path / "site"
    monkeypatch.setenv("FOOTPRINT_SITE_DIR", str(site))
    app = _place_made_up_city(_upload_fixture(signed_in_by_link(monkeypatch)))
    app.button(key="ws_publish").click().run()
    assert not app.exception and not app.warning
    assert MADE_UP in (site / "index.html").read_text(encoding="utf-8")

    app.button(key=f"ws_restore_{_newest_version(app)}").click().run()
    assert not app.exception
    assert MADE_UP not in (site / "index.html").read_text(encoding="utf-8")


def test_an_unreadable_version_is_named_above_a_history_that_still_undoes(
    organizer_env, monkeypatch
):
    folder = organizer_env
    before = {name: (folder / name).read_bytes() for name in ("cities.csv", "editions.csv")}
    readable = publish_8(folder)
    broken = publish_8(folder, cities=[city("Rabat", "MA")])
    meta = versions.history_folder(folder) / broken.id / versions.META
    meta.write_text('{"when": "*half edited*', encoding="utf-8")

    app = signed_in_by_link(monkeypatch)
    assert not app.exception
    [warning] = [w.value for w in app.warning if t("ws_history_unreadable", "en") in w.value]
    assert escape_markdown(str(meta)) in warning and "not valid JSON" in warning
    assert _newest_version(app) == readable.id  # the unreadable one has no undo button

    app.button(key=f"ws_restore_{readable.id}").click().run()
    assert not app.exception
    assert {name: (folder / name).read_bytes() for name in before} == before
    assert meta.read_text(encoding="utf-8") == '{"when": "*half edited*'
