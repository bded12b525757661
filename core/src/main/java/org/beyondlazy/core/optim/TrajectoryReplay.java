package org.beyondlazy.core.optim;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * The trajectory oracle (spec E9.4, E9.5): recomputes every step of a trajectory with an {@link UpdateForm}
 * from the iterates given — x_{k+1} from (x_k, x_{k−1}) of the trajectory, never from its own previous
 * recomputation, so one bad step does not make all later steps deviate — and compares.
 */
@SpecRef({"E9.4", "E9.5"})
public final class TrajectoryReplay {
    private TrajectoryReplay() {
    }

    /**
     * The outcome of a replay. Steps are 1-based: step k is the iterate x_k (k = 1 … T).
     *
     * @param steps             T, the number of steps checked
     * @param firstBadStep      the first step k whose x_k disagrees (E9.5), −1 when none
     * @param firstBadIndex     the θ coordinate (E2.9) of the first disagreement at that step, −1 when none
     * @param firstBadExpected  the recomputed value there (NaN when none)
     * @param firstBadFound     the trajectory's value there (NaN when none)
     * @param maxDeviation      the largest deviation over all steps and coordinates
     * @param maxDeviationStep  its step (−1 when every deviation is 0)
     * @param maxDeviationIndex its θ coordinate (−1 when every deviation is 0)
     */
    public record Result(int steps, int firstBadStep, int firstBadIndex, double firstBadExpected, double firstBadFound,
                         double maxDeviation, int maxDeviationStep, int maxDeviationIndex) {
        /** True when no step is bad. */
        public boolean ok() {
            return firstBadStep < 0;
        }
    }

    /**
     * Replays and compares every step.
     *
     * @param objective f with its exact gradient
     * @param iterates  x_0 … x_T (T ≥ 1), each a θ of the objective's layout (E2.9); not modified
     * @param form      the update form and its parameters
     * @param rtol      relative tolerance ≥ 0 (E9.5)
     * @param atol      absolute tolerance ≥ 0 (E9.5)
     * @throws BeyondLazyException {@code DIVERGED} when a recomputed iterate is not finite
     */
    public static Result check(Objective objective, double[][] iterates, UpdateForm form, double rtol, double atol) {
        int n = objective.parameterCount();
        UpdateForm.Replay replay = form.replay(n);
        double[] expected = new double[n];
        int firstBad = -1;
        int firstIndex = -1;
        double firstExpected = Double.NaN;
        double firstFound = Double.NaN;
        double maxDev = 0;
        int maxStep = -1;
        int maxIndex = -1;
        for (int k = 0; k + 1 < iterates.length; k++) {
            double[] previous = k == 0 ? iterates[0] : iterates[k - 1]; // x_{-1} = x_0
            replay.next(objective, iterates[k], previous, k, expected); // E9.4: from the file's iterates
            double[] found = iterates[k + 1];
            for (int p = 0; p < n; p++) {
                if (!Double.isFinite(expected[p])) {
                    throw new BeyondLazyException(ErrorCode.DIVERGED, "recomputed step", k + 1,
                            "non-finite value at parameter " + p + " (the gradient overflowed)");
                }
                double dev = Math.abs(expected[p] - found[p]); // E9.5: deviation
                if (dev > maxDev) {
                    maxDev = dev;
                    maxStep = k + 1;
                    maxIndex = p;
                }
                if (firstBad < 0 && dev > atol + rtol * Math.abs(expected[p])) { // E9.5: tolerance test
                    firstBad = k + 1;
                    firstIndex = p;
                    firstExpected = expected[p];
                    firstFound = found[p];
                }
            }
        }
        return new Result(iterates.length - 1, firstBad, firstIndex, firstExpected, firstFound, maxDev, maxStep, maxIndex);
    }
}
