"""beyondlazy check against real PyTorch training loops (Debian's python3-torch; run with /usr/bin/python3).

Each form passes with torch's own hyper-parameters, and one injected bug per form is reported at its step.
"""

import numpy as np
import pytest

from beyondlazy_check import Recorder

torch = pytest.importorskip("torch")

D, L, M, R, STEPS = 4, 3, 3, 2, 20


def outer_power(v, order):
    t = v
    for _ in range(order - 1):
        t = torch.tensordot(t, v, dims=0)
    return t


def truth(dtype):
    g = np.random.default_rng(11)
    u = g.normal(size=(R, D))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    return u, sum(outer_power(torch.tensor(row, dtype=dtype), L) for row in u)


def model_tensor(model, params, signs):
    if model == "coef":
        c, u = params
        return sum(c[i] * outer_power(u[i], L) for i in range(M))
    (w,) = params
    if model == "plain":
        return sum(signs[i] * outer_power(w[i], L) for i in range(M))
    return sum(signs[i] * w[i].norm() ** (2 - L) * outer_power(w[i], L) for i in range(M))  # homog, E2.3


def loss_of(t, t_star, loss):
    e = t - t_star
    return {"half": 0.5 * (e ** 2).sum(), "sum": (e ** 2).sum(), "mean": (e ** 2).mean()}[loss]


def train(model="plain", make_opt=None, loss="half", dtype=torch.float64, signs=(1.0, 1.0, 1.0), lam=0.0,
          scheduler=None, bug_step=None, bug=None):
    """Runs STEPS steps; bug(opt) is applied to the optimizer for step bug_step only (the recorded rate is not)."""
    u_star, t_star = truth(dtype)
    g = np.random.default_rng(3)
    w = torch.tensor(0.5 * g.normal(size=(M, D)), dtype=dtype, requires_grad=True)
    params = [w]
    if model == "coef":
        c = torch.tensor([0.5, 0.6, 0.7], dtype=dtype, requires_grad=True)
        params = [c, w]
    opt = make_opt(params)
    sched = scheduler(opt) if scheduler else None
    rec = Recorder(model)
    s = torch.tensor(signs, dtype=dtype)
    for k in range(STEPS):
        rec.record(w, coeffs=params[0] if model == "coef" else None, lr=opt.param_groups[0]["lr"])
        opt.zero_grad()
        f = loss_of(model_tensor(model, params, s), t_star, loss)
        if lam:
            f = f + 0.5 * lam * (w ** 2).sum()
        f.backward()
        saved = None
        if k == bug_step:
            saved = [dict(group) for group in opt.param_groups]
            bug(opt)
        opt.step()
        if saved is not None:
            for group, old in zip(opt.param_groups, saved):
                group["lr"] = old["lr"]
        if sched:
            sched.step()
    rec.record(w, coeffs=params[0] if model == "coef" else None)
    return rec, u_star


def lr_times(factor):
    def bug(opt):
        for group in opt.param_groups:
            group["lr"] *= factor
    return bug


FORMS = {
    # name: (model, optimizer factory, check options, loss)
    "plain-sgd": ("plain", lambda p: torch.optim.SGD(p, lr=0.01), dict(optimizer="torch-sgd"), "half"),
    "coef-sgd-momentum-dampening": ("coef", lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9, dampening=0.1),
                                    dict(optimizer="torch-sgd", momentum=0.9, dampening=0.1), "half"),
    "homog-sgd-nesterov-weight-decay": ("homog", lambda p: torch.optim.SGD(p, lr=0.005, momentum=0.9, nesterov=True,
                                                                           weight_decay=1e-3),
                                        dict(optimizer="torch-sgd", momentum=0.9, nesterov=True, weight_decay=1e-3), "sum"),
    "plain-adam-mean": ("plain", lambda p: torch.optim.Adam(p, lr=1e-2), dict(optimizer="torch-adam"), "mean"),
    "coef-adamw-amsgrad": ("coef", lambda p: torch.optim.AdamW(p, lr=1e-2, amsgrad=True),
                           dict(optimizer="torch-adamw", amsgrad=True), "half"),
    "plain-adam-weight-decay": ("plain", lambda p: torch.optim.Adam(p, lr=1e-2, weight_decay=0.1),
                                dict(optimizer="torch-adam", weight_decay=0.1), "sum"),
}


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("name", sorted(FORMS))
def test_each_form_passes_with_torchs_own_hyper_parameters(name, dtype):
    model, make_opt, options, loss = FORMS[name]
    signs = (1.0, -1.0, 1.0) if model == "homog" else (1.0, 1.0, 1.0)
    rec, u_star = train(model, make_opt, loss, dtype, signs=signs)
    extra = dict(signs=np.array([1, -1, 1])) if model == "homog" else {}  # int64 signs, as torch users write them
    result = rec.check(order=L, truth_factors=u_star, loss=loss, **options, **extra)
    assert result.ok, result.message
    assert result.report["dtype"] == ("float64" if dtype == torch.float64 else "float32")


@pytest.mark.parametrize("name", sorted(FORMS))
def test_one_wrong_step_is_reported_at_its_step(name):
    model, make_opt, options, loss = FORMS[name]
    signs = (1.0, -1.0, 1.0) if model == "homog" else (1.0, 1.0, 1.0)
    rec, u_star = train(model, make_opt, loss, signs=signs, bug_step=7, bug=lr_times(1.01))
    extra = dict(signs=np.array([1, -1, 1])) if model == "homog" else {}
    result = rec.check(order=L, truth_factors=u_star, loss=loss, **options, **extra)
    assert result.status == 1, result.message
    assert result.first_bad_step == 8, result.message  # x_8 is computed from x_7 with the wrong rate
    assert result.report["diagnosisVerdict"] == "learning-rate", result.message


def test_a_scheduler_passes_through_the_recorded_rates():
    rec, u_star = train("plain", lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.5),
                        scheduler=lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=5, gamma=0.5))
    assert len(set(rec.rates)) == 4
    result = rec.check(order=L, truth_factors=u_star, optimizer="torch-sgd", momentum=0.5)
    assert result.ok, result.message
    assert result.report["lrSchedule"] is not None


def test_a_float32_lr_error_of_1e_4_is_found_at_step_1():
    rec, u_star = train("plain", lambda p: torch.optim.SGD(p, lr=0.01), dtype=torch.float32, bug_step=0,
                        bug=lr_times(1 + 1e-4))
    result = rec.check(order=L, truth_factors=u_star, optimizer="torch-sgd")
    assert result.first_bad_step == 1, result.message


def test_a_forgotten_half_is_diagnosed_by_name():
    rec, u_star = train("plain", lambda p: torch.optim.SGD(p, lr=0.01), loss="sum")
    result = rec.check(order=L, truth_factors=u_star, optimizer="torch-sgd")  # --loss half assumed
    assert result.first_bad_step == 1
    assert "--loss sum" in result.diagnosis, result.message


def test_a_wrong_lambda_is_diagnosed_by_name():
    rec, u_star = train("plain", lambda p: torch.optim.SGD(p, lr=0.01), lam=0.1)
    result = rec.check(order=L, truth_factors=u_star, optimizer="gd", extra=("--lambda", "0.05"))
    assert result.first_bad_step == 1
    assert result.report["diagnosisVerdict"] == "lambda", result.message
    assert "--lambda 0.1" in result.diagnosis, result.message


def test_missing_signs_are_not_a_gradient_step():
    rec, u_star = train("homog", lambda p: torch.optim.SGD(p, lr=0.01), signs=(1.0, -1.0, 1.0))
    result = rec.check(order=L, truth_factors=u_star, optimizer="torch-sgd")  # --signs forgotten
    assert result.first_bad_step == 1
    assert result.report["diagnosisVerdict"] == "not-a-gradient-step", result.message
    assert "--signs" in result.diagnosis
