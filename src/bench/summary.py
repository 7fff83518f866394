"""Prints the benchmark's figures: each Gatling run's own summary (per-request figures, warm-up requests named
"warmup", are in its HTML report), the pgbench floor with percentiles from its per-transaction log, the
caseload page's service-to-floor ratio, and the peak heap."""
import pathlib
import re
import sys

caseload_txt, bi_txt, writes_txt, pgbench_txt, pgbench_log, heap, seconds = sys.argv[1:8]
seconds = float(seconds)


def gatling(title, path):
    text = pathlib.Path(path).read_text(errors="replace")
    blocks = text.split("---- Global Information")
    print(f"== {title}")
    if len(blocks) < 2:
        print("   no figures: see " + path)
        return text
    print("---- Global Information" + blocks[-1].split("---- Response Time Distribution")[0].rstrip())
    report = re.findall(r"file://(\S+index\.html)", text)
    if report:
        print("   per request (warm-up apart): " + report[-1])
    return text


page = gatling("1 caseload page", caseload_txt)
gatling("2 BI scan", bi_txt)
gatling("3 writes", writes_txt)

latencies = sorted(float(l.split()[2]) / 1000 for l in pathlib.Path(pgbench_log).read_text().splitlines() if l.strip())
tps = re.search(r"tps = ([0-9.]+)", pathlib.Path(pgbench_txt).read_text())
if latencies and tps:
    pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]
    floor = float(tps.group(1))
    print(f"== 4 floor (pgbench, the caseload page's SQL): {floor:.1f}/s  p50 {pick(0.5):.0f} ms"
          f"  p95 {pick(0.95):.0f} ms  p99 {pick(0.99):.0f} ms")
    measured = re.findall(r">\s*caseload page\s*\|\s*([\d,]+)", page)
    if measured:
        rate = int(measured[-1].replace(",", "")) / seconds
        print(f"caseload page: {rate:.1f}/s measured; service / floor = {rate / floor:.2f}")
used = [int(v) for v in re.findall(r"(\d+)K", pathlib.Path(heap).read_text())]
if used:
    print(f"peak heap in use: {max(used) // 1024} MB (cap 512 MB)")
