package org.beyondlazy.experiments.run;

import org.beyondlazy.core.Problem;

/**
 * The outcome of a run (spec E9.8).
 *
 * @param diverged           a non-finite loss or relative error stopped the run
 * @param failure            what diverged, or {@code null}
 * @param steps              optimizer steps taken
 * @param epochs             epochs run (variant only, else {@code null})
 * @param stoppedEarly       the variant reached its target error before its last epoch ({@code null} for other optimizers)
 * @param finalLoss          f at the last evaluated point (NaN when never evaluated)
 * @param finalRelativeError ‖T − T*‖/‖T*‖ there
 * @param seconds            wall time
 * @param problem            the seeded problem the run solved
 * @param theta              the final θ in the layout of E2.9, or {@code null} when diverged
 * @param signs              the variant's final signs, else {@code null}
 */
public record RunResult(boolean diverged, String failure, long steps, Integer epochs, Boolean stoppedEarly, double finalLoss,
        double finalRelativeError, double seconds, Problem problem, double[] theta, double[] signs) {

    /** "finished" or "diverged". */
    public String status() {
        return diverged ? "diverged" : "finished";
    }

    /** The m×d block of θ (W, or U for coef), row-major; {@code null} when diverged. */
    public double[] weights() {
        if (theta == null) {
            return null;
        }
        double[] w = new double[problem.width() * problem.dim()];
        System.arraycopy(theta, problem.weightsOffset(), w, 0, w.length);
        return w;
    }

    /** The coefficients c of a coef θ (length m); {@code null} for other models or when diverged. */
    public double[] coeffs() {
        if (theta == null || problem.weightsOffset() == 0) {
            return null;
        }
        double[] c = new double[problem.width()];
        System.arraycopy(theta, 0, c, 0, c.length);
        return c;
    }
}
