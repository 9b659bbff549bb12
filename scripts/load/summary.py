#!/usr/bin/env python3
"""p50/p95/p99 per request kind, and per minute of the run, from a Gatling 3.15 report directory, as Markdown
tables for docs/PERFORMANCE.md.

Gatling 3.15 writes no stats.json and a binary simulation.log; its index.html holds the statistics table (one <tr> a
request name: Total, OK, KO, % KO, Cnt/s, Min, 50th, 75th, 95th, 99th, Max, Mean, Std Dev), which is read here.
"""
import html
import re
import sys
from pathlib import Path

page = (Path(sys.argv[1]) / "index.html").read_text(encoding="utf-8")
rows = []
for tr in re.findall(r"<tr id=\"(?:ROOT|req_[^\"]*)\"[^>]*>(.*?)</tr>", page, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', tr)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', tr))
    if name and cells:
        rows.append((html.unescape(name.group(1)), cells))
print(f"report: {sys.argv[1]}/index.html")
print("| request | count | failed | p50 ms | p95 ms | p99 ms | max ms | req/s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, c in sorted(rows, key=lambda r: (r[0] != "All Requests", r[0])):
    label = "**all requests**" if name == "All Requests" else name
    print(f"| {label} | {c['2']} | {c['4']} | {c['8']} | {c['10']} | {c['11']} | {c['12']} | {c['6']} |")

# Per minute of the run: the highest per-second percentile of the successful requests in that minute, from the chart
# "Response Time Percentiles over Time (OK)" (its series are in the page's script as [epoch ms, ms] pairs). It shows
# when a run was slow — the first minutes on cold nodes, or the whole ramp on a machine at its limit — which the
# whole-run percentiles above do not.
marker = page.find("Response Time Percentiles over Time (OK)")
if marker >= 0:
    series = {}
    for label, data in re.findall(r"name: '([^']+)',\s*data: \[(.*?)\]\s*,?\s*\n", page[marker:], re.S):
        if label in series:
            break
        series[label] = [(int(t), int(v)) for t, v in re.findall(r"\[(\d+), (\d+)\]", data)]
    wanted = [p for p in ("50%", "95%", "99%") if series.get(p)]
    if wanted:
        start = min(t for p in wanted for t, _ in series[p])
        highest = {p: {} for p in wanted}
        for p in wanted:
            for t, v in series[p]:
                minute = (t - start) // 60000
                highest[p][minute] = max(highest[p].get(minute, 0), v)
        minutes = range(max(m for p in wanted for m in highest[p]) + 1)   # every minute, also one with no answer
        print()
        print("per minute of the run, highest per-second percentile (successful requests, ms):")
        print()
        print("| minute | " + " | ".join(str(m) for m in minutes) + " |")
        print("|---|" + "---:|" * len(minutes))
        for p in wanted:
            # a minute without a successful request has no percentile: "—", not 0 ms
            print(f"| p{p[:-1]} | " + " | ".join(f"{highest[p][m]:,}" if m in highest[p] else "—" for m in minutes) + " |")
