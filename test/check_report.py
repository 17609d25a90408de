#!/usr/bin/env python3
"""Compares what the HTML report shows in a browser with the JSON output.

Reads the DOM Chromium rendered (--dump-dom), after the page's own script
ran, and the same run's JSON; prints the counts both give, and fails when
they differ or when the page loads anything from the network.

Usage: check_report.py DOM.html RUN.json REPORT.html
"""
import collections
import html.parser
import json
import re
import sys


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = {}
        self.rows = collections.defaultdict(dict)  # table id -> name -> count
        self.findings = []  # (check, visible)
        self._table = None
        self._capture = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("id")
        if tag == "tr" and self._table and "data-count" in a:
            self.rows[self._table][a["data-name"]] = int(a["data-count"])
        if tag == "div" and "finding" in a.get("class", "").split():
            hidden = "display: none" in a.get("style", "")
            self.findings.append((a.get("data-check"), not hidden))
        if "id" in a:
            self._capture = a["id"]

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._capture:
            self.ids[self._capture] = data.strip()
            self._capture = None


def main():
    dom = Dom()
    dom.feed(open(sys.argv[1], encoding="utf-8").read())
    run = json.load(open(sys.argv[2], encoding="utf-8"))
    page = open(sys.argv[3], encoding="utf-8").read()
    problems = []

    by_check = collections.Counter(f["check"] for f in run["findings"])
    shown = sum(1 for _, visible in dom.findings if visible)
    print("page findings", dom.ids.get("total-findings"), "json",
          run["summary"]["findings"])
    print("page units", dom.ids.get("total-units"), "json",
          run["summary"]["units"])
    print("page by check", dict(sorted(dom.rows["by-check"].items())))
    print("json by check", dict(sorted(by_check.items())))
    print("finding blocks", len(dom.findings), "shown", shown,
          "shown-count", dom.ids.get("shown-count"))
    if "budget-verdict" in dom.ids:
        print("page budget", dom.ids.get("budget-total"),
              dom.ids["budget-verdict"], "json", run["budget"]["total"],
              run["budget"]["verdict"])
    if int(dom.ids.get("total-findings", -1)) != run["summary"]["findings"]:
        problems.append("total findings differ")
    if dict(dom.rows["by-check"]) != dict(by_check):
        problems.append("findings per check differ")
    if len(dom.findings) != run["summary"]["findings"]:
        problems.append("not every finding is on the page")
    # Self-contained: no scripts, styles, images or fonts from elsewhere.
    if re.search(r"<(script|link|img|iframe)[^>]+(src|href)=|url\(", page):
        problems.append("the page loads a resource")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
