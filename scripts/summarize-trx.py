#!/usr/bin/env python3
"""Adds up the TRX result files of a test run and prints one closing line:
'N passed, N failed, N skipped'. Before it, every test that did not pass is named with the first
lines of its message, so a CI log that keeps only its tail still says what broke.
Exits non-zero when anything failed or nothing ran."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
failures = []
files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
for path in files:
    root = ET.parse(path).getroot()
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or ""
        stack = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}StackTrace") or ""
        failures.append((result.get("testName"), result.get("outcome"), message, stack))

for name, outcome, message, stack in failures:
    print(f"{outcome}: {name}")
    for line in (message.strip().splitlines()[:12] + stack.strip().splitlines()[:6]):
        print(f"    {line}")
print(f"{len(files)} test assemblies")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
