#!/usr/bin/env python3
# Where the test suite's time goes: test-case times summed per surefire report (a @Nested class is its own report;
# the outer container reports, which would count them twice, are left out), including the conformance example's
# nested build. Usage, after ./mvnw -B verify: python3 .ci/test-times.py . [rows]
import sys, glob, os, xml.etree.ElementTree as ET
root = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
rows = []
files = glob.glob(os.path.join(root, '*/target/surefire-reports/TEST-*.xml')) + glob.glob(os.path.join(root, '*/target/failsafe-reports/TEST-*.xml')) \
    + glob.glob(os.path.join(root, 'examples/target/it/*/target/surefire-reports/TEST-*.xml'))
for f in files:
    t = ET.parse(f).getroot()
    rel = os.path.relpath(f, root)
    mod = 'examples(toy)' if rel.startswith('examples/target/it') else rel.split('/')[0]
    cases = list(t.iter('testcase'))
    if not cases:
        continue  # a container report (@Nested outer class): its time is the sum of its nested classes' reports
    secs = sum(float(c.get('time', 0)) for c in cases)
    name = os.path.basename(f)[5:-4].replace('org.beyondlazy.', '')
    skipped = sum(1 for c in cases if c.find('skipped') is not None)
    rows.append((secs, mod, name, len(cases), skipped))
rows.sort(reverse=True)
tot = {}
for r in rows:
    tot[r[1]] = tot.get(r[1], 0) + r[0]
print("| s | module | test class (report) | tests | skipped |")
print("|---:|---|---|---:|---:|")
for r in rows[:n]:
    print(f"| {r[0]:.1f} | {r[1]} | {r[2]} | {r[3]} | {r[4]} |")
print()
print("sum of test-case times per module: " + ", ".join(f"{k} {v:.0f} s" for k, v in sorted(tot.items(), key=lambda x: -x[1])) + f"; all {sum(tot.values()):.0f} s")
