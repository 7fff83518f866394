"""Prints the benchmark's figures: per workload, throughput and p50/p95/p99 from Gatling's stats.json (warm-up
requests left out); the pgbench floor from its per-transaction log; the service-to-floor ratio; the peak heap."""
import json
import pathlib
import re
import sys

caseload, bi, writes, pgbench_txt, pgbench_log, heap, seconds = sys.argv[1:8]
seconds = float(seconds)


def stats(run, name):
    contents = json.loads(pathlib.Path(run, "js", "stats.json").read_text())["contents"]
    for entry in contents.values():
        if entry["stats"]["name"] == name:
            return entry["stats"]
    return None


def line(label, s, per_second=None):
    if s is None:
        print(f"{label:28} no figures (see target/bench/*.txt)")
        return
    count = s["numberOfRequests"]["ok"]
    rate = per_second if per_second is not None else count / seconds
    failed = s["numberOfRequests"]["ko"]
    print(f"{label:28} {rate:8.1f}/s  p50 {s['percentiles1']['ok']:6} ms  p95 {s['percentiles3']['ok']:6} ms"
          f"  p99 {s['percentiles4']['ok']:6} ms  ok {count}  failed {failed}")


print("workload                     throughput      p50          p95          p99")
page = stats(caseload, "caseload page")
line("1 caseload page (32 clients)", page)
scan = stats(bi, "bi scan")
if scan:
    print(f"{'2 BI scan, one authority':28} {scan['numberOfRequests']['ok']} scans: median "
          f"{scan['percentiles1']['ok']} ms, max {scan['maxResponseTime']['ok']} ms")
written = [stats(writes, "recordMeeting"), stats(writes, "recordPlanEvent")]
for label, s in zip(["3 writes: recordMeeting", "3 writes: recordPlanEvent"], written):
    line(label, s)

latencies = sorted(float(l.split()[2]) / 1000 for l in pathlib.Path(pgbench_log).read_text().splitlines() if l.strip())
tps = re.search(r"tps = ([0-9.]+)", pathlib.Path(pgbench_txt).read_text())
if latencies and tps:
    pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]
    floor = float(tps.group(1))
    print(f"{'4 floor: pgbench, same SQL':28} {floor:8.1f}/s  p50 {pick(0.5):6.0f} ms  p95 {pick(0.95):6.0f} ms"
          f"  p99 {pick(0.99):6.0f} ms")
    if page:
        print(f"service / floor (caseload page): {page['numberOfRequests']['ok'] / seconds / floor:.2f}")
used = [int(re.sub(r"\D", "", v)) for v in pathlib.Path(heap).read_text().split() if re.sub(r"\D", "", v)]
if used:
    print(f"peak heap in use: {max(used) // 1024} MB (cap 512 MB)")
