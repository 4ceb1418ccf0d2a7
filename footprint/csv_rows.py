"""Change some rows of a data file and leave every other line exactly as the organizer saved it.

A publish replaces one edition's rows; rewriting the whole file would also rewrite the other
editions' quoting, spacing and separator, and a diff would no longer show what changed. So the
file is read line by line, the rows to drop are cut out, and the new rows go in their place in
the file's own dialect (separator, line ending, BOM).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from footprint.data import decode_csv_text, sniff_separator

BOM = "\ufeff"


@dataclass(frozen=True)
class Record:
    """One CSV record: its physical lines [start, end) and its values by column."""

    start: int
    end: int
    values: dict[str, str]


@dataclass(frozen=True)
class CsvFile:
    header: list[str]
    delimiter: str
    newline: str
    bom: bool
    lines: list[str]
    records: list[Record]  # after the header

    def render(self, rows: Sequence[dict[str, str]]) -> list[str]:
        """`rows` as lines of this file: its separator and line ending, its column order."""
        rendered = []
        for row in rows:
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator=self.newline)
            writer.writerow([row.get(name, "") for name in self.header])
            rendered.append(buffer.getvalue())
        return rendered


@dataclass(frozen=True)
class Edited:
    data: bytes
    new_lines: list[int]  # the line each new row starts on, in order
    dropped: list[dict[str, str]]


def parse(path: Path, raw: bytes | None, columns: Sequence[str]) -> CsvFile:
    """The file's lines and records; a missing file is an empty one with `columns`."""
    if raw is None:
        header = ",".join(columns) + "\n"
        return CsvFile(list(columns), ",", "\n", False, [header], [])
    text = decode_csv_text(path, raw)
    lines = io.StringIO(text, newline="").readlines()
    delimiter = sniff_separator(text)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    header = [name.strip() for name in next(reader, [])]
    records = []
    start = reader.line_num
    for cells in reader:
        values = {name: cell.strip() for name, cell in zip(header, cells, strict=False)}
        records.append(Record(start, reader.line_num, values))
        start = reader.line_num
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    return CsvFile(header, delimiter, newline, raw.startswith(BOM.encode()), lines, records)


def replace_rows(
    parsed: CsvFile, drop: Callable[[dict[str, str]], bool], rows: Sequence[dict[str, str]]
) -> Edited:
    """Drop the records `drop` picks and put `rows` where the first of them was (or at the end)."""
    dropped = [record for record in parsed.records if drop(record.values)]
    cut = {line for record in dropped for line in range(record.start, record.end)}
    at = dropped[0].start if dropped else len(parsed.lines)
    before = [line for number, line in enumerate(parsed.lines[:at]) if number not in cut]
    after = [line for number, line in enumerate(parsed.lines[at:], at) if number not in cut]
    if before and not before[-1].endswith(("\n", "\r")):
        before[-1] += parsed.newline
    new_lines = []
    rendered = parsed.render(rows)
    line = len(before) + 1
    for text in rendered:
        new_lines.append(line)
        line += len(io.StringIO(text, newline="").readlines())
    text = (BOM if parsed.bom else "") + "".join(before + rendered + after)
    return Edited(text.encode("utf-8"), new_lines, [record.values for record in dropped])


def editions_in(parsed: CsvFile, column: str = "edition") -> set[int]:
    """The edition numbers a file's rows name in `column` (well-formed ones only)."""
    return {
        int(record.values[column])
        for record in parsed.records
        if record.values.get(column, "").isdigit()
    }
