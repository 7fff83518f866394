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


def pgbench(run, name="pgbench"):
    text = (run / f"{name}.txt").read_text() if (run / f"{name}.txt").exists() else ""
    tps = re.search(r"tps = ([0-9.]+)", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    log = run / f"{name}-all.log"
    latencies = sorted(float(line.split()[2]) / 1000 for line in log.read_text().splitlines()
                       if line.strip()) if log.exists() else []
    if not tps or not latencies:
        return None
    pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]
    return {"rate": float(tps.group(1)), "p50": pick(0.5), "p95": pick(0.95), "p99": pick(0.99),
            "failed": int(failed.group(1)) if failed else 0}


def cpu_ms(run, name, requests):
    """The JVM's CPU time per request in ms, from the ticks read before and after the workload (<name>.cpu)."""
    file = run / f"{name}.cpu"
    if not file.exists() or not requests:
        return None
    before, after, ticks = (float(v) for v in file.read_text().split())
    return (after - before) / ticks * 1000 / requests


def explained(run):
    """The ordered page's plan (the first EXPLAIN in explain.txt): the most rows any Sort node sorted, and how many
    sequential scans read the caseload's tables."""
    file = run / "explain.txt"
    if not file.exists():
        return None
    text = file.read_text(errors="replace")
    page = text.split("Execution Time")[0]
    if "Sort" not in page and "Index" not in page:
        return None
    sorted_rows = [int(r) for r in re.findall(r"Sort.*?actual time=[0-9.]+\.\.[0-9.]+ rows=(\d+)", page)]
    seq = len(re.findall(r"Seq Scan on (cin_plan|plan_review|child|family)\b", page))
    return {"sorted": max(sorted_rows, default=0), "seq": seq}


def figures(run):
    """One run's figures: workload -> {rate, p50, p95, p99, failed}."""
    found = {}
    page_rows = report_rows(run / "CaseloadPage.txt")
    page = page_rows.get("caseload page")
    if page:
        found["1 caseload page (req/s, ms)"] = {"rate": page["total"] / seconds, "p50": page["p50"],
                                                "p95": page["p95"], "p99": page["p99"], "failed": page["ko"]}
    ordered_rows = report_rows(run / "OrderedCaseloadPage.txt")
    ordered = ordered_rows.get("ordered caseload page")
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
    kinds = ("recordMeeting", "recordPlanEvent", "recordVisit")
    for name in kinds:
        if name in writes:
            w = writes[name]
            found[f"3 writes: {name} (req/s, ms)"] = {"rate": w["total"] / seconds, "p50": w["p50"],
                                                      "p95": w["p95"], "p99": w["p99"], "failed": w["ko"]}
    if all(n in writes for n in kinds):
        found["3 writes, all three (req/s; worst of the three, ms)"] = {
            "rate": sum(writes[n]["total"] for n in kinds) / seconds,
            **{p: max(writes[n][p] for n in kinds) for p in ("p50", "p95", "p99")},
            "failed": sum(writes[n]["ko"] for n in kinds)}
    summary_times = run / "summary.txt"
    if summary_times.exists():
        times = sorted(float(t) * 1000 for t in summary_times.read_text().split())
        if times:
            found["5 caseloadSummary, camden by team, 1 client (calls, ms)"] = {
                "rate": len(times), "p50": times[len(times) // 2], "p95": times[int(len(times) * 0.95)],
                "p99": times[-1], "failed": 0}
    single = run / "single.txt"
    single_floor = pgbench(run, "pgbench-single")
    if single.exists():
        times = dict(re.findall(r"(\w+) ([0-9.]+) ms", single.read_text()))
        served = re.search(r"requests (\d+)", single.read_text())
        if times and served:
            found["6 caseload page, 1 client (req, ms)"] = {
                "rate": float(served.group(1)), "p50": float(times["p50"]), "p95": float(times["p95"]),
                "p99": float(times["p99"]), "failed": 0}
            if single_floor:
                found["6b floor, pgbench, 1 client (tps, ms)"] = single_floor
                found["1 client: service p50 - floor p50 (ms; target at most 4)"] = {
                    "ratio": float(times["p50"]) - single_floor["p50"]}
    floor = pgbench(run)
    if floor:
        found["4 floor, pgbench (tps, ms)"] = floor
        for label, name in (("caseload page", "1 caseload page (req/s, ms)"),
                            ("ordered caseload page", "1b ordered caseload page (req/s, ms)")):
            if name in found:
                found[f"service / floor, rate ({label}; target at least 0.8)"] = {
                    "ratio": found[name]["rate"] / floor["rate"]}
                found[f"service / floor, p99 ({label}; target at most 2)"] = {
                    "ratio": found[name]["p99"] / floor["p99"]}
    writes_floor = pgbench(run, "pgbench-writes")
    if writes_floor:
        found["4b writes floor, pgbench (tps, ms)"] = writes_floor
        name = "3 writes, all three (req/s; worst of the three, ms)"
        if name in found:
            found["service / floor, rate (writes; target at least 0.8)"] = {
                "ratio": found[name]["rate"] / writes_floor["rate"]}
            found["service / floor, p99 (writes; target at most 2)"] = {
                "ratio": found[name]["p99"] / writes_floor["p99"]}
    # Issue targets of the ordered page and the summary: the ordered page costs no more than the plain one, reads
    # indexes (no sort of the caseload), and the summary of camden answers one client within 200 ms.
    plain_name, ordered_name = "1 caseload page (req/s, ms)", "1b ordered caseload page (req/s, ms)"
    if plain_name in found and ordered_name in found:
        found["ordered / plain page, rate (target at least 1)"] = {
            "ratio": found[ordered_name]["rate"] / found[plain_name]["rate"]}
    summary_name = "5 caseloadSummary, camden by team, 1 client (calls, ms)"
    if summary_name in found:
        found["caseloadSummary p50 under 200 ms (1 yes, 0 no)"] = {
            "ratio": 1.0 if found[summary_name]["p50"] < 200 else 0.0}
    plan = explained(run)
    if plan is not None:
        found["ordered page plan: largest sort (rows; at most 102, two parts of 51)"] = {"ratio": plan["sorted"]}
        found["ordered page plan: sequential scans of a caseload table (target 0)"] = {"ratio": plan["seq"]}
    # The JVM's CPU per request: under load, over every request of the workload (its warm-up too); with one client,
    # over the 500 measured pages.
    for label, name, rows in (("caseload page", "CaseloadPage", page_rows),
                              ("ordered caseload page", "OrderedCaseloadPage", ordered_rows),
                              ("writes", "Writes", writes)):
        per = cpu_ms(run, name, sum(r["total"] for n, r in rows.items() if n != "All Requests"))
        if per is not None:
            found[f"JVM CPU per request, 32 clients (ms; {label})"] = {"ratio": per}
    if "6 caseload page, 1 client (req, ms)" in found:
        per = cpu_ms(run, "single", found["6 caseload page, 1 client (req, ms)"]["rate"])
        if per is not None:
            found["JVM CPU per page, 1 client (ms; target at most 6)"] = {"ratio": per}
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
    ratio = any(r and "ratio" in r for r in rows)
    shown = []
    for r in rows:
        if r is None:
            shown.append("-")
        elif ratio:
            shown.append(cell(r["ratio"], "ratio"))
        else:
            shown.append(" / ".join([cell(r["rate"], "rate")] + [cell(r[p], "ms") for p in ("p50", "p95", "p99")]))
    present = [r for r in rows if r]
    median = lambda key: statistics.median(r[key] for r in present) if present else None
    if ratio:
        tail = [cell(median("ratio"), "ratio"), "", "", "", ""]
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
