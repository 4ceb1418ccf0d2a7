"""The load benchmark's table and its targets, from the scenarios' results."""

from __future__ import annotations

from dataclasses import dataclass

from bench.load_scenarios import ScenarioResult, percentile

MB = 1_000_000
TARGET_BURST = (50, 2.0)  # a burst of 50 visitors: p95 ≤ 2 s
TARGET_RATE = (8, 1.0)  # ≥ 8 new visitors a second with p95 ≤ 1 s
TARGET_RATIO = 1.7


@dataclass
class Row:
    size: str
    result: ScenarioResult
    via: str


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| served by | cities | scenario | visitors | first page p50 / p95 (s) "
        "| filter change p50 / p95 (s) | sessions/s | errors | server peak (MB) "
        "| server CPU a visit (ms) | visitors' CPU (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        result = row.result
        first, changes = result.first_pages, result.changes
        peak = f"{result.peak_rss_bytes / MB:.0f}" if result.peak_rss_bytes else "–"
        cpu_a_visit = (
            f"{result.server_cpu_s / len(result.visits) * 1000:.0f}"
            if result.server_cpu_s and result.visits
            else "–"
        )
        lines.append(
            f"| {row.via} | {row.size} | {result.name} | {len(result.visits)} "
            f"| {_seconds(percentile(first, 0.5))} / {_seconds(percentile(first, 0.95))} "
            f"| {_seconds(percentile(changes, 0.5))} / {_seconds(percentile(changes, 0.95))} "
            f"| {result.sessions_per_second:.1f} | {len(result.errors)} | {peak} "
            f"| {cpu_a_visit} | {result.client_cpu_s:.1f} |"
        )
    return "\n".join(lines)


def worst_p95(result: ScenarioResult) -> float | None:
    """The larger of the first page's and the filter changes' p95."""
    values = [percentile(result.first_pages, 0.95), percentile(result.changes, 0.95)]
    known = [value for value in values if value is not None]
    return max(known) if known else None


def throughput_lines(rows: list[Row], size: int, label: str) -> list[str]:
    """The same burst on one process and through the proxy: sessions a second when saturated,
    a steadier ratio than the ladder's steps."""
    name = f"burst {size}"
    found = {
        row.via: row.result for row in rows if row.size == "bundled" and row.result.name == name
    }
    alone, together = found.get("1 process"), found.get(label)
    if alone is None or together is None or not alone.sessions_per_second:
        return []
    ratio = together.sessions_per_second / alone.sessions_per_second
    return [
        f"- Saturated, a burst of {size} on the bundled data: one process "
        f"{alone.sessions_per_second:.1f} sessions a second, {label} "
        f"{together.sessions_per_second:.1f} ({ratio:.2f}×)"
    ]


def rate_lines(
    alone: float, together: float | None, replicas: int, ladder: str, top: float
) -> list[str]:
    """The sustained rates against their targets; `ladder` says how they were searched, and a
    rate at the ladder's `top` is only a lower bound."""
    ok = alone >= TARGET_RATE[0]
    lines = [
        f"- {'met' if ok else '**not met**'}: ≥ {TARGET_RATE[0]} new visitors a second with "
        f"p95 ≤ {TARGET_RATE[1]:g} s and no error, one process: {alone:g} a second ({ladder}; "
        "0: not even the first step)"
    ]
    if together is not None:
        ratio = together / alone if alone else None
        met = "met" if ratio is not None and ratio >= TARGET_RATIO else "**not met**"
        shown = "–" if ratio is None else f"{ratio:.2f}×"
        lines.append(
            f"- {met}: HAProxy + {replicas} replicas sustain ≥ {TARGET_RATIO}× one "
            f"process's rate: {together:g} a second against {alone:g} ({shown})"
            + (" (the ladder's top: a lower bound)" if together >= top else "")
        )
    return lines


def targets(rows: list[Row]) -> list[str]:
    """The burst and 10,000-city targets against what this run measured on one process."""
    lines = []
    by_name = {(row.via, row.size, row.result.name): row.result for row in rows}
    found = by_name.get(("1 process", "bundled", f"burst {TARGET_BURST[0]}"))
    if found is not None:
        p95 = worst_p95(found)
        ok = not found.errors and p95 is not None and p95 <= TARGET_BURST[1]
        lines.append(
            f"- {'met' if ok else '**not met**'}: a burst of {TARGET_BURST[0]}, p95 ≤ "
            f"{TARGET_BURST[1]:g} s: {'–' if p95 is None else f'{p95:.3f}'} s, "
            f"{len(found.errors)} errors"
        )
    tenk = [r for (via, size, _), r in by_name.items() if via == "1 process" and size == "10000"]
    at_ten = [r for r in tenk if r.name.startswith("10/s")]
    if at_ten:
        errors = len(at_ten[0].errors)
        lines.append(
            f"- {'met' if not errors else '**not met**'}: zero errors at 10 a second with "
            f"10,000 cities: {errors} errors"
        )
    return lines
