#!/usr/bin/env python3
# The same test cases in two built trees: are the tests an older tree had slower today? Matches test cases by
# (class, test name) across the surefire/failsafe reports of both trees (after ./mvnw -B verify in each), with the
# conformance suites' names before the redesign mapped onto today's (ReferenceConformanceTest$X and
# FastConformanceTest$X{Best,PureJava} -> ConformanceKitTests$X). Prints the time of the common cases in each
# tree, then the cases only one tree has, by class.
# Usage: python3 .ci/compare-test-times.py OLD_TREE NEW_TREE [rows]
import collections, glob, os, sys, xml.etree.ElementTree as ET


def suite_name(cls):
    if cls.startswith('ReferenceConformanceTest$'):
        return 'ConformanceKitTests$' + cls.split('$', 1)[1]
    if cls.startswith('FastConformanceTest$'):
        k = cls.split('$', 1)[1]
        for suffix in ('PureJava', 'Best'):
            if k.endswith(suffix):
                k = k[:-len(suffix)]
        return 'ConformanceKitTests$' + k
    return cls


def cases(root):
    out = collections.defaultdict(float)
    for f in glob.glob(os.path.join(root, '*/target/surefire-reports/TEST-*.xml')) \
            + glob.glob(os.path.join(root, '*/target/failsafe-reports/TEST-*.xml')):
        for c in ET.parse(f).getroot().iter('testcase'):
            if not c.get('name'):
                continue  # a class-level entry (e.g. a disabled class), not a test case
            # one key per (suite, test): its runs on several backends or BLAS bindings are summed into it
            cls = suite_name(c.get('classname').split('.')[-1])
            out[(cls, c.get('name'))] += float(c.get('time', 0))
    return out


def by_class(keys, times, rows):
    total = collections.defaultdict(float)
    for k in keys:
        total[k[0]] += times[k]
    return sorted(total.items(), key=lambda x: -x[1])[:rows]


old, new = cases(sys.argv[1]), cases(sys.argv[2])
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 15
if not old or not new:
    sys.exit("no surefire reports in %s" % (sys.argv[1] if not old else sys.argv[2]))
common = [k for k in old if k in new]
only_old = [k for k in old if k not in new]
only_new = [k for k in new if k not in old]
print("| | test cases | seconds (sum of test-case times) |")
print("|---|---:|---:|")
print("| common to both, old tree | %d | %.1f |" % (len(common), sum(old[k] for k in common)))
print("| common to both, new tree | %d | %.1f |" % (len(common), sum(new[k] for k in common)))
print("| only in the old tree | %d | %.1f |" % (len(only_old), sum(old[k] for k in only_old)))
print("| only in the new tree | %d | %.1f |" % (len(only_new), sum(new[k] for k in only_new)))
print()
print("only in the old tree, by class: " + ", ".join("%s %.1f s" % c for c in by_class(only_old, old, rows)))
print()
print("only in the new tree, by class: " + ", ".join("%s %.1f s" % c for c in by_class(only_new, new, rows)))
