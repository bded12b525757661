package org.beyondlazy.experiments;

import java.util.List;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * Successes over seeds, with the seeds that failed.
 *
 * @param label   what was counted
 * @param trials  number of seeds
 * @param failing the seeds that did not succeed, in seed order
 */
public record Rate(String label, int trials, List<Long> failing) {
    public Rate {
        failing = List.copyOf(failing);
    }

    public int successes() {
        return trials - failing.size();
    }

    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes() / trials;
    }

    /** The Wilson score interval (Hipparchus {@link BinomialProportion}) at the given confidence level. */
    public ConfidenceInterval wilson(double confidence) {
        return BinomialProportion.getWilsonScoreInterval(trials, rate(), confidence);
    }
}
