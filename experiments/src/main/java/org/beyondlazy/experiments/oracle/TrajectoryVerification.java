package org.beyondlazy.experiments.oracle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.optim.FormOptions;
import org.beyondlazy.core.optim.LearningRate;
import org.beyondlazy.core.optim.LearningRateExpression;
import org.beyondlazy.core.optim.LossConvention;
import org.beyondlazy.core.optim.StepDiagnosis;
import org.beyondlazy.core.optim.TrajectoryCheck;
import org.beyondlazy.core.optim.TrajectoryReplay;
import org.beyondlazy.core.optim.UpdateForm;
import org.beyondlazy.npy.NpyArray;

/**
 * The request behind {@code beyondlazy check} (spec E9.3–E9.5, E9.14–E9.19): reads a trajectory another
 * implementation wrote (E9.3 layout: plain/homog (T+1)×m×d, coef (T+1)×m×(d+1)), validates every option and
 * file before any step is recomputed, and replays it with {@link TrajectoryCheck}. Prints nothing.
 *
 * @param truth          the truth T*
 * @param model          model, signs, λ
 * @param trajectory     X.npy, the iterates before each step (float64, float32 or float16; non-finite values allowed, E9.18)
 * @param optimizer      the update form's name (gd, heavy-ball, nesterov, torch-sgd, torch-adam, torch-adamw)
 * @param lr             the constant learning rate as a number or expression (E9.15), or null with {@code lrSchedule}
 * @param lrSchedule     lr.npy, one rate per step, shape (T,), or null with {@code lr}
 * @param loss           the file's loss convention name (half, sum, mean; E9.14)
 * @param options        the form's hyper-parameters
 * @param rtol           relative tolerance override, or null for the dtype's default (E9.17)
 * @param atol           absolute tolerance override, or null
 * @param stepRtol       step-relative tolerance override, or null
 * @param implementation the backend that recomputes the steps
 */
@SpecRef({"E9.3", "E9.4", "E9.15", "E9.17", "E9.18"})
public record TrajectoryVerification(TruthInput truth, ModelInput model, Path trajectory, String optimizer, String lr, Path lrSchedule,
                                     String loss, FormOptions options, Double rtol, Double atol, Double stepRtol, String implementation) {

    /** How a check ended: every step reproduced, a bad step (E9.4), or a non-finite iterate the replay predicts (E9.18). */
    public enum Verdict { OK, BAD_STEP, NON_FINITE }

    /**
     * The outcome.
     *
     * @param verdict how the check ended
     * @param fields  the result in print order (spec E9.4's fields, then the options and the problem)
     */
    public record Result(Verdict verdict, Map<String, Object> fields) {
    }

    /**
     * Validates the request, reads the files and replays every step.
     *
     * @throws BeyondLazyException a bad option or file, naming it
     */
    public Result run() {
        if ((lr == null) == (lrSchedule == null)) {
            throw BeyondLazyException.invalid("--lr", "give exactly one of --lr and --lr-schedule");
        }
        Double constantLr = lr == null ? null : LearningRateExpression.parse("--lr", lr);
        if (constantLr != null && !(constantLr > 0)) {
            throw BeyondLazyException.invalid("--lr", "must be finite and > 0, found " + constantLr);
        }
        options.build(optimizer, LearningRate.constant(1)); // option errors before any file is read
        for (Object[] t : new Object[][] {{"--rtol", rtol}, {"--atol", atol}, {"--step-rtol", stepRtol}}) {
            Double v = (Double) t[1];
            if (v != null && (!(v >= 0) || !Double.isFinite(v))) {
                throw BeyondLazyException.invalid((String) t[0], "must be finite and >= 0, found " + v);
            }
        }
        LossConvention convention = LossConvention.parse(loss);
        Truth t = truth.load();
        ModelKind kind = model.kind();
        NpyArray x = NpyInputs.readAllowingNonFinite("--trajectory", trajectory);
        requireLayout(x, t.dim(), kind);
        int steps = x.shape()[0] - 1;
        LearningRate rate = lrSchedule != null ? schedule(steps) : LearningRate.constant(constantLr);
        UpdateForm form = options.build(optimizer, rate);
        int m = x.shape()[1];
        Problem problem = model.problem(t, m);
        double[][] iterates = ParameterLayout.iterates(problem, x.data(), x.shape()[0]);
        Backend backend = BeyondLazyException.withInput("--implementation " + implementation, () -> Backends.get(implementation));
        TrajectoryReplay.Tolerance tolerance = TrajectoryCheck.tolerance(NpyInputs.unitRoundoff(x), "float64".equals(x.dtype()),
                rtol, atol, stepRtol); // E9.17: defaults follow the dtype
        TrajectoryCheck.Outcome outcome = BeyondLazyException.withInput("--implementation " + implementation, () -> TrajectoryCheck.check(
                new TrajectoryCheck.Request(backend, problem, convention, form, tolerance, lrSchedule != null), iterates));
        TrajectoryReplay.Result r = outcome.replay();
        Map<String, Object> result = new LinkedHashMap<>();
        putReplay(result, outcome, form);
        result.put("optimizer", form instanceof UpdateForm.NesterovConvex ? "nesterov" : form.name());
        result.put("lr", constantLr);
        result.put("lrSchedule", lrSchedule == null ? null : lrSchedule.toString());
        for (Map.Entry<String, Object> e : form.parameters().entrySet()) {
            if (!e.getKey().equals("lr")) {
                result.put(e.getKey(), e.getValue());
            }
        }
        result.putIfAbsent("momentum", null);
        result.put("loss", loss);
        result.put("dtype", x.dtype());
        result.put("rtol", tolerance.rtol());
        result.put("atol", tolerance.atol());
        result.put("stepRtol", tolerance.stepRtol());
        result.put("model", kind.id());
        result.put("order", problem.order());
        result.put("dim", problem.dim());
        result.put("width", m);
        result.put("lambda", problem.lambda());
        Verdict verdict = r.firstBadStep() >= 0 ? Verdict.BAD_STEP : r.firstNonFinite() >= 0 ? Verdict.NON_FINITE : Verdict.OK;
        return new Result(verdict, result);
    }

    /** E9.3: a 3-D array (T+1)×m×cols with cols = d (+1 for coef) and at least two iterates. */
    private void requireLayout(NpyArray x, int dim, ModelKind kind) {
        String input = NpyInputs.name("--trajectory", trajectory);
        int cols = dim + (kind.hasCoefficients() ? 1 : 0);
        String layout = kind.hasCoefficients() ? "(T+1)×m×(d+1) with d+1 = " + cols : "(T+1)×m×d with d = " + cols;
        NpyInputs.requireNdim("--trajectory", trajectory, x, 3, layout);
        NpyInputs.requireNonEmpty("--trajectory", trajectory, x);
        if (x.shape()[2] != cols) {
            throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, input, "expected shape " + layout + " (d from the truth), found shape "
                    + NpyInputs.shape(x));
        }
        if (x.shape()[0] < 2) {
            throw BeyondLazyException.invalid(input, "needs at least two iterates (T+1 >= 2), found " + x.shape()[0]);
        }
    }

    private LearningRate schedule(int steps) {
        NpyArray s = NpyInputs.read("--lr-schedule", lrSchedule);
        NpyInputs.requireNdim("--lr-schedule", lrSchedule, s, 1, "(T,) with T = " + steps);
        NpyInputs.requireAxis("--lr-schedule", lrSchedule, s, 0, steps, "(" + steps + ",) (T = steps in --trajectory)");
        return BeyondLazyException.withInput(NpyInputs.name("--lr-schedule", lrSchedule), () -> LearningRate.perStep(s.data()));
    }

    /** E9.4's fields: the verdict, the worst deviation and, for a bad step, where it is and what it is consistent with (E9.16). */
    private static void putReplay(Map<String, Object> result, TrajectoryCheck.Outcome outcome, UpdateForm form) {
        TrajectoryReplay.Result r = outcome.replay();
        result.put("ok", r.ok());
        result.put("steps", r.steps());
        result.put("firstBadStep", r.firstBadStep() < 0 ? null : r.firstBadStep());
        result.put("maxDeviation", r.maxDeviation());
        result.put("maxDeviationStep", r.maxDeviationStep() < 0 ? null : r.maxDeviationStep());
        result.put("maxBoundRatio", OutputFiles.jsonNumber(r.maxBoundRatio()));
        if (r.firstBadStep() >= 0) {
            StepDiagnosis.Result d = outcome.diagnosis();
            result.put("firstBadIndex", r.firstBadIndex());
            result.put("firstBadComponent", outcome.badAt()[0]);
            result.put("firstBadColumn", outcome.badAt()[1]);
            result.put("firstBadExpected", r.firstBadExpected());
            result.put("firstBadFound", r.firstBadFound());
            result.put("firstBadBound", r.firstBadBound());
            result.put("diagnosis", outcome.sentence());
            result.put("diagnosisVerdict", d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Double consistent = outcome.consistentLr(form);
            result.put("consistentLr", consistent == null ? null : OutputFiles.jsonNumber(consistent));
            result.put("consistentLambdaShift", d.verdict() == StepDiagnosis.Verdict.LAMBDA ? OutputFiles.jsonNumber(d.lambdaShift()) : null);
            result.put("fitResidual", OutputFiles.jsonNumber(d.residual()));
        }
        result.put("firstNonFinite", r.firstNonFinite() < 0 ? null : r.firstNonFinite());
        if (r.firstNonFinite() >= 0) {
            result.put("nonFiniteExpected", r.nonFiniteExpected());
        }
    }
}
