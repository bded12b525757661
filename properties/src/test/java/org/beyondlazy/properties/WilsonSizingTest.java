package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.RecoveryExperiment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kit's probabilistic properties are sized: at the rates measured on fresh seeds, each Wilson-bound
 * assertion fails with probability at most {@link WilsonSizing#MAX_FAILURE_PROBABILITY}, so a base seed nobody
 * tuned on ({@code audit --seed S}) does not fail a claim that holds. Fails when a seed count is lowered or a
 * bound raised beyond what the measured rate supports.
 */
class WilsonSizingTest {
    @Test
    void theBinomialSumMatchesHandComputedCases() {
        assertThat(WilsonSizing.fewestPassing(20, 0.6)).isEqualTo(17);
        assertThat(WilsonSizing.fewestPassing(60, 0.85)).isEqualTo(57);
        assertThat(WilsonSizing.lowerBound(57, 60)).isCloseTo(0.8630, within(5e-4));
        // P(X ≤ 16) for X ~ Binomial(20, 0.97): 1 − P(17) − P(18) − P(19) − P(20)
        double q = 0.97;
        double pass = 0;
        for (int k = 17; k <= 20; k++) {
            pass += org.hipparchus.util.CombinatoricsUtils.binomialCoefficientDouble(20, k) * Math.pow(q, k) * Math.pow(1 - q, 20 - k);
        }
        assertThat(WilsonSizing.failureProbability(20, 0.6, q)).isCloseTo(1 - pass, within(1e-12));
        assertThat(WilsonSizing.failureProbability(10, 0.0, 0.5)).isZero();
    }

    @Test
    @Tag("C8")
    @Tag("C9")
    @Tag("C10")
    @SpecRef({"C8", "C9", "C10"})
    void everyWilsonBoundOfTheVariantClaimsFailsOnFreshSeedsWithProbabilityBelowOnePercent() {
        // the sizing table of spec/07-variant.md ("Sizing on fresh seeds"), printed by this test
        System.out.println("| rate | fresh seeds | property | P_fail at the rate | P_fail at its Wilson lower bound |");
        System.out.println("|---|---|---|---|---|");
        check(VariantClaims.C8_FRESH, RecoveryExperiment.QUICK_SEEDS, VariantClaims.C8_MIN_LOWER);
        check(VariantClaims.C9_STATIONARY_FRESH, VariantClaims.C9_SEEDS, VariantClaims.C9_MIN_STATIONARY_LOWER);
        // the saddle fraction is over the stationary runs, whose number is itself binomial
        VariantClaims.FreshRate saddle = VariantClaims.C9_SADDLE_FRESH;
        fresh(saddle);
        double among = WilsonSizing.failureProbabilityAmong(VariantClaims.C9_SEEDS, VariantClaims.C9_STATIONARY_FRESH.rate(),
                VariantClaims.C9_MIN_SADDLE_LOWER, saddle.rate());
        VariantClaims.FreshRate stationary = VariantClaims.C9_STATIONARY_FRESH;
        double amongPessimistic = WilsonSizing.failureProbabilityAmong(VariantClaims.C9_SEEDS,
                WilsonSizing.lowerBound(stationary.successes(), stationary.seeds()), VariantClaims.C9_MIN_SADDLE_LOWER,
                WilsonSizing.lowerBound(saddle.successes(), saddle.seeds()));
        System.out.printf(java.util.Locale.ROOT, "| %s | %d/%d = %.3f (Wilson lower %.3f) | the stationary runs of %d seeds, Wilson lower ≥ %s | %.4f | %.4f |%n",
                saddle.what(), saddle.successes(), saddle.seeds(), saddle.rate(), WilsonSizing.lowerBound(saddle.successes(), saddle.seeds()),
                VariantClaims.C9_SEEDS, VariantClaims.C9_MIN_SADDLE_LOWER, among, amongPessimistic);
        assertThat(among).as("%s at the fresh rates", saddle.what())
                .isLessThanOrEqualTo(WilsonSizing.MAX_FAILURE_PROBABILITY);
        check(VariantClaims.C9_WIDE_FRESH, VariantClaims.C9_WIDE_SEEDS, VariantClaims.C9_MIN_WIDE_LOWER);
        check(VariantClaims.C10_FRESH, VariantClaims.C10_SEEDS, VariantClaims.C10_MIN_LOWER);
        check(VariantClaims.C10_ORDER4_FRESH, VariantClaims.C10_ORDER4_SEEDS, VariantClaims.C10_ORDER4_MIN_LOWER);
    }

    private static void check(VariantClaims.FreshRate fresh, int seeds, double bound) {
        fresh(fresh);
        double p = WilsonSizing.failureProbability(seeds, bound, fresh.rate());
        double pessimistic = WilsonSizing.failureProbability(seeds, bound, WilsonSizing.lowerBound(fresh.successes(), fresh.seeds()));
        System.out.printf(java.util.Locale.ROOT, "| %s | %d/%d = %.3f (Wilson lower %.3f) | %d seeds, Wilson lower ≥ %s: ≥ %d successes | %.4f | %.4f |%n",
                fresh.what(), fresh.successes(), fresh.seeds(), fresh.rate(), WilsonSizing.lowerBound(fresh.successes(), fresh.seeds()),
                seeds, bound, WilsonSizing.fewestPassing(seeds, bound), p, pessimistic);
        assertThat(p).as("%s: P(Wilson lower of %d seeds < %s) at the fresh rate %d/%d", fresh.what(), seeds, bound,
                fresh.successes(), fresh.seeds()).isLessThanOrEqualTo(WilsonSizing.MAX_FAILURE_PROBABILITY);
    }

    /** Fresh: away from the tuning seeds 0..99 and from the kit's default run seeds. */
    private static void fresh(VariantClaims.FreshRate fresh) {
        assertThat(fresh.firstSeed()).as("%s: first fresh seed", fresh.what()).isGreaterThanOrEqualTo(1000);
        long kitFrom = ClaimSettings.DEFAULT_SEED;
        assertThat(fresh.firstSeed() + fresh.seeds() <= kitFrom || fresh.firstSeed() >= kitFrom + 1000)
                .as("%s: fresh seeds disjoint from the kit's default seeds", fresh.what()).isTrue();
    }
}
