"""A re-import never erases what was set by hand in cities.csv and the imported file does not
carry (a city's Arabic name); a value the file does give wins."""

from footprint import publisher
from footprint.data import load_dataset
from footprint.importer import review_upload
from footprint.list_editing import editable_table, keep_provenance, table_as_csv
from footprint.schema import CITIES, CITIES_KEPT_ACROSS_PUBLISHES
from tests.test_publisher import city, files, rows

PARIS_AR = "باريس"
# Edition 2 again, as an organizer's spreadsheet: no Arabic names, one city new to the edition.
EDITION_2_FILE = "Ville;Pays;Continent\nParis;France;Europe\nBerlin;Allemagne;Europe\n"
LISBON_LINE = "Lisbonne;Portugal;Europe\n"


def edition_rows(folder, edition="2"):
    return {row["city"]: row for row in rows(folder) if row["edition"] == edition}


def around_edition_2(raw):
    """The bytes before edition 2's first line and after its last: the other editions' rows."""
    lines = raw.splitlines(keepends=True)
    numbers = [n for n, line in enumerate(lines) if line.startswith(b"2,")]
    return b"".join(lines[: numbers[0]]), b"".join(lines[numbers[-1] + 1 :])


def reimport_edition_2(folder, data):
    review = review_upload(data.encode(), "e2.csv", data_folder=folder, edition=2)
    return publisher.publish(
        folder, 2, review.cities_rows("amina"), who="amina", file_name="e2.csv"
    )


def test_the_kept_columns_are_optional_columns_of_cities_csv():
    optional = {column.name for column in CITIES.columns if not column.required}
    assert set(CITIES_KEPT_ACROSS_PUBLISHES) <= optional
    assert not {"continent_published", "quote", "source"} & set(CITIES_KEPT_ACROSS_PUBLISHES)


def test_a_reimport_without_arabic_names_keeps_the_one_set_by_hand(data_copy):
    assert edition_rows(data_copy)["Paris"]["name_ar"] == PARIS_AR  # set by hand, bundled
    before = (data_copy / "cities.csv").read_bytes()
    head, tail = around_edition_2(before)
    version = reimport_edition_2(data_copy, EDITION_2_FILE + LISBON_LINE)
    after = (data_copy / "cities.csv").read_bytes()
    assert after.startswith(head) and after.endswith(tail)  # other editions byte for byte
    published = edition_rows(data_copy)
    assert list(published) == ["Paris", "Berlin", "Lisbonne"]
    paris = published["Paris"]
    assert paris["name_ar"] == PARIS_AR
    assert paris["source"].startswith("import:e2.csv (")  # the rest is the file's
    assert paris["quote"] == "Paris;France;Europe"
    assert published["Lisbonne"]["name_ar"] == ""  # new to the edition: nothing to keep
    loaded = load_dataset(data_copy).cities
    assert loaded.query("edition == 2 and city == 'Paris'")["name_ar"].tolist() == [PARIS_AR]
    assert version.summary.added == ("Lisbonne",)
    assert "Paris" not in version.summary.removed
    assert version.summary.cities == 3


def test_an_arabic_name_given_by_the_import_wins(data_copy):
    current = list(edition_rows(data_copy).values())
    given = [
        {**row, "name_ar": "باريس (فرنسا)"} if row["city"] == "Paris" else row for row in current
    ]
    publisher.publish(data_copy, 2, given, who="amina", file_name="e2.csv")
    assert edition_rows(data_copy)["Paris"]["name_ar"] == "باريس (فرنسا)"


def test_a_city_whose_key_changed_keeps_nothing(data_copy):
    moved = city("Paris", "US", edition=2)  # Paris, Texas: another city, not a correction
    version = publisher.publish(data_copy, 2, [moved], who="amina", file_name="e2.csv")
    assert edition_rows(data_copy)["Paris"]["name_ar"] == ""
    assert "Paris" in version.summary.added and "Paris" in version.summary.removed


def test_a_list_republished_without_its_arabic_names_changes_nothing(data_copy):
    before = files(data_copy)
    without = [{**row, "name_ar": ""} for row in edition_rows(data_copy).values()]
    version = publisher.publish(data_copy, 2, without, who="amina", file_name="e2.csv")
    assert files(data_copy) == before
    assert (version.summary.added, version.summary.removed) == ((), ())


def test_an_edit_in_place_keeps_the_arabic_name_of_the_edited_city(data_copy):
    cities = load_dataset(data_copy).cities
    table = editable_table(cities, 2)
    table.loc[table["City"] == "Paris", "Role"] = "guest"
    review = review_upload(table_as_csv(table), "edit.csv", data_folder=data_copy, edition=2)
    edited = keep_provenance(review, review.cities_rows("amina", "edit.csv"), cities, 2)
    assert next(row for row in edited if row["city"] == "Paris")["name_ar"] == ""
    publisher.publish(data_copy, 2, edited, who="amina", file_name="edit.csv")
    paris = edition_rows(data_copy)["Paris"]
    assert (paris["role"], paris["name_ar"]) == ("guest", PARIS_AR)


def test_undo_puts_the_file_back_exactly(data_copy):
    before = files(data_copy)
    version = reimport_edition_2(data_copy, EDITION_2_FILE + LISBON_LINE)
    assert files(data_copy) != before
    publisher.restore(data_copy, version.id, who="amina")
    assert files(data_copy) == before
