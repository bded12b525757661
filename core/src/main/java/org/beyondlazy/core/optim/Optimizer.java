package org.beyondlazy.core.optim;

import org.beyondlazy.core.Objective;

/**
 * A discrete optimizer of spec §4 (A4.1–A4.3). An instance holds the state of one run (previous
 * iterate, step counter, scratch buffers), so use one instance per trajectory.
 */
public interface Optimizer {
    /**
     * Performs one step in place.
     *
     * @param objective f
     * @param theta     the current iterate w_k; overwritten with w_{k+1}
     * @return f at the point where the gradient was evaluated (w_k for GD and heavy ball, y_k for Nesterov)
     */
    double step(Objective objective, double[] theta);

    /** Number of steps taken so far (k). */
    int steps();

    /** The spec name of the update form, e.g. {@code "nesterov-convex"}. */
    String form();

    /**
     * Throws {@link org.beyondlazy.core.ErrorCode#DIVERGED} (a numerical failure, exit 3) when an iterate
     * holds NaN or an infinity, naming the optimizer form, the step and the first bad index.
     */
    static void requireFinite(String form, int step, double[] theta) {
        for (int p = 0; p < theta.length; p++) {
            if (!Double.isFinite(theta[p])) {
                throw new org.beyondlazy.core.BeyondLazyException(org.beyondlazy.core.ErrorCode.DIVERGED,
                        form, step, "parameter " + p + " became " + theta[p]);
            }
        }
    }
}
