package org.beyondlazy.cli;

import org.beyondlazy.core.ErrorCode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.optim.LearningRate;
import org.beyondlazy.core.optim.ScaledObjective;
import org.beyondlazy.core.optim.StepDiagnosis;
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
    /** Default relative tolerance of a float64 file: an implementation summing in another order agrees to ~1e-13. */
    public static final double DEFAULT_RTOL = 1e-9;
    /** Default absolute tolerance of a float64 file, for coordinates near zero. */
    public static final double DEFAULT_ATOL = 1e-12;
    /**
     * Step tolerance of a low-precision file in units of its round-off u (spec E9.17): the normwise relative
     * error of the framework's step that the error model allows.
     */
    @SpecRef("E9.17")
    public static final double STEP_ROUNDOFF_FACTOR = 64;
    /** Relative tolerance of a low-precision file in units of u (spec E9.17): the rounding of the stored sum, twice. */
    @SpecRef("E9.17")
    public static final double VALUE_ROUNDOFF_FACTOR = 2;

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
        boolean torchSgd = "torch-sgd".equals(optimizer);
        boolean adam = "torch-adam".equals(optimizer) || "torch-adamw".equals(optimizer);
        boolean heavyBall = "heavy-ball".equals(optimizer);
        if (!UpdateForm.NAMES.contains(optimizer) && !"nesterov".equals(optimizer)) {
            throw new InputException(ErrorCode.UNKNOWN_NAME, "--optimizer", "unknown update form '" + optimizer
                    + "' (expected one of gd, heavy-ball, nesterov (= nesterov-convex), torch-sgd, torch-adam, torch-adamw)");
        }
        if ((lr == null) == (lrSchedule == null)) {
            throw InputException.bad("--lr", "give exactly one of --lr and --lr-schedule");
        }
        Double constantLr = lr == null ? null : LrExpression.parse("--lr", lr);
        if (constantLr != null && !(constantLr > 0)) {
            throw InputException.bad("--lr", "must be finite and > 0, found " + constantLr);
        }
        if (heavyBall) {
            if (momentum == null) {
                throw InputException.bad("--momentum", "required with --optimizer heavy-ball");
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw InputException.bad("--momentum", "must be in [0, 1), found " + momentum);
            }
        } else if (momentum != null && !torchSgd) {
            throw InputException.bad("--momentum", "only used by --optimizer heavy-ball and torch-sgd (nesterov uses the "
                    + "(k−1)/(k+2) schedule of A4.3)");
        }
        onlyWith("--dampening", dampening != null, torchSgd, "torch-sgd");
        onlyWith("--nesterov", nesterov, torchSgd, "torch-sgd");
        onlyWith("--weight-decay", weightDecay != null, torchSgd || adam, "torch-sgd, torch-adam and torch-adamw");
        onlyWith("--beta1", beta1 != null, adam, "torch-adam and torch-adamw");
        onlyWith("--beta2", beta2 != null, adam, "torch-adam and torch-adamw");
        onlyWith("--eps", eps != null, adam, "torch-adam and torch-adamw");
        onlyWith("--amsgrad", amsgrad, adam, "torch-adam and torch-adamw");
        for (Object[] t : new Object[][] {{"--rtol", rtol}, {"--atol", atol}, {"--step-rtol", stepRtol}}) {
            Double v = (Double) t[1];
            if (v != null && (!(v >= 0) || !Double.isFinite(v))) {
                throw InputException.bad((String) t[0], "must be finite and >= 0, found " + v);
            }
        }
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
        UpdateForm form = Inputs.within("--optimizer " + optimizer, () -> form(rate));
        int m = x.shape()[1];
        Problem problem = modelOptions.problem(truth, m);
        double scale = lossScale(problem);
        double[][] iterates = ParameterLayout.iterates(problem, x.data(), x.shape()[0]);
        org.beyondlazy.core.Backend backend = Inputs.within("--implementation " + implementation, () -> Backends.get(implementation));
        DoubleFunction<Objective> objectiveAt = lambda -> new ScaledObjective(backend.objective(
                new Problem(problem.model(), m, problem.signs(), lambda / scale, truth)), scale); // E9.14
        Objective objective = Inputs.within("--implementation " + implementation, () -> objectiveAt.apply(problem.lambda()));
        double u = Inputs.unitRoundoff(x);
        boolean low = !"float64".equals(x.dtype());
        TrajectoryReplay.Tolerance tolerance = new TrajectoryReplay.Tolerance( // E9.17: defaults follow the dtype
                rtol != null ? rtol : low ? VALUE_ROUNDOFF_FACTOR * u : DEFAULT_RTOL,
                atol != null ? atol : low ? 0.0 : DEFAULT_ATOL,
                stepRtol != null ? stepRtol : low ? STEP_ROUNDOFF_FACTOR * u : 0.0);
        TrajectoryReplay.Result r = TrajectoryReplay.check(objective, iterates, form, tolerance);
        Map<String, Object> result = Outputs.map();
        result.put("ok", r.ok());
        result.put("steps", r.steps());
        result.put("firstBadStep", r.firstBadStep() < 0 ? null : r.firstBadStep());
        result.put("maxDeviation", r.maxDeviation());
        result.put("maxDeviationStep", r.maxDeviationStep() < 0 ? null : r.maxDeviationStep());
        result.put("maxBoundRatio", Outputs.number(r.maxBoundRatio()));
        if (r.firstBadStep() >= 0) {
            int[] at = ParameterLayout.fileCoordinate(problem, r.firstBadIndex()); // E9.3: (component, column)
            result.put("firstBadIndex", r.firstBadIndex());
            result.put("firstBadComponent", at[0]);
            result.put("firstBadColumn", at[1]);
            result.put("firstBadExpected", r.firstBadExpected());
            result.put("firstBadFound", r.firstBadFound());
            result.put("firstBadBound", r.firstBadBound());
            StepDiagnosis.Result d = StepDiagnosis.diagnose(objectiveAt, problem.lambda(), iterates, form, r.firstBadStep(), tolerance);
            result.put("diagnosis", describe(d, form, problem, scale, at));
            result.put("diagnosisVerdict", d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            result.put("consistentLr", d.verdict() == StepDiagnosis.Verdict.NOT_A_GRADIENT_STEP ? null
                    : Outputs.number(d.rateFactor() * form.lr().at(d.step() - 1)));
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
        if (!result.containsKey("momentum")) {
            result.put("momentum", null);
        }
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

    private static void onlyWith(String option, boolean given, boolean allowed, String forms) {
        if (given && !allowed) {
            throw InputException.bad(option, "only used by --optimizer " + forms);
        }
    }

    /** The form of the options, with torch's defaults for the torch forms. */
    private UpdateForm form(LearningRate rate) {
        return switch (optimizer) {
            case "gd" -> new UpdateForm.Gd(rate);
            case "heavy-ball" -> new UpdateForm.HeavyBall(rate, momentum);
            case "nesterov", "nesterov-convex" -> new UpdateForm.NesterovConvex(rate);
            case "torch-sgd" -> new UpdateForm.TorchSgd(rate, orDefault(momentum, 0), orDefault(dampening, 0), nesterov,
                    orDefault(weightDecay, 0));
            case "torch-adam", "torch-adamw" -> new UpdateForm.TorchAdam(rate, orDefault(beta1, 0.9), orDefault(beta2, 0.999),
                    orDefault(eps, 1e-8), orDefault(weightDecay, "torch-adamw".equals(optimizer) ? 0.01 : 0), amsgrad,
                    "torch-adamw".equals(optimizer));
            default -> throw new IllegalStateException(optimizer);
        };
    }

    private static double orDefault(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    /** The factor a of E9.14: the gradient of the file's loss is a·∇(½‖T − T*‖²), so its rate acts as a·η (E9.13). */
    @SpecRef({"E9.13", "E9.14"})
    private double lossScale(Problem problem) {
        return switch (loss) {
            case "half" -> 1.0;
            case "sum" -> 2.0;
            case "mean" -> 2.0 / Math.pow(problem.dim(), problem.order());
            default -> throw InputException.bad("--loss", "unknown loss '" + loss + "' (expected half, sum or mean)");
        };
    }

    /** One line saying what the first bad step is consistent with (spec E9.16). */
    @SpecRef("E9.16")
    private String describe(StepDiagnosis.Result d, UpdateForm form, Problem problem, double scale, int[] at) {
        double given = form.lr().at(d.step() - 1);
        String where = String.format(Locale.ROOT, "step %d (component %d, column %d)", d.step(), at[0], at[1]);
        String rateWord = lrSchedule != null ? "a rate " : "--lr ";
        return switch (d.verdict()) {
            case LEARNING_RATE -> {
                if (Math.abs(d.rateFactor() - 1) <= 1e-6) {
                    yield where + String.format(Locale.ROOT, " misses its bound narrowly and fits the given rate once rescaled by %s: "
                            + "a round-off-sized difference (see --rtol, --step-rtol)", num(d.rateFactor()));
                }
                String s = String.format(Locale.ROOT, "%s is consistent with %s%s, you gave %s (ratio %s)", where, rateWord,
                        num(d.rateFactor() * given), num(given), num(d.rateFactor()));
                yield s + lossHint(d.rateFactor(), problem, scale);
            }
            case LAMBDA -> {
                double fitted = problem.lambda() + d.lambdaShift();
                boolean decay = form instanceof UpdateForm.TorchSgd && problem.model() != ModelKind.COEF;
                String what = decay
                        ? "--weight-decay " + num(((UpdateForm.TorchSgd) form).weightDecay() + d.lambdaShift()) + " (or --lambda "
                                + num(fitted) + ")"
                        : "--lambda " + num(fitted) + ", you gave " + num(problem.lambda());
                String rate = Math.abs(d.rateFactor() - 1) > 1e-6 ? " with " + rateWord + num(d.rateFactor() * given) : "";
                yield where + " is consistent with " + what + rate + lossHint(d.rateFactor(), problem, scale);
            }
            case NOT_A_GRADIENT_STEP -> String.format(Locale.ROOT,
                    "%s is not a multiple of this model's gradient at any learning rate%s (best fit %s%s leaves %s of the step): "
                            + "wrong --model, --order, --signs, truth or coefficients%s?",
                    where, form instanceof UpdateForm.TorchAdam ? "" : " or λ", rateWord, num(d.rateFactor() * given),
                    num(d.residual()), form instanceof UpdateForm.TorchAdam ? ", or β₁, β₂, ε, --weight-decay, --amsgrad" : "");
        };
    }

    /** A rate ratio that is the ratio of two loss conventions names the convention (E9.14). */
    private static String lossHint(double ratio, Problem problem, double scale) {
        double mean = 2.0 / Math.pow(problem.dim(), problem.order());
        String[] names = {"half", "sum", "mean"};
        double[] scales = {1.0, 2.0, mean};
        for (int i = 0; i < 3; i++) {
            double expected = scales[i] / scale;
            if (scales[i] != scale && Math.abs(ratio - expected) <= 1e-6 * expected) {
                return " — the file's loss looks like --loss " + names[i]
                        + (names[i].equals("sum") ? " (no ½)" : names[i].equals("half") ? " (with the ½)" : " (averaged over d^l)");
            }
        }
        return "";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
