#!/usr/bin/env python3
"""p50/p95/p99 per request kind from a Gatling 3.15 report directory, as a Markdown table for docs/PERFORMANCE.md.

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
