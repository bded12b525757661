package org.beyondlazy.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * Successes over seeds for a probabilistic claim, with the Wilson score interval (Hipparchus
 * {@link BinomialProportion}). {@link #toString()} names the rate, the interval and the failing seeds, so
 * an assertion message reproduces the run.
 */
public final class SuccessRate {
    /** Confidence level of the reported interval. */
    public static final double CONFIDENCE = 0.95;

    private final String what;
    private final List<Long> failing = new ArrayList<>();
    private int trials;
    private int successes;

    public SuccessRate(String what) {
        this.what = what;
    }

    /** Records one seed's outcome. */
    public synchronized void record(long seed, boolean success) {
        trials++;
        if (success) {
            successes++;
        } else {
            failing.add(seed);
        }
    }

    public synchronized int trials() {
        return trials;
    }

    public synchronized int successes() {
        return successes;
    }

    /** What was counted. */
    public String what() {
        return what;
    }

    /** The seeds that failed, in the order recorded. */
    public synchronized List<Long> failingSeeds() {
        return List.copyOf(failing);
    }

    public synchronized double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** The Wilson score interval at {@link #CONFIDENCE}. */
    public synchronized ConfidenceInterval wilson() {
        return BinomialProportion.getWilsonScoreInterval(trials, rate(), CONFIDENCE);
    }

    @Override
    public synchronized String toString() {
        ConfidenceInterval ci = wilson();
        return String.format(Locale.ROOT, "%s: %d/%d = %.3f, Wilson %.0f%% interval [%.3f, %.3f], failing seeds %s",
                what, successes, trials, rate(), 100 * CONFIDENCE, ci.getLowerBound(), ci.getUpperBound(), failing);
    }
}
