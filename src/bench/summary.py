"""Prints the benchmark's figures as a table: for each run, the measured requests of each workload (warm-up requests,
named "warmup", are left out) read from Gatling's HTML report, the pgbench floor with percentiles from its
per-transaction log, the caseload page's service-to-floor ratio, and the median of the runs. Then the peak heap.

Usage: summary.py <out dir> <measured seconds> <runs>; run i's files are in <out dir>/run-<i>."""
import html
import pathlib
import re
import statistics
import sys

out, seconds, runs = pathlib.Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
COLUMNS = ["total", "ok", "ko", "ko%", "cnt/s", "min", "p50", "p75", "p95", "p99", "max", "mean", "sd"]


def report_rows(console):
    """Gatling's statistics table, one dict per request or group name, from the report named in the console log."""
    if not console.exists():
        return {}
    reports = re.findall(r"file://(\S+index\.html)", console.read_text(errors="replace"))
    if not reports:
        return {}
    page = pathlib.Path(reports[-1]).read_text(errors="replace")
    rows = {}
    for row in re.findall(r"<tr id=\"[^\"]+\".*?</tr>", page, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)<', row)
        values = re.findall(r'<td class="value[^"]*">([^<]*)</td>', row)
        if name and len(values) == len(COLUMNS):
            rows[html.unescape(name.group(1))] = {c: float(v) if v not in ("", "-") else 0.0
                                                  for c, v in zip(COLUMNS, values)}
    return rows


def pgbench(run):
    text = (run / "pgbench.txt").read_text() if (run / "pgbench.txt").exists() else ""
    tps = re.search(r"tps = ([0-9.]+)", text)
    log = run / "pgbench-all.log"
    latencies = sorted(float(line.split()[2]) / 1000 for line in log.read_text().splitlines()
                       if line.strip()) if log.exists() else []
    if not tps or not latencies:
        return None
    pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]
    return {"rate": float(tps.group(1)), "p50": pick(0.5), "p95": pick(0.95), "p99": pick(0.99), "failed": 0}


def figures(run):
    """One run's figures: workload -> {rate, p50, p95, p99, failed}."""
    found = {}
    page = report_rows(run / "CaseloadPage.txt").get("caseload page")
    if page:
        found["1 caseload page (req/s, ms)"] = {"rate": page["total"] / seconds, "p50": page["p50"],
                                                "p95": page["p95"], "p99": page["p99"], "failed": page["ko"]}
    ordered = report_rows(run / "OrderedCaseloadPage.txt").get("ordered caseload page")
    if ordered:
        found["1b ordered caseload page (req/s, ms)"] = {"rate": ordered["total"] / seconds, "p50": ordered["p50"],
                                                        "p95": ordered["p95"], "p99": ordered["p99"],
                                                        "failed": ordered["ko"]}
    bi = report_rows(run / "BiScan.txt")
    if "bi scan" in bi:
        scan = bi["bi scan"]  # a group: its times are whole scans
        found["2 BI scan (scans, ms per scan)"] = {"rate": scan["total"], "p50": scan["p50"], "p95": scan["p95"],
                                                   "p99": scan["p99"], "failed": scan["ko"]}
    writes = report_rows(run / "Writes.txt")
    for name in ("recordMeeting", "recordPlanEvent"):
        if name in writes:
            w = writes[name]
            found[f"3 writes: {name} (req/s, ms)"] = {"rate": w["total"] / seconds, "p50": w["p50"],
                                                      "p95": w["p95"], "p99": w["p99"], "failed": w["ko"]}
    if all(n in writes for n in ("recordMeeting", "recordPlanEvent")):
        total = writes["recordMeeting"]["total"] + writes["recordPlanEvent"]["total"]
        found["3 writes, both (req/s; worst of the two, ms)"] = {
            "rate": total / seconds,
            **{p: max(writes["recordMeeting"][p], writes["recordPlanEvent"][p]) for p in ("p50", "p95", "p99")},
            "failed": writes["recordMeeting"]["ko"] + writes["recordPlanEvent"]["ko"]}
    summary_times = run / "summary.txt"
    if summary_times.exists():
        times = sorted(float(t) * 1000 for t in summary_times.read_text().split())
        if times:
            found["5 caseloadSummary, camden by team, 1 client (calls, ms)"] = {
                "rate": len(times), "p50": times[len(times) // 2], "p95": times[int(len(times) * 0.95)],
                "p99": times[-1], "failed": 0}
    floor = pgbench(run)
    if floor:
        found["4 floor, pgbench (tps, ms)"] = floor
        if "1 caseload page (req/s, ms)" in found:
            ratio = found["1 caseload page (req/s, ms)"]["rate"] / floor["rate"]
            found["service / floor (caseload page)"] = {"rate": ratio}
        if "1b ordered caseload page (req/s, ms)" in found:
            ratio = found["1b ordered caseload page (req/s, ms)"]["rate"] / floor["rate"]
            found["service / floor (ordered caseload page)"] = {"rate": ratio}
    return found


per_run = [figures(out / f"run-{i}") for i in range(1, runs + 1)]
names = []
for run in per_run:
    names += [n for n in run if n not in names]


def cell(value, key):
    if value is None:
        return "-"
    return f"{value:.2f}" if key == "ratio" else f"{value:,.1f}" if key == "rate" else f"{value:,.0f}"


print(f"measured {seconds:.0f} s per workload, {runs} run(s); median of the runs in the last columns")
print("| workload | " + " | ".join(f"run {i} rate / p50 / p95 / p99" for i in range(1, runs + 1))
      + " | median rate | median p50 | median p95 | median p99 | failed (all runs) |")
print("|---" * (runs + 6) + "|")
for name in names:
    rows = [run.get(name) for run in per_run]
    ratio = name.startswith("service / floor")
    shown = []
    for r in rows:
        if r is None:
            shown.append("-")
        elif ratio:
            shown.append(cell(r["rate"], "ratio"))
        else:
            shown.append(" / ".join([cell(r["rate"], "rate")] + [cell(r[p], "ms") for p in ("p50", "p95", "p99")]))
    present = [r for r in rows if r]
    median = lambda key: statistics.median(r[key] for r in present) if present else None
    if ratio:
        tail = [cell(median("rate"), "ratio"), "", "", "", ""]
    else:
        tail = [cell(median("rate"), "rate")] + [cell(median(p), "ms") for p in ("p50", "p95", "p99")] \
               + [f"{sum(r['failed'] for r in present):.0f}"]
    print(f"| {name} | " + " | ".join(shown) + " | " + " | ".join(tail) + " |")

gc = out / "gc.log"
if gc.exists():
    log = gc.read_text(errors="replace")
    # e.g. "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 301M->97M(512M) 4.1ms": 301M was in use before it
    pauses = [(int(b), int(a)) for b, a in re.findall(r"(\d+)M->(\d+)M\(\d+M\)", log)]
    if pauses:
        print(f"heap (GC log, {len(pauses)} collections): at most {max(b for b, _ in pauses)} MB in use before a"
              f" collection, at most {max(a for _, a in pauses)} MB after one (cap 512 MB)")
    if "OutOfMemory" in log:
        print("the service ran out of memory: see " + str(gc))
