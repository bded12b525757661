package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Backend;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy check}: verifies a trajectory written by another implementation (spec E9.3–E9.5, E9.14–E9.19). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify a trajectory produced by another implementation: recompute every step from the "
                + "previous iterate(s) in the file and compare.",
                "Layout: plain/homog (T+1)×m×d (W before each step); coef (T+1)×m×(d+1), column 0 = c_i, columns 1..d = u_i.",
                "A step k is bad when some |x̂_k − x_k| > atol + rtol·|x̂_k| + step-rtol·σ_k (x̂_k recomputed). See spec/09-oracle.md."})
@SpecRef({"E9.3", "E9.4"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    TruthOptions truthOptions;
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--trajectory", required = true, paramLabel = "X.npy",
            description = "Iterates before each step: (T+1)×m×d (coef: (T+1)×m×(d+1)); float64, float32 or float16.")
    Path trajectory;

    @Option(names = "--optimizer", required = true, paramLabel = "form",
            description = "Update form: gd, heavy-ball, nesterov (A4.1–A4.3), torch-sgd, torch-adam, torch-adamw (A4.7–A4.9).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "η",
            description = "Learning rate > 0: a number or an expression such as 2/100 or 1.5*2/216 (spec E9.15).")
    @SpecRef("E9.15")
    String lr;

    @Option(names = "--lr-schedule", paramLabel = "lr.npy", description = "One learning rate per step, shape (T,) (any scheduler).")
    Path lrSchedule;

    @Option(names = "--loss", defaultValue = "half", paramLabel = "half|sum|mean",
            description = "The loss the file minimized: ½‖T − T*‖² (half, default), ‖T − T*‖² (sum), ‖T − T*‖²/d^l (mean).")
    String loss;

    @Option(names = "--momentum", paramLabel = "β", description = "heavy-ball: β in [0, 1) (required); torch-sgd: μ >= 0 (default 0).")
    Double momentum;

    @Option(names = "--dampening", paramLabel = "τ", description = "torch-sgd: dampening τ in [0, 1] (default 0).")
    Double dampening;

    @Option(names = "--nesterov", description = "torch-sgd: nesterov=True.")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "wd",
            description = "Framework weight decay (torch-sgd, torch-adam: added to the gradient, default 0; torch-adamw: decoupled, default 0.01).")
    Double weightDecay;

    @Option(names = "--beta1", paramLabel = "β₁", description = "torch-adam/adamw: β₁ (default 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "β₂", description = "torch-adam/adamw: β₂ (default 0.999).")
    Double beta2;

    @Option(names = "--eps", paramLabel = "ε", description = "torch-adam/adamw: ε (default 1e-8).")
    Double eps;

    @Option(names = "--amsgrad", description = "torch-adam/adamw: amsgrad=True.")
    boolean amsgrad;

    @Option(names = "--rtol", paramLabel = "r", description = "Relative tolerance (default by dtype: float64 1e-9, else 2u; spec E9.17).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "a", description = "Absolute tolerance (default by dtype: float64 1e-12, else 0).")
    Double atol;

    @Option(names = "--step-rtol", paramLabel = "s", description = "Tolerance relative to the step size σ_k (default by dtype: float64 0, else 64u).")
    Double stepRtol;

    @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name",
            description = "Backend that recomputes the steps (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((lr == null) == (lrSchedule == null)) {
            throw InputException.bad("--lr", "give exactly one of --lr and --lr-schedule");
        }
        Double constantLr = lr == null ? null : LearningRateExpression.parse("--lr", lr);
        if (constantLr != null && !(constantLr > 0)) {
            throw InputException.bad("--lr", "must be finite and > 0, found " + constantLr);
        }
        FormOptions options = new FormOptions(momentum, dampening, nesterov, weightDecay, beta1, beta2, eps, amsgrad);
        options.build(optimizer, LearningRate.constant(1)); // option errors before any file is read
        for (Object[] t : new Object[][] {{"--rtol", rtol}, {"--atol", atol}, {"--step-rtol", stepRtol}}) {
            Double v = (Double) t[1];
            if (v != null && (!(v >= 0) || !Double.isFinite(v))) {
                throw InputException.bad((String) t[0], "must be finite and >= 0, found " + v);
            }
        }
        LossConvention convention = LossConvention.parse(loss);
        Truth truth = truthOptions.load();
        ModelKind kind = modelOptions.kind();
        NpyArray x = Inputs.readAllowingNonFinite("--trajectory", trajectory);
        String input = Inputs.name("--trajectory", trajectory);
        int cols = truth.dim() + (kind.hasCoefficients() ? 1 : 0); // E9.3
        String layout = kind.hasCoefficients() ? "(T+1)×m×(d+1) with d+1 = " + cols : "(T+1)×m×d with d = " + cols;
        Inputs.requireNdim("--trajectory", trajectory, x, 3, layout);
        Inputs.requireNonEmpty("--trajectory", trajectory, x);
        if (x.shape()[2] != cols) {
            throw new InputException(ErrorCode.SHAPE_MISMATCH, input, "expected shape " + layout + " (d from the truth), found shape " + Inputs.shape(x));
        }
        if (x.shape()[0] < 2) {
            throw InputException.bad(input, "needs at least two iterates (T+1 >= 2), found " + x.shape()[0]);
        }
        int steps = x.shape()[0] - 1;
        LearningRate rate;
        if (lrSchedule != null) {
            NpyArray s = Inputs.read("--lr-schedule", lrSchedule);
            Inputs.requireNdim("--lr-schedule", lrSchedule, s, 1, "(T,) with T = " + steps);
            Inputs.requireAxis("--lr-schedule", lrSchedule, s, 0, steps, "(" + steps + ",) (T = steps in --trajectory)");
            rate = Inputs.within(Inputs.name("--lr-schedule", lrSchedule), () -> LearningRate.perStep(s.data()));
        } else {
            rate = LearningRate.constant(constantLr);
        }
        UpdateForm form = options.build(optimizer, rate);
        int m = x.shape()[1];
        Problem problem = modelOptions.problem(truth, m);
        double[][] iterates = ParameterLayout.iterates(problem, x.data(), x.shape()[0]);
        Backend backend = Inputs.within("--implementation " + implementation, () -> Backends.get(implementation));
        TrajectoryReplay.Tolerance tolerance = TrajectoryCheck.tolerance(Inputs.unitRoundoff(x), "float64".equals(x.dtype()),
                rtol, atol, stepRtol); // E9.17: defaults follow the dtype
        TrajectoryCheck.Outcome outcome = Inputs.within("--implementation " + implementation, () -> TrajectoryCheck.check(
                new TrajectoryCheck.Request(backend, problem, convention, form, tolerance, lrSchedule != null), iterates));
        TrajectoryReplay.Result r = outcome.replay();
        Map<String, Object> result = Outputs.map();
        result.put("ok", r.ok());
        result.put("steps", r.steps());
        result.put("firstBadStep", r.firstBadStep() < 0 ? null : r.firstBadStep());
        result.put("maxDeviation", r.maxDeviation());
        result.put("maxDeviationStep", r.maxDeviationStep() < 0 ? null : r.maxDeviationStep());
        result.put("maxBoundRatio", Outputs.number(r.maxBoundRatio()));
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
            result.put("consistentLr", consistent == null ? null : Outputs.number(consistent));
            result.put("consistentLambdaShift", d.verdict() == StepDiagnosis.Verdict.LAMBDA ? Outputs.number(d.lambdaShift()) : null);
            result.put("fitResidual", Outputs.number(d.residual()));
        }
        result.put("firstNonFinite", r.firstNonFinite() < 0 ? null : r.firstNonFinite());
        if (r.firstNonFinite() >= 0) {
            result.put("nonFiniteExpected", r.nonFiniteExpected());
        }
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
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        if (r.firstBadStep() >= 0) {
            return ExitStatus.CHECK_FAILED;
        }
        return r.firstNonFinite() >= 0 ? ExitStatus.NUMERICAL : ExitStatus.OK; // E9.18
    }
}
