package org.beyondlazy.core.optim;

import java.util.Locale;
import java.util.function.DoubleFunction;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The library behind {@code beyondlazy check} (spec E9.3–E9.5, E9.13–E9.18): replays a trajectory another
 * program wrote with the given form on this project's objective rescaled to the file's loss convention,
 * and, when a step is bad, says in one line what it is consistent with (E9.16).
 */
@SpecRef({"E9.4", "E9.14", "E9.16", "E9.17"})
public final class TrajectoryCheck {
    /** Default relative tolerance of a float64 file: an implementation summing in another order agrees to ~1e-13. */
    public static final double DEFAULT_RTOL = 1e-9;
    /** Default absolute tolerance of a float64 file, for coordinates near zero. */
    public static final double DEFAULT_ATOL = 1e-12;
    /** Step tolerance of a low-precision file in units of its round-off u (E9.17): the framework step's normwise error. */
    @SpecRef("E9.17")
    public static final double STEP_ROUNDOFF_FACTOR = 64;
    /** Relative tolerance of a low-precision file in units of u (E9.17): the rounding of the stored sum, twice. */
    @SpecRef("E9.17")
    public static final double VALUE_ROUNDOFF_FACTOR = 2;

    private TrajectoryCheck() {
    }

    /**
     * The default tolerance of a file (E9.5, E9.17), each component replaced by the override when it is not null.
     *
     * @param unitRoundoff u of the file's dtype (2⁻⁵³ for float64)
     * @param float64      whether the file is float64 (its defaults are fixed, not multiples of u)
     */
    public static TrajectoryReplay.Tolerance tolerance(double unitRoundoff, boolean float64, Double rtol, Double atol,
                                                       Double stepRtol) {
        return new TrajectoryReplay.Tolerance(
                rtol != null ? rtol : float64 ? DEFAULT_RTOL : VALUE_ROUNDOFF_FACTOR * unitRoundoff,
                atol != null ? atol : float64 ? DEFAULT_ATOL : 0.0,
                stepRtol != null ? stepRtol : float64 ? 0.0 : STEP_ROUNDOFF_FACTOR * unitRoundoff);
    }

    /**
     * What was checked.
     *
     * @param backend   the backend that recomputes the steps
     * @param problem   the model, width, signs, λ (of the file's loss convention) and truth
     * @param loss      the file's loss convention (E9.14)
     * @param form      the update form with its rate schedule
     * @param tolerance E9.5's tolerance
     * @param scheduled whether the rate came from a per-step schedule (only changes the diagnosis wording)
     */
    public record Request(Backend backend, Problem problem, LossConvention loss, UpdateForm form,
                          TrajectoryReplay.Tolerance tolerance, boolean scheduled) {
    }

    /**
     * The verdict.
     *
     * @param replay    the replay of every step (E9.5, E9.18)
     * @param badAt     (component, column) of the first bad coordinate in the file's layout (E9.3); null when ok
     * @param diagnosis the fit of the first bad step (E9.16); null when ok
     * @param sentence  one line saying what the first bad step is consistent with; null when ok
     */
    public record Outcome(TrajectoryReplay.Result replay, int[] badAt, StepDiagnosis.Result diagnosis, String sentence) {
        /** The rate the first bad step is consistent with, or null (no bad step, or not a gradient step). */
        public Double consistentLr(UpdateForm form) {
            return diagnosis == null || diagnosis.verdict() == StepDiagnosis.Verdict.NOT_A_GRADIENT_STEP ? null
                    : diagnosis.rateFactor() * form.lr().at(diagnosis.step() - 1);
        }
    }

    /**
     * Replays {@code iterates} (x_0 … x_T in the E2.9 layout; not modified).
     */
    public static Outcome check(Request request, double[][] iterates) {
        Problem problem = request.problem();
        double scale = request.loss().scale(problem.order(), problem.dim());
        DoubleFunction<Objective> objectiveAt = lambda -> new ScaledObjective(request.backend().objective(
                new Problem(problem.model(), problem.width(), problem.signs(), lambda / scale, problem.truth())), scale); // E9.14
        TrajectoryReplay.Result r = TrajectoryReplay.check(objectiveAt.apply(problem.lambda()), iterates, request.form(),
                request.tolerance());
        if (r.firstBadStep() < 0) {
            return new Outcome(r, null, null, null);
        }
        int[] at = ParameterLayout.fileCoordinate(problem, r.firstBadIndex());
        StepDiagnosis.Result d = StepDiagnosis.diagnose(objectiveAt, problem.lambda(), iterates, request.form(),
                r.firstBadStep(), request.tolerance());
        return new Outcome(r, at, d, describe(d, request, at));
    }

    /** One line saying what the first bad step is consistent with (E9.16). */
    @SpecRef("E9.16")
    private static String describe(StepDiagnosis.Result d, Request request, int[] at) {
        UpdateForm form = request.form();
        Problem problem = request.problem();
        double given = form.lr().at(d.step() - 1);
        String where = String.format(Locale.ROOT, "step %d (component %d, column %d)", d.step(), at[0], at[1]);
        String rateWord = request.scheduled() ? "a rate " : "--lr ";
        String lossHint = request.loss().hintFor(d.rateFactor(), problem.order(), problem.dim());
        return switch (d.verdict()) {
            case LEARNING_RATE -> {
                if (Math.abs(d.rateFactor() - 1) <= 1e-6) {
                    yield where + String.format(Locale.ROOT, " misses its bound narrowly and fits the given rate once rescaled by %s: "
                            + "a round-off-sized difference (see --rtol, --step-rtol)", num(d.rateFactor()));
                }
                yield String.format(Locale.ROOT, "%s is consistent with %s%s, you gave %s (ratio %s)", where, rateWord,
                        num(d.rateFactor() * given), num(given), num(d.rateFactor())) + lossHint;
            }
            case LAMBDA -> {
                double fitted = problem.lambda() + d.lambdaShift();
                String what = form instanceof UpdateForm.TorchSgd sgd && problem.model() != ModelKind.COEF
                        ? "--weight-decay " + num(sgd.weightDecay() + d.lambdaShift()) + " (or --lambda " + num(fitted) + ")"
                        : "--lambda " + num(fitted) + ", you gave " + num(problem.lambda());
                String rate = Math.abs(d.rateFactor() - 1) > 1e-6 ? " with " + rateWord + num(d.rateFactor() * given) : "";
                yield where + " is consistent with " + what + rate + lossHint;
            }
            case NOT_A_GRADIENT_STEP -> {
                boolean adam = form instanceof UpdateForm.TorchAdam;
                yield String.format(Locale.ROOT,
                        "%s is not a multiple of this model's gradient at any learning rate%s (best fit %s%s leaves %s of the step): "
                                + "wrong --model, --order, --signs, truth or coefficients%s?",
                        where, adam ? "" : " or λ", rateWord, num(d.rateFactor() * given), num(d.residual()),
                        adam ? ", or β₁, β₂, ε, --weight-decay, --amsgrad" : "");
            }
        };
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
