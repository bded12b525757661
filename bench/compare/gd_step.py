#!/usr/bin/env python3
"""Times the gradient-descent step of `beyondlazy bench` (spec E9.11) in numpy or PyTorch.

The same problem as the Java bench: plain model, truth of rank r with unit rows (seeded here with
numpy's generator, so the numbers differ but the shapes and the cost do not), c* = 1, W0 with
N(0, 1/d) entries, eta = 1e-6, objective f = 1/2 ||T(W) - T*||^2 (the spec's, with the 1/2).
Each form times `steps` steps from a fresh copy of W0, after a warm-up of at least 3 repetitions
and 0.5 s, `repetitions` times, and reports the median milliseconds per step.

Forms:
  numpy  gram    the tuned numpy step: Gram form (G = W W^T, G^(l-1) elementwise, one product), the
                 factored truth term through H = W U*^T; dense truth: rows of W^(x)(l-1) (Khatri-Rao)
                 times the unfolded T*.
  torch  autograd   what a PyTorch user writes for the Gram form: the loss from G and H, backward().
         einsum     the naive form: T(W) = sum_i w_i^(x)l by einsum, loss ((T - T*)**2).sum()/2, backward();
                    skipped when d^l > 2e7 (the dense tensor alone would not fit the machine's cache or time).

Prints one JSON object on stdout: {"runtime": ..., "version": ..., "blas": ..., "threads": ...,
"forms": {name: {"msPerStepMedian": ..., ...}}} or {"skipped": reason} when the runtime is missing.
"""
import argparse
import json
import sys
import time

WARMUP_REPETITIONS = 3
WARMUP_SECONDS = 0.5
ETA = 1e-6
EINSUM_LIMIT = 2e7


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runtime", choices=["numpy", "torch"], required=True)
    p.add_argument("--case", choices=["factored", "dense"], required=True)
    p.add_argument("--dim", type=int, required=True)
    p.add_argument("--width", type=int, required=True)
    p.add_argument("--rank", type=int, required=True)
    p.add_argument("--order", type=int, required=True)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("--threads", type=int, default=0, help="threads for the runtime (0: its default)")
    return p.parse_args()


def timed(step, w0, steps, repetitions):
    def run():
        w = w0.copy() if hasattr(w0, "copy") else w0.clone()
        start = time.perf_counter()
        for _ in range(steps):
            w = step(w)
        return (time.perf_counter() - start) * 1e3
    warm, k = 0.0, 0
    while k < WARMUP_REPETITIONS or warm < WARMUP_SECONDS * 1e3:
        warm += run()
        k += 1
    ms = sorted(run() / steps for _ in range(repetitions))
    n = len(ms)
    median = ms[n // 2] if n % 2 else 0.5 * (ms[n // 2 - 1] + ms[n // 2])
    return {"msPerStepMedian": median, "msPerStepMin": ms[0], "msPerStepMax": ms[-1]}


def numpy_blas(np):
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name", "?"), blas.get("version", ""))
    except Exception:  # older numpy: no dict mode
        return "unknown"


def problem(np, a):
    rng = np.random.default_rng(0)
    u = rng.standard_normal((a.rank, a.dim))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    c = np.ones(a.rank)
    w0 = np.random.default_rng(1).standard_normal((a.width, a.dim)) / np.sqrt(a.dim)
    dense = None
    if a.case == "dense":
        dense = np.zeros((a.dim,) * a.order)
        for j in range(a.rank):
            t = c[j]
            for _ in range(a.order):
                t = np.multiply.outer(t, u[j])
            dense += t
    return u, c, w0, dense


def khatri_rao_power(np, w, k):
    """Rows w_i^(x)k flattened: m x d^k."""
    out = w
    for _ in range(k - 1):
        out = (out[:, :, None] * w[:, None, :]).reshape(w.shape[0], -1)
    return out


def run_numpy(a):
    try:
        import numpy as np
    except ImportError as e:
        return {"skipped": "numpy is not importable by %s (%s)" % (sys.executable, e)}
    if a.threads > 0:
        try:
            from threadpoolctl import threadpool_limits
            threadpool_limits(a.threads)
        except ImportError:
            pass  # OPENBLAS_NUM_THREADS from the caller's environment applies
    u, c, w0, dense = problem(np, a)
    l = a.order
    unfolded = dense.reshape(a.dim, -1) if dense is not None else None

    def step(w):
        g = w @ w.T
        gl1 = g ** (l - 1)
        _model = np.vdot(gl1, g)  # sum G^l: the loss, as the Java step computes it
        q = gl1 @ w
        if unfolded is None:
            h = w @ u.T
            hl1 = h ** (l - 1)
            _cross = np.sum((hl1 * h) @ c)
            q -= (hl1 * c) @ u
        else:
            t = khatri_rao_power(np, w, l - 1) @ unfolded.T  # t_i = T*(w_i^(x)(l-1))
            _cross = np.sum(t * w)
            q -= t
        w -= ETA * l * q
        return w

    return {"runtime": "numpy", "version": np.__version__, "blas": numpy_blas(np), "python": sys.executable,
            "threads": a.threads, "forms": {"gram": timed(step, w0, a.steps, a.repetitions)}}


def run_torch(a):
    try:
        import torch
        import numpy as np
    except ImportError as e:
        return {"skipped": "torch is not importable by %s (%s)" % (sys.executable, e)}
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.set_default_dtype(torch.float64)
    u_np, c_np, w0_np, dense_np = problem(np, a)
    u, c, w0 = torch.from_numpy(u_np), torch.from_numpy(c_np), torch.from_numpy(w0_np)
    l = a.order
    truth_norm2 = float(torch.sum((u @ u.T) ** l * torch.outer(c, c)))
    forms = {}

    def autograd_step(w):
        w = w.detach().requires_grad_(True)
        g = w @ w.T
        h = w @ u.T
        loss = 0.5 * (torch.sum(g ** l) - 2 * torch.sum((h ** l) @ c) + truth_norm2)
        loss.backward()
        with torch.no_grad():
            return w - ETA * w.grad

    if a.case == "factored":
        forms["autograd"] = timed(autograd_step, w0, a.steps, a.repetitions)
    if a.dim ** l <= EINSUM_LIMIT:
        letters = "abcdefgh"[:l]
        spec = ",".join("i" + x for x in letters) + "->" + letters
        t_star = torch.from_numpy(dense_np) if dense_np is not None else None
        if t_star is None:
            t_star = torch.einsum(",".join("j" + x for x in letters) + ",j->" + letters, *([u] * l), c)

        def einsum_step(w):
            w = w.detach().requires_grad_(True)
            t = torch.einsum(spec, *([w] * l))
            loss = 0.5 * torch.sum((t - t_star) ** 2)
            loss.backward()
            with torch.no_grad():
                return w - ETA * w.grad

        forms["einsum"] = timed(einsum_step, w0, a.steps, a.repetitions)
    else:
        forms["einsum"] = {"skipped": "d^l = %d > %g" % (a.dim ** l, EINSUM_LIMIT)}
    try:
        blas = torch.__config__.show().split("BLAS_INFO=")[1].split(",")[0]
    except Exception:
        blas = "unknown"
    return {"runtime": "torch", "version": torch.__version__, "blas": blas, "python": sys.executable,
            "threads": torch.get_num_threads(), "forms": forms}


def main():
    a = parse()
    out = run_numpy(a) if a.runtime == "numpy" else run_torch(a)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
