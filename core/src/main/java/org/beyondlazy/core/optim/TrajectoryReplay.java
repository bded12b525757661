package org.beyondlazy.core.optim;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * The trajectory oracle (spec E9.4, E9.5, E9.18): recomputes every step of a trajectory with an
 * {@link UpdateForm} from the iterates given — x_{k+1} from (x_k, x_{k−1}) of the trajectory and, for the
 * framework forms, an optimizer state replayed from the gradients at those iterates; never from its own
 * previous recomputation, so one bad step does not make all later steps deviate — and compares.
 */
@SpecRef({"E9.4", "E9.5", "E9.18"})
public final class TrajectoryReplay {
    private TrajectoryReplay() {
    }

    /**
     * When a recomputed coordinate x̂_{k+1,p} and the trajectory's x_{k+1,p} agree (E9.5, E9.17):
     * |x̂ − x| ≤ atol + rtol·|x̂_p| + stepRtol·σ_k with the step scale σ_k = ‖x̂_{k+1} − x_k‖_∞ + ‖x_k − x_{k−1}‖_∞.
     *
     * @param rtol     relative tolerance ≥ 0
     * @param atol     absolute tolerance ≥ 0
     * @param stepRtol tolerance relative to the step scale ≥ 0 (0 for float64 files)
     */
    public record Tolerance(double rtol, double atol, double stepRtol) {
        public Tolerance {
            for (double t : new double[] {rtol, atol, stepRtol}) {
                if (!(t >= 0) || !Double.isFinite(t)) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "tolerance", "finite and >= 0", t);
                }
            }
        }

        /** The bound for one coordinate. */
        public double bound(double expected, double stepScale) {
            return atol + rtol * Math.abs(expected) + stepRtol * stepScale;
        }
    }

    /**
     * The outcome of a replay. Steps are 1-based: step k is the iterate x_k (k = 1 … T).
     *
     * @param steps             the number of steps checked: T, or j − 1 when x_j is the first non-finite iterate
     * @param firstBadStep      the first step k whose x_k disagrees (E9.5), −1 when none
     * @param firstBadIndex     the θ coordinate (E2.9) of the largest excess over the bound at that step, −1 when none
     * @param firstBadExpected  the recomputed value there (NaN when none)
     * @param firstBadFound     the trajectory's value there (NaN when none)
     * @param firstBadBound     the bound of E9.5/E9.17 there (NaN when none)
     * @param maxDeviation      the largest deviation over the steps checked
     * @param maxDeviationStep  its step (−1 when every deviation is 0)
     * @param maxDeviationIndex its θ coordinate (−1 when every deviation is 0)
     * @param firstNonFinite    j, the first iterate holding NaN or an infinity (−1 when all are finite)
     * @param nonFiniteExpected whether the recomputation of x_j from x_{j−1} is non-finite too (false when
     *                          firstNonFinite is −1 or 0)
     * @param maxBoundRatio     the largest deviation / bound over the steps checked (≤ 1 when ok; how much room
     *                          the tolerance leaves; +∞ where a bound of 0 is exceeded)
     */
    public record Result(int steps, int firstBadStep, int firstBadIndex, double firstBadExpected, double firstBadFound,
                         double firstBadBound, double maxDeviation, int maxDeviationStep, int maxDeviationIndex,
                         int firstNonFinite, boolean nonFiniteExpected, double maxBoundRatio) {
        /** True when no step is bad and every iterate is finite. */
        public boolean ok() {
            return firstBadStep < 0 && firstNonFinite < 0;
        }
    }

    /** {@link #check(Objective, double[][], UpdateForm, Tolerance)} with the tolerance of E9.5 (no step term). */
    public static Result check(Objective objective, double[][] iterates, UpdateForm form, double rtol, double atol) {
        return check(objective, iterates, form, new Tolerance(rtol, atol, 0));
    }

    /**
     * Replays and compares every step up to the first non-finite iterate (E9.18).
     *
     * @param objective f with its exact gradient (or a scaled loss, {@link ScaledObjective})
     * @param iterates  x_0 … x_T (T ≥ 1), each a θ of the objective's layout (E2.9); not modified
     * @param form      the update form and its parameters; a {@link LearningRate.PerStep} schedule must cover T steps
     * @param tolerance the bound of E9.5
     * @throws BeyondLazyException {@code DIVERGED} when a recomputed iterate from finite iterates is not finite
     *                             before the trajectory's own first non-finite iterate
     */
    public static Result check(Objective objective, double[][] iterates, UpdateForm form, Tolerance tolerance) {
        int n = objective.parameterCount();
        int count = iterates.length;
        int firstNonFinite = -1;
        for (int k = 0; k < count && firstNonFinite < 0; k++) {
            for (double v : iterates[k]) {
                if (!Double.isFinite(v)) {
                    firstNonFinite = k;
                    break;
                }
            }
        }
        int last = firstNonFinite < 0 ? count - 1 : firstNonFinite - 1; // E9.18: the finite prefix x_0 … x_last
        UpdateForm.Replay replay = form.replay(n);
        double[] expected = new double[n];
        int firstBad = -1;
        int firstIndex = -1;
        double firstExpected = Double.NaN;
        double firstFound = Double.NaN;
        double firstBound = Double.NaN;
        double maxDev = 0;
        int maxStep = -1;
        int maxIndex = -1;
        boolean nonFiniteExpected = false;
        double maxRatio = 0;
        for (int k = 0; k < last; k++) {
            double[] current = iterates[k];
            double[] previous = k == 0 ? iterates[0] : iterates[k - 1]; // x_{-1} = x_0
            replay.next(objective, current, previous, k, expected); // E9.4: from the file's iterates
            double[] found = iterates[k + 1];
            double scale = 0; // E9.17: σ_k
            double momentumScale = 0;
            for (int p = 0; p < n; p++) {
                if (!Double.isFinite(expected[p])) {
                    throw new BeyondLazyException(ErrorCode.DIVERGED, "recomputed step", k + 1,
                            "non-finite value at parameter " + p + " (the gradient overflowed)");
                }
                scale = Math.max(scale, Math.abs(expected[p] - current[p]));
                momentumScale = Math.max(momentumScale, Math.abs(current[p] - previous[p]));
            }
            scale += momentumScale;
            double worstExcess = 0;
            for (int p = 0; p < n; p++) {
                double dev = Math.abs(expected[p] - found[p]); // E9.5: deviation
                if (dev > maxDev) {
                    maxDev = dev;
                    maxStep = k + 1;
                    maxIndex = p;
                }
                double bound = tolerance.bound(expected[p], scale);
                if (dev > 0) {
                    maxRatio = Math.max(maxRatio, bound > 0 ? dev / bound : Double.POSITIVE_INFINITY);
                }
                if (firstBad < 0 && dev > bound && dev - bound > worstExcess) { // E9.5: tolerance test
                    worstExcess = dev - bound;
                    firstIndex = p;
                    firstExpected = expected[p];
                    firstFound = found[p];
                    firstBound = bound;
                }
            }
            if (firstBad < 0 && firstIndex >= 0) {
                firstBad = k + 1;
            }
        }
        if (firstNonFinite > 0) { // does the form itself blow up from the last finite iterate?
            int k = firstNonFinite - 1;
            replay.next(objective, iterates[k], k == 0 ? iterates[0] : iterates[k - 1], k, expected);
            for (double v : expected) {
                nonFiniteExpected |= !Double.isFinite(v);
            }
        }
        return new Result(Math.max(0, last), firstBad, firstIndex, firstExpected, firstFound, firstBound, maxDev, maxStep,
                maxIndex, firstNonFinite, nonFiniteExpected, maxRatio);
    }
}
