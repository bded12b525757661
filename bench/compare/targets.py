#!/usr/bin/env python3
"""The target table of bench/RESULTS.md from one targets.sh session.

usage: python3 bench/compare/targets.py jmh.json compare.jsonl

JMH medians are the 50th percentile of all measurement iterations; the comparison medians are
gd_step.py's (median of repetitions of 10 steps). GFLOP/s use the nominal counts of E9.11 for the
steps (factored 3m^2d + 4mrd, dense 3m^2d + 2 m N(d,l-1) d) and 2m^2d for the yardstick dgemm.

The second table compares each target with the step's floor, StepFloorBenchmark (the BLAS calls of
one step alone, same shapes, same run): numpy / floor is the largest ratio an implementation making the
same calls can reach through this BLAS, and the floor's fraction of the dgemm rate the largest fraction.
A target within 5% of that bound is marked reachable only without Java-side work (the floor's own
run-to-run spread is of that size).
"""
import json
import sys
from math import comb


def jmh(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].split(".")[-2]
        p = r.get("params", {})
        pm = r["primaryMetric"]
        ms = pm["scorePercentiles"]["50.0"] * {"ms/op": 1, "us/op": 1e-3, "s/op": 1e3}[pm["scoreUnit"]]
        key = name + ":" + (p.get("order") or p.get("shape") or "")
        out[key] = ms
    return out


def main(jmh_path, compare_path):
    j = jmh(jmh_path)
    others = [json.loads(l) for l in open(compare_path) if l.strip()]
    yard = j.get("YardstickBenchmark:")
    yard_gflops = 2 * 1000 * 1000 * 100 / (yard * 1e-3) / 1e9 if yard else None
    steps = {
        ("factored", 3): ("FactoredGdStepBenchmark:3", 3 * 1000**2 * 100 + 4 * 1000 * 10 * 100),
        ("factored", 4): ("FactoredGdStepBenchmark:4", 3 * 1000**2 * 100 + 4 * 1000 * 10 * 100),
        ("dense", 3): ("DenseGdStepBenchmark:64:1000:3", 3 * 1000**2 * 64 + 2 * 1000 * comb(64 + 1, 2) * 64),
    }
    targets = {("factored", 3): (0.8, 3.0), ("factored", 4): (0.7, None), ("dense", 3): (None, 2.5)}
    print("| step | ours (ms) | GFLOP/s | / dgemm rate | target | numpy (ms) | ratio | target | torch autograd (ms) | ratio | torch einsum (ms) | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (case, l), (key, flops) in steps.items():
        ours = j.get(key)
        if ours is None:
            continue
        g = flops / (ours * 1e-3) / 1e9
        frac = g / yard_gflops if yard_gflops else float("nan")
        cells = {}
        for o in others:
            if o["case"] == case and o["order"] == l and "forms" in o["result"]:
                for form, v in o["result"]["forms"].items():
                    cells[o["result"]["runtime"] + ":" + form] = v.get("msPerStepMedian")
        def cell(k):
            v = cells.get(k)
            return ("%.3g | %.2f×" % (v, v / ours)) if v else "– | –"
        ft, nt = targets[(case, l)]
        print("| %s l=%d | %.3g | %.1f | %.2f | %s | %s | %s | %s | %s |" % (
            case, l, ours, g, frac, ("≥ %.1f" % ft) if ft else "–", cell("numpy:gram"), ("≥ %.1f×" % nt) if nt else "–",
            cell("torch:autograd"), cell("torch:einsum")))
    floors = {("factored", 3): "StepFloorBenchmark:factored:100:1000:3", ("factored", 4): "StepFloorBenchmark:factored:100:1000:3",
              ("dense", 3): "StepFloorBenchmark:dense:64:1000:3"}  # l = 4 makes the same BLAS calls as l = 3
    rows = []
    for (case, l), key in floors.items():
        floor, (step_key, flops) = j.get(key), steps[(case, l)]
        ours = j.get(step_key)
        if not floor or not ours:
            continue
        numpy = next((o["result"]["forms"]["gram"]["msPerStepMedian"] for o in others
                      if o["case"] == case and o["order"] == l and "forms" in o["result"] and o["result"]["runtime"] == "numpy"), None)
        ft, nt = targets[(case, l)]
        best_frac = flops / (floor * 1e-3) / 1e9 / yard_gflops if yard_gflops else float("nan")
        def verdict(best, target):
            if target is None:
                return "–"
            if best >= 1.05 * target:
                return "≥ %.2g: reachable" % target
            if best >= target:
                return "≥ %.2g: **only with no Java-side work** (bound %.3g)" % (target, best)
            return "≥ %.2g: **out of reach** for these calls" % target
        rows.append("| %s l=%d | %.3g | %.3g | %.2f | %.2f | %s | %s | %s |" % (
            case, l, floor, ours, ours / floor, best_frac, verdict(best_frac, ft),
            ("%.2f×" % (numpy / floor)) if numpy else "–", verdict(numpy / floor, nt) if numpy else "–"))
    if rows:
        print("\n| step | floor: its BLAS calls alone (ms) | ours (ms) | ours / floor | floor's fraction of the dgemm rate (the most reachable with these calls) | target | numpy / floor (the largest ratio reachable with these calls) | target |")
        print("|---|---|---|---|---|---|---|---|")
        print("\n".join(rows))
    if yard_gflops:
        print("\nyardstick dgemm (1000×100)·(100×1000): %.3g ms, %.1f GFLOP/s" % (yard, yard_gflops))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
