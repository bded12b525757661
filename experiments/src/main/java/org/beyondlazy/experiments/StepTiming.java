package org.beyondlazy.experiments;

import java.util.Arrays;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;

/**
 * The timing behind {@code beyondlazy bench} (spec E9.11): plain gradient-descent steps of one objective,
 * warm-up first, then the median over repetitions. A quick check for users; JMH (module {@code bench}) is
 * the tool for tuning. Prints nothing.
 */
@SpecRef("E9.11")
public final class StepTiming {
    /** Learning rate of the timed steps: small so that the iterates stay finite; its value does not affect the cost. */
    public static final double BENCH_LR = 1e-6;
    /** Warm-up: at least this many untimed repetitions ... */
    public static final int WARMUP_REPETITIONS = 3;
    /** ... and at least this long (JIT compilation of the hot loops). */
    public static final double WARMUP_MS = 500;

    private StepTiming() {
    }

    /**
     * Milliseconds per step.
     *
     * @param median the median over repetitions
     * @param min    the fastest repetition
     * @param max    the slowest repetition
     */
    public record Result(double median, double min, double max) {
    }

    /**
     * Times {@code repetitions} runs of {@code steps} GD steps, each from a fresh copy of θ₀.
     *
     * @param objective the objective (used by this thread only)
     * @param theta0    θ₀; not modified
     */
    public static Result time(Objective objective, double[] theta0, int steps, int repetitions) {
        Check.atLeast("steps", steps, 1);
        Check.atLeast("repetitions", repetitions, 1);
        double warm = 0;
        for (int k = 0; k < WARMUP_REPETITIONS || warm < WARMUP_MS; k++) {
            warm += run(objective, theta0, steps);
        }
        double[] ms = new double[repetitions];
        for (int k = 0; k < repetitions; k++) {
            ms[k] = run(objective, theta0, steps) / steps;
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2] : 0.5 * (ms[repetitions / 2 - 1] + ms[repetitions / 2]);
        return new Result(median, ms[0], ms[repetitions - 1]);
    }

    /** Nominal flops of one plain GD step (E9.11): factored 3m²d + 4mrd; dense 3m²d + 2md^l. */
    @SpecRef("E9.11")
    public static double nominalFlops(boolean factored, int d, int m, int r, int l) {
        double gram = 3.0 * m * m * d;
        return factored ? gram + 4.0 * m * r * d : gram + 2.0 * m * Math.pow(d, l);
    }

    private static double run(Objective objective, double[] theta0, int steps) {
        double[] theta = theta0.clone();
        GradientDescent gd = new GradientDescent(BENCH_LR);
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            gd.step(objective, theta);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
