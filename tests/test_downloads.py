"""The pages' CSV downloads go through the safe export: a cell from the data never runs as a
formula in the spreadsheet that opens it."""

import pandas as pd

from ui import widgets

HOSTILE = '=HYPERLINK("http://example.invalid","x")'


def test_a_table_download_neutralises_formulas(monkeypatch):
    sent = {}
    monkeypatch.setattr(widgets, "show_table", lambda table, lang: None)
    monkeypatch.setattr(
        widgets.st, "download_button", lambda label, data, **options: sent.update(data=data)
    )
    table = pd.DataFrame({"City": [HOSTILE, "Paris"], "lat": [1.5, 48.85]})
    widgets.table_with_download(table, "cities.csv", "en")
    text = sent["data"].decode("utf-8-sig")
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://example.invalid"",""x"")",1.5'
    assert text.splitlines()[2] == "Paris,48.85"
