package org.beyondlazy.cli;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.Nesterov;

/**
 * Recomputes every step of a trajectory from the previous iterate(s) read from the file — never from its
 * own recomputation, so deviations do not accumulate — and compares (spec E9.4, E9.5).
 */
@SpecRef({"E9.4", "E9.5"})
public final class TrajectoryCheck {
    /** The update forms {@code check} verifies (spec E9.4). */
    public enum Form {
        GD("gd"), HEAVY_BALL("heavy-ball"), NESTEROV("nesterov");

        final String id;

        Form(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Form parse(String name) {
            for (Form f : values()) {
                if (f.id.equals(name)) {
                    return f;
                }
            }
            if ("nesterov-convex".equals(name)) { // the form name of A4.3
                return NESTEROV;
            }
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "optimizer", name, "[gd, heavy-ball, nesterov (= nesterov-convex)]");
        }
    }

    /** The outcome: steps checked, first bad step k (1-based: x_k disagrees), largest deviation. */
    public record Result(int steps, int firstBadStep, double maxDeviation, int maxDeviationStep, int maxDeviationIndex,
                         double firstBadExpected, double firstBadFound, int firstBadIndex) {
        public boolean ok() {
            return firstBadStep < 0;
        }
    }

    private TrajectoryCheck() {
    }

    /**
     * @param iterates x_0 … x_T, each a θ of the objective's layout; not modified
     */
    public static Result check(Objective objective, double[][] iterates, Form form, double lr, double momentum,
                               double rtol, double atol) {
        int n = objective.parameterCount();
        double[] gradient = new double[n];
        double[] point = new double[n];
        double[] expected = new double[n];
        int firstBad = -1;
        double firstExpected = Double.NaN;
        double firstFound = Double.NaN;
        int firstIndex = -1;
        double maxDev = 0;
        int maxStep = -1;
        int maxIndex = -1;
        for (int k = 0; k + 1 < iterates.length; k++) {
            double[] current = iterates[k];
            double[] previous = k == 0 ? iterates[0] : iterates[k - 1]; // A4.2/A4.3 step 0: w_{-1} = w_0
            switch (form) {
                case GD -> {
                    objective.valueAndGradient(current, gradient); // A4.1 step 1
                    for (int p = 0; p < n; p++) {
                        expected[p] = current[p] - lr * gradient[p]; // A4.1 step 2
                    }
                }
                case HEAVY_BALL -> {
                    objective.valueAndGradient(current, gradient); // A4.2 step 1
                    for (int p = 0; p < n; p++) {
                        expected[p] = current[p] - lr * gradient[p] + momentum * (current[p] - previous[p]); // A4.2 step 2
                    }
                }
                case NESTEROV -> {
                    double beta = Nesterov.momentumAt(k);
                    for (int p = 0; p < n; p++) {
                        point[p] = current[p] + beta * (current[p] - previous[p]); // A4.3 step 1
                    }
                    objective.valueAndGradient(point, gradient); // A4.3 step 2
                    for (int p = 0; p < n; p++) {
                        expected[p] = point[p] - lr * gradient[p]; // A4.3 step 3
                    }
                }
                default -> throw new IllegalStateException(form.toString());
            }
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
                    firstExpected = expected[p];
                    firstFound = found[p];
                    firstIndex = p;
                }
            }
        }
        return new Result(iterates.length - 1, firstBad, maxDev, maxStep, maxIndex, firstExpected, firstFound, firstIndex);
    }
}
