package org.beyondlazy.experiments.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.Futures;
import org.beyondlazy.experiments.Statistics;
import org.hipparchus.stat.interval.BinomialProportion;

/**
 * One point of the scaling-law experiment judged on seeds (spec E7.10): at most n seeds s₀, s₀+1, … are tried
 * in seed order; the point <em>passes</em> when the Wilson 95% lower bound of successes/n is at least the
 * required bound. The sequential rule only stops a point once passing has become impossible (failures &gt;
 * n − s_req, s_req the fewest successes out of n that pass), so its verdict is the verdict of all n seeds
 * and the bound is not biased by the stop. Seeds run in parallel on a pool; the outcome is the sequential
 * one (later seeds computed speculatively are discarded), so it does not depend on the thread count.
 */
@SpecRef("E7.10")
public final class SeedTrials {
    /** Confidence level of the Wilson bound. */
    public static final double CONFIDENCE = 0.95;

    private SeedTrials() {
    }

    /**
     * What one seed gave.
     *
     * @param success whether the run reached relative error ≤ ε
     * @param error   the final relative error (NaN for a diverged run)
     * @param steps   gradient steps taken
     */
    public record Attempt(boolean success, double error, long steps) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The outcome of a point.
     *
     * @param planned   n, the seeds the point may use
     * @param firstSeed s₀
     * @param attempts  the seeds actually judged, in seed order (a prefix of s₀ … s₀+n−1)
     * @param passed    whether the Wilson lower bound over all n seeds reaches the requirement
     */
    public record Trials(int planned, long firstSeed, List<Attempt> attempts, boolean passed) {
        public Trials {
            attempts = List.copyOf(attempts);
        }

        public int run() {
            return attempts.size();
        }

        public int successes() {
            return (int) attempts.stream().filter(Attempt::success).count();
        }

        /** Whether the point stopped before n seeds (only when passing had become impossible). */
        public boolean stoppedEarly() {
            return run() < planned;
        }

        /** The seeds that failed, in order. */
        public List<Long> failingSeeds() {
            List<Long> out = new ArrayList<>();
            for (int k = 0; k < attempts.size(); k++) {
                if (!attempts.get(k).success()) {
                    out.add(firstSeed + k);
                }
            }
            return out;
        }

        /** The Wilson 95% interval of successes/run over the seeds judged. */
        public double[] wilson() {
            return SeedTrials.wilson(run(), successes());
        }

        /** Median final relative error over the seeds judged. */
        public double medianError() {
            return Statistics.median(attempts.stream().mapToDouble(Attempt::error).filter(Double::isFinite).toArray());
        }

        /** Median number of steps of the successful seeds (NaN without one). */
        public double medianStepsToTarget() {
            return Statistics.median(attempts.stream().filter(Attempt::success).mapToDouble(Attempt::steps).toArray());
        }
    }

    /** The Wilson 95% score interval of successes/trials (Hipparchus); {NaN, NaN} for no trials. */
    public static double[] wilson(int trials, int successes) {
        if (trials == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        var ci = BinomialProportion.getWilsonScoreInterval(trials, (double) successes / trials, CONFIDENCE);
        return new double[] {ci.getLowerBound(), ci.getUpperBound()};
    }

    /** s_req: the fewest successes out of n whose Wilson lower bound is ≥ {@code required}, or n + 1 if none. */
    public static int requiredSuccesses(int n, double required) {
        for (int s = 0; s <= n; s++) {
            if (wilson(n, s)[0] >= required) {
                return s;
            }
        }
        return n + 1;
    }

    /**
     * Judges a point.
     *
     * @param n        seeds the point may use (≥ 1)
     * @param first    s₀
     * @param required the Wilson lower bound a pass needs
     * @param pool     where the seeds run (not shut down)
     * @param attempt  runs one seed; must be thread-safe across seeds
     */
    public static Trials judge(int n, long first, double required, ExecutorService pool, LongFunction<Attempt> attempt) {
        return judgeSubmitted(n, first, required, seed -> pool.submit(() -> attempt.apply(seed)));
    }

    /**
     * Judges a point whose seeds an engine computes (E9.21): every seed is submitted first, in seed order, then the
     * futures are read in seed order under the sequential rule, and the futures not read are cancelled.
     *
     * @param n        seeds the point may use (≥ 1)
     * @param first    s₀
     * @param required the Wilson lower bound a pass needs
     * @param submit   starts the attempt of one seed and returns its future (must not block)
     */
    public static Trials judgeSubmitted(int n, long first, double required, LongFunction<Future<Attempt>> submit) {
        int allowedFailures = n - requiredSuccesses(n, required);
        List<Future<Attempt>> futures = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            futures.add(submit.apply(first + k));
        }
        List<Attempt> judged = new ArrayList<>();
        int failures = 0;
        try {
            for (Future<Attempt> future : futures) {
                Attempt a = Futures.await(future, "scaling-law experiment");
                judged.add(a);
                failures += a.success() ? 0 : 1;
                if (failures > allowedFailures) {
                    break; // passing is impossible: the verdict of all n seeds is already known
                }
            }
        } catch (CancellationException e) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "scaling-law experiment", "a seed was cancelled");
        } finally {
            for (Future<Attempt> future : futures) {
                future.cancel(false); // seeds not yet started are dropped; running ones finish and are discarded
            }
        }
        return new Trials(n, first, judged, failures <= allowedFailures);
    }
}
