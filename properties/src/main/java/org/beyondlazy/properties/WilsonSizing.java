package org.beyondlazy.properties;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.interval.BinomialProportion;

/**
 * How likely a probabilistic property of the kit is to fail on a sample of fresh seeds although the claim
 * holds. The assertion "the Wilson {@value SuccessRate#CONFIDENCE} lower bound of k successes in n seeds is
 * at least b" fails, at a true success rate q, with probability
 * <pre>
 *   P_fail(n, b, q) = Σ_{k : lower(k, n) &lt; b} C(n, k) q^k (1 − q)^{n−k}
 * </pre>
 * (lower = the same Wilson bound {@link SuccessRate#wilson()} asserts on). The kit sizes its seed counts so
 * that P_fail ≤ {@link #MAX_FAILURE_PROBABILITY} at the rate measured on fresh seeds, far from both the seeds
 * the thresholds were chosen on and the seeds the kit runs ({@code experiment variant-rates --from F}): with
 * too few seeds a threshold that the claim meets would still fail on a noticeable fraction of
 * {@code audit --seed} values.
 */
public final class WilsonSizing {
    /** Largest accepted probability that a property fails on fresh seeds at the measured rate. */
    public static final double MAX_FAILURE_PROBABILITY = 0.01;

    private WilsonSizing() {
    }

    /** The Wilson lower bound of k successes in n trials at {@link SuccessRate#CONFIDENCE} (0 for k = 0). */
    public static double lowerBound(int successes, int trials) {
        if (successes == 0) {
            return 0;
        }
        return BinomialProportion.getWilsonScoreInterval(trials, (double) successes / trials, SuccessRate.CONFIDENCE).getLowerBound();
    }

    /** The fewest successes in n trials whose Wilson lower bound reaches b (n + 1 when none does). */
    public static int fewestPassing(int trials, double bound) {
        for (int k = 0; k <= trials; k++) {
            if (lowerBound(k, trials) >= bound) {
                return k;
            }
        }
        return trials + 1;
    }

    /**
     * P_fail for a rate counted over the successes of another count (e.g. the degenerate saddles among the
     * stationary runs): Σ_n P(N = n) · P_fail(n, b, q) with N ~ Binomial(outerTrials, outerRate), n = 0 counted
     * as a failure. It includes the small n with which the outer bound itself fails (there the property fails
     * anyway), so it may count a failure of the outer bound twice.
     */
    public static double failureProbabilityAmong(int outerTrials, double outerRate, double bound, double rate) {
        BinomialDistribution outer = new BinomialDistribution(outerTrials, outerRate);
        double p = 0;
        for (int n = 0; n <= outerTrials; n++) {
            p += outer.probability(n) * (n == 0 ? 1.0 : failureProbability(n, bound, rate));
        }
        return Math.min(1.0, p);
    }

    /** P_fail(n, b, q) above. */
    public static double failureProbability(int trials, double bound, double rate) {
        BinomialDistribution binomial = new BinomialDistribution(trials, rate);
        double p = 0;
        for (int k = 0, pass = fewestPassing(trials, bound); k < pass; k++) {
            p += binomial.probability(k);
        }
        return Math.min(1.0, p);
    }
}
