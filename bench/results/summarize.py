#!/usr/bin/env python3
"""Turns a JMH JSON result file (-rf json) into the tables of bench/RESULTS.md.

usage: python3 bench/results/summarize.py bench/results/<run>.json

Medians are the 50th percentile of all measurement iterations of all forks; 'error' is JMH's 99.9%
half-width. Flop counts: factored step 3m^2d + 4mrd (issue 5); dense step 3m^2d + 2 m N(d,l-1) d
(the packed algorithm's useful flops, spec E8.4); yardstick dgemm 2 m^2 d.
"""
import json
import sys
from math import comb


def n_sym(d, k):
    return comb(d + k - 1, k)


def main(path):
    runs = json.load(open(path))
    rows = []
    by_key = {}
    for r in runs:
        name = r["benchmark"].replace("org.beyondlazy.bench.", "")
        params = r.get("params", {})
        pm = r["primaryMetric"]
        median = pm["scorePercentiles"]["50.0"]
        unit = pm["scoreUnit"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        seconds = median * {"ms/op": 1e-3, "us/op": 1e-6, "s/op": 1.0, "ns/op": 1e-9}[unit]
        flops = None
        if name.startswith("FactoredGdStep"):
            m, d, rr = 1000, 100, 10
            flops = 3 * m * m * d + 4 * m * rr * d
        elif name.startswith("DenseGdStep"):
            d, m, l = map(int, params["shape"].split(":"))
            flops = 3 * m * m * d + 2 * m * n_sym(d, l - 1) * d
        elif name.startswith("Yardstick"):
            flops = 2 * 1000 * 1000 * 100
        elif name.startswith("LinearizedStep"):
            flops = None
        gflops = flops / seconds / 1e9 if flops else None
        key = (name, tuple(sorted(params.items())))
        by_key[key] = dict(name=name, params=params, median=median, error=pm["scoreError"], unit=unit,
                           alloc=alloc, gflops=gflops, seconds=seconds)
        rows.append(by_key[key])

    print("| benchmark | params | median | error (99.9%) | unit | GFLOP/s | alloc B/op |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        p = ", ".join(f"{k}={v}" for k, v in sorted(r["params"].items()))
        g = f"{r['gflops']:.1f}" if r["gflops"] else ""
        a = f"{r['alloc']:.1f}" if r["alloc"] is not None else ""
        print(f"| {r['name']} | {p} | {r['median']:.4g} | {r['error']:.3g} | {r['unit']} | {g} | {a} |")

    def find(prefix, **params):
        for r in rows:
            if r["name"].startswith(prefix) and all(str(r["params"].get(k)) == str(v) for k, v in params.items()):
                return r
        return None

    print()
    print("| target | measured | required | met |")
    print("|---|---|---|---|")
    for blas in ("best", "java"):
        y = find("Yardstick", blas=blas)
        if not y:
            continue
        for order in (3, 4):
            f = find("FactoredGdStep", blas=blas, order=order)
            if f:
                ratio = f["gflops"] / y["gflops"]
                req = 0.5 if (blas == "best") else None
                print(f"| factored step l={order} / yardstick GFLOP/s ({blas}) | {ratio:.2f} | "
                      f"{'≥ 0.50' if req else '(info)'} | {('yes' if ratio >= req else 'NO') if req else ''} |")
        for shape in ("64:1000:3", "32:500:4"):
            f = find("DenseGdStep", blas=blas, shape=shape)
            if f:
                ratio = f["gflops"] / y["gflops"]
                req = 0.4 if (blas == "best" and shape.endswith(":3")) else None
                print(f"| dense step {shape} / yardstick GFLOP/s ({blas}) | {ratio:.2f} | "
                      f"{'≥ 0.40' if req else '(info)'} | {('yes' if ratio >= req else 'NO') if req else ''} |")
    for blas in ("best", "java"):
        allocs = [r for r in rows if r["alloc"] is not None and r["params"].get("blas", "best") == blas
                  and r["name"] != "SmallGdStepBenchmark.reference" and not r["name"].startswith("Yardstick")]
        if allocs:
            worst = max(allocs, key=lambda r: r["alloc"])
            req = blas == "best"
            print(f"| steady-state allocation per step, worst fast step on {blas} BLAS ({worst['name']} "
                  f"{', '.join(f'{k}={v}' for k, v in sorted(worst['params'].items()))}) | {worst['alloc']:.1f} B/op | "
                  f"{'≤ 1024 B' if req else '(info)'} | {('yes' if worst['alloc'] <= 1024 else 'NO') if req else ''} |")
    ref = next((r for r in rows if r["name"] == "SmallGdStepBenchmark.reference"), None)
    fast = next((r for r in rows if r["name"] == "SmallGdStepBenchmark.fast"), None)
    if ref and fast:
        speedup = ref["seconds"] / fast["seconds"]
        print(f"| fast / reference speed-up, d=20, m=100, l=3 | {speedup:.0f}× | ≥ 100× | {'yes' if speedup >= 100 else 'NO'} |")


if __name__ == "__main__":
    main(sys.argv[1])
