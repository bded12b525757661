"""Record the iterates of a training loop and verify them with ``beyondlazy check``.

numpy only: iterates may be numpy arrays or anything ``numpy.asarray`` accepts; a torch tensor is read
through ``.detach().cpu().numpy()`` without importing torch. Two lines in an existing loop::

    rec = Recorder()                                   # before the loop
    for step in range(T):
        rec.record(W, lr=opt.param_groups[0]["lr"])    # the iterate before this step, and the rate it uses
        ...; opt.step(); sched.step()
    rec.record(W)                                      # the last iterate
    result = rec.check(order=3, truth_factors=U_star, optimizer="torch-sgd", momentum=0.9)
    assert result.ok, result.message

The layout is the spec's (spec/09-oracle.md, E9.3): plain and homog record W (m, d); coef records the
coefficients c (m,) and the directions U (m, d), saved as rows (c_i, u_i). The rates recorded become
``--lr`` when they are all equal (passed exactly, as ``repr`` of the float) and ``--lr-schedule`` otherwise.
"""

import json
import os
import shutil
import subprocess
import tempfile

import numpy as np

__all__ = ["Recorder", "CheckResult", "check_files", "command"]


def _array(x):
    """A numpy copy of x (a torch tensor via detach/cpu/numpy, anything else via numpy.asarray)."""
    if hasattr(x, "detach"):
        x = x.detach()
    if hasattr(x, "cpu"):
        x = x.cpu()
    if hasattr(x, "numpy"):
        x = x.numpy()
    return np.array(x, copy=True)


def command():
    """The beyondlazy launcher: $BEYONDLAZY, else the repository's ./beyondlazy next to this directory."""
    explicit = os.environ.get("BEYONDLAZY")
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    candidate = os.path.join(os.path.dirname(here), "beyondlazy")
    if os.path.exists(candidate):
        return candidate
    found = shutil.which("beyondlazy")
    if found:
        return found
    raise FileNotFoundError("beyondlazy not found: set BEYONDLAZY to the launcher")


class CheckResult:
    """The outcome of ``beyondlazy check``: ``ok``, ``status`` (exit code), ``report`` (the JSON fields)."""

    def __init__(self, status, report, stderr):
        self.status = status
        self.report = report or {}
        self.stderr = stderr

    @property
    def ok(self):
        return self.status == 0 and bool(self.report.get("ok"))

    @property
    def first_bad_step(self):
        return self.report.get("firstBadStep")

    @property
    def diagnosis(self):
        return self.report.get("diagnosis")

    @property
    def message(self):
        """One line for an assertion: the diagnosis, the error, or the verdict."""
        if self.stderr.strip() and not self.report:
            return self.stderr.strip()
        if self.diagnosis:
            return self.diagnosis
        return json.dumps(self.report)

    def __repr__(self):
        return "CheckResult(status=%d, %s)" % (self.status, self.message)


def _option(name):
    return "--" + name.replace("_", "-")


def check_files(trajectory, order, optimizer, lr=None, lr_schedule=None, truth_factors=None, truth_coeffs=None,
                truth_tensor=None, model="plain", signs=None, extra=(), **options):
    """Runs ``beyondlazy check --json`` on files; options map to flags (``weight_decay=0.1`` → ``--weight-decay 0.1``,
    ``nesterov=True`` → ``--nesterov``)."""
    args = [command(), "check", "--json", "--order", str(order), "--model", model, "--trajectory", str(trajectory),
            "--optimizer", optimizer]
    if truth_factors is not None:
        args += ["--truth-factors", str(truth_factors)]
    if truth_coeffs is not None:
        args += ["--truth-coeffs", str(truth_coeffs)]
    if truth_tensor is not None:
        args += ["--truth-tensor", str(truth_tensor)]
    if signs is not None:
        args += ["--signs", str(signs)]
    if lr is not None:
        args += ["--lr", lr if isinstance(lr, str) else repr(float(lr))]
    if lr_schedule is not None:
        args += ["--lr-schedule", str(lr_schedule)]
    for key, value in options.items():
        if value is None or value is False:
            continue
        args += [_option(key)] if value is True else [_option(key), repr(value) if isinstance(value, float) else str(value)]
    args += list(extra)
    done = subprocess.run(args, capture_output=True, text=True)
    report = None
    if done.stdout.strip():
        try:
            report = json.loads(done.stdout)
        except ValueError:
            report = None
    return CheckResult(done.returncode, report, done.stderr)


class Recorder:
    """Collects x_0 … x_T (and the rate of each step) of one run."""

    def __init__(self, model="plain"):
        if model not in ("plain", "coef", "homog"):
            raise ValueError("model must be plain, coef or homog, not %r" % (model,))
        self.model = model
        self.iterates = []
        self.rates = []

    def record(self, weights, coeffs=None, lr=None):
        """Appends an iterate: W (m, d), and for coef also c (m,); ``lr`` is the rate of the step taken from it."""
        w = _array(weights)
        if self.model == "coef":
            if coeffs is None:
                raise ValueError("the coef model records coeffs too")
            row = np.concatenate([_array(coeffs).reshape(-1, 1).astype(w.dtype), w], axis=1)
        else:
            if coeffs is not None:
                raise ValueError("only the coef model records coeffs")
            row = w
        self.iterates.append(row)
        if lr is not None:
            self.rates.append(float(lr))

    def save(self, directory):
        """Writes X.npy (T+1, m, cols) in the iterates' dtype and, for varying rates, lr.npy; returns the paths."""
        x = np.stack(self.iterates)
        path = os.path.join(directory, "X.npy")
        np.save(path, x)
        schedule = None
        steps = len(self.iterates) - 1
        if self.rates and len(set(self.rates[:steps])) > 1:
            schedule = os.path.join(directory, "lr.npy")
            np.save(schedule, np.array(self.rates[:steps], dtype=np.float64))
        return path, schedule

    def check(self, order, optimizer, lr=None, truth_factors=None, truth_coeffs=None, truth_tensor=None, signs=None,
              **options):
        """Saves everything to a temporary directory and runs the check; arrays may be given for the truth and signs."""
        with tempfile.TemporaryDirectory() as directory:
            path, schedule = self.save(directory)
            files = {}
            for name, value in (("truth_factors", truth_factors), ("truth_coeffs", truth_coeffs),
                                ("truth_tensor", truth_tensor), ("signs", signs)):
                if value is None or isinstance(value, (str, os.PathLike)):
                    files[name] = value
                else:
                    files[name] = os.path.join(directory, name + ".npy")
                    np.save(files[name], _array(value))
            if lr is None and schedule is None and self.rates:
                lr = self.rates[0]
            return check_files(path, order, optimizer, lr=lr, lr_schedule=schedule, model=self.model, **files, **options)
