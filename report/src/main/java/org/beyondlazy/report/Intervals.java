package org.beyondlazy.report;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * The 95% intervals the report draws (spec E9.12): Wilson score intervals for rates (successes over
 * seeds) and Student-t intervals for means over seeds (mean ± t_{0.975, n−1}·s/√n, s the sample standard
 * deviation). Nothing here is a test: the intervals describe the seeds that ran.
 */
public final class Intervals {
    /** Confidence level of every interval in the report. */
    public static final double CONFIDENCE = 0.95;

    /** A point estimate with its interval. */
    public record Estimate(double value, double lower, double upper) {
    }

    private Intervals() {
    }

    /** successes/trials with its 95% Wilson score interval; trials must be positive. */
    public static Estimate wilson(int successes, int trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("rate " + successes + "/" + trials);
        }
        double rate = (double) successes / trials;
        ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(trials, rate, CONFIDENCE);
        return new Estimate(rate, ci.getLowerBound(), ci.getUpperBound());
    }

    /**
     * The mean of {@code x} with its 95% Student-t interval; a single value has the degenerate interval
     * [x, x] (no spread is known).
     */
    public static Estimate mean(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("mean of no values");
        }
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        if (n == 1) {
            return new Estimate(mean, mean, mean);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) * Math.sqrt(ss / (n - 1) / n);
        return new Estimate(mean, mean - halfWidth, mean + halfWidth);
    }
}
