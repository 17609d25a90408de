"""Prints the budget's SARIF results: rule, level, file, line and message,
then each related location's line and message."""
import json
import sys

run = json.load(open(sys.argv[1]))["runs"][0]
rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
results = [r for r in run["results"] if "budget" in r.get("properties", {})]
print("budget results", len(results))
for r in results:
    where = r["locations"][0]["physicalLocation"]
    print(r["ruleId"], rules[r["ruleIndex"]], r["level"],
          where["artifactLocation"]["uri"],
          where.get("region", {}).get("startLine"), r["message"]["text"])
    for related in r.get("relatedLocations", []):
        print("  related", related["physicalLocation"]["artifactLocation"]["uri"],
              related["physicalLocation"]["region"]["startLine"],
              related["message"]["text"])
