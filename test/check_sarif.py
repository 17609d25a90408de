#!/usr/bin/env python3
"""Checks a session-lint SARIF file for what consumers require.

GitHub code scanning (docs: "SARIF support for code scanning") needs, per
run: tool.driver.name and rules; per result: ruleId, message.text, a
location with artifactLocation.uri and region.startLine, and it uses
partialFingerprints to follow a result across commits. Beyond that, every
rule has descriptions, a help text and a help link, notes are related
locations, and fix-its are fixes.

Prints one line per result ("file:line rule [fix] [notes=N]") for FileCheck,
and exits 1 with the problems found.

Usage: check_sarif.py FILE.sarif
"""
import json
import sys


def main():
    log = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []

    def need(condition, what):
        if not condition:
            problems.append(what)

    need(log.get("version") == "2.1.0", "version is not 2.1.0")
    need("sarif-2.1.0" in log.get("$schema", ""), "no SARIF 2.1.0 $schema")
    runs = log.get("runs", [])
    need(len(runs) == 1, "not exactly one run")
    run = runs[0]
    driver = run["tool"]["driver"]
    need(driver.get("name") == "session-lint", "driver name")
    need(driver.get("version"), "driver version")
    rules = {r["id"]: r for r in driver.get("rules", [])}
    for rule_id, rule in rules.items():
        for key in ("shortDescription", "fullDescription", "help"):
            need(rule.get(key, {}).get("text"), f"{rule_id}: no {key}.text")
        need(rule.get("help", {}).get("markdown", "").startswith("# " + rule_id),
             f"{rule_id}: help.markdown is not its doc page")
        need(rule.get("helpUri", "").endswith(f"docs/checks/{rule_id}.md"),
             f"{rule_id}: helpUri")
        need(rule.get("defaultConfiguration", {}).get("level")
             in ("note", "warning", "error"), f"{rule_id}: default level")
    print(f"rules {len(rules)}")
    bases = run.get("originalUriBaseIds", {})
    need(bases.get("%SRCROOT%", {}).get("uri", "").startswith("file:///"),
         "no %SRCROOT% base")
    for result in run.get("results", []):
        rule_id = result.get("ruleId")
        need(rule_id in rules, f"result rule {rule_id} not in the driver")
        need(rules and list(rules)[result.get("ruleIndex", -1)] == rule_id,
             f"{rule_id}: wrong ruleIndex")
        need(result.get("message", {}).get("text"), "result without message")
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        line = location["region"]["startLine"]
        need(line >= 1, "startLine < 1")
        need(result.get("partialFingerprints", {}).get("sessionLint/v1"),
             "no partial fingerprint")
        for related in result.get("relatedLocations", []):
            need(related.get("message", {}).get("text")
                 and related["physicalLocation"]["region"]["startLine"] >= 1,
                 "related location without message or line")
        parts = [f"{uri}:{line} {rule_id}"]
        if result.get("fixes"):
            change = result["fixes"][0]["artifactChanges"][0]
            need(change["replacements"][0]["deletedRegion"].get("charLength")
                 is not None, "fix without deleted region")
            parts.append("fix")
        if result.get("relatedLocations"):
            parts.append(f"notes={len(result['relatedLocations'])}")
        print(" ".join(parts))
    notifications = run["invocations"][0].get("toolExecutionNotifications", [])
    print(f"executionSuccessful {run['invocations'][0]['executionSuccessful']}"
          f" notifications {len(notifications)}")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
