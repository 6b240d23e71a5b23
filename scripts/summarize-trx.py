#!/usr/bin/env python3
"""Adds up the TRX result files of a test run and prints one closing line:
'N passed, N failed, N skipped'. Exits non-zero when anything failed or nothing ran."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{len(files)} test assemblies")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
