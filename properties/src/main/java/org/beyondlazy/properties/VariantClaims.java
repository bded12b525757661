package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.DeflationStudy;
import org.beyondlazy.experiments.FloorStudy;
import org.beyondlazy.experiments.RecoveryExperiment;
import org.beyondlazy.experiments.Tables;
import org.beyondlazy.experiments.VanillaStuckStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claims C8, C9, C10 and C13 (spec 07-variant.md): the variant of gradient descent (A7.1) recovers the
 * truth at a fixed width while d grows; vanilla GD with m = r gets stuck; components are fitted in
 * decreasing order of their coefficients; the final error sits on the λ floor E7.6. The measurements are
 * the studies of the experiments module (E7.5 {@link RecoveryExperiment}, E7.7 {@link VanillaStuckStudy},
 * E7.8 {@link DeflationStudy}, E7.6 {@link FloorStudy}) at the smallest sizes that show each claim; this
 * suite holds only the thresholds and the assertions. The rates measured when the thresholds were chosen
 * are in spec/07-variant.md ({@code beyondlazy experiment variant-rates} regenerates them).
 */
public abstract class VariantClaims implements BackendUnderTest {
    /** C8: the lazy residual must grow by at least this much (median) from the smallest to the largest d. */
    public static final double C8_LAZY_GROWTH = 0.3;
    /**
     * C8: Wilson 95% lower bound required for the rate of runs reaching ε, per d, on seeds ClaimSettings.seed() + 0 … 29
     * ({@link RecoveryExperiment#QUICK_SEEDS}; independent of seeds 0..99, where the rates were 97/100 and 98/100, Wilson
     * [0.915, 0.990] and [0.930, 0.994]). With 30 seeds it requires 24 successes; at the fresh-seed rate
     * ({@link #C8_FRESH}) a d fails with probability 0.07% ({@link WilsonSizing}; 20 seeds would give 1.8%).
     */
    public static final double C8_MIN_LOWER = 0.6;

    /** C9 at m = r: seeds ClaimSettings.seed() + 0 … 59 (independent of seeds 0..99, on which the bounds were chosen). */
    public static final int C9_SEEDS = 60;
    /**
     * C9: Wilson 95% lower bound required for the rate of m = r runs stuck at an approximate second-order
     * stationary point (measured 60/100 on seeds 0..99, Wilson [0.50, 0.69]).
     */
    public static final double C9_MIN_STATIONARY_LOWER = 0.35;
    /** C9: Wilson lower bound required for the fraction of those that are degenerate saddles (measured 60/60). */
    public static final double C9_MIN_SADDLE_LOWER = 0.8;
    /**
     * C9 at m = 3r: seeds ClaimSettings.seed() + 0 … 99. More than at m = r: at the fresh-seed rate
     * ({@link #C9_WIDE_FRESH}) 60 seeds would fail the bound below with probability 8.7% ({@link WilsonSizing}).
     */
    public static final int C9_WIDE_SEEDS = 100;
    /** C9: Wilson lower bound required for the success rate at m = 3r (measured 100/100 on seeds 0..99). */
    public static final double C9_MIN_WIDE_LOWER = 0.85;

    /** C10 at l = 3: seeds ClaimSettings.seed() + 0 … 59 (independent of seeds 0..99, on which the bound was chosen). */
    public static final int C10_SEEDS = 60;
    /** C10 at l = 3: Wilson 95% lower bound required for ordered-with-staircase runs (measured 92/100, Wilson [0.85, 0.96]). */
    public static final double C10_MIN_LOWER = 0.7;
    /** C10 at l = 4 (G21's setting): seeds ClaimSettings.seed() + 0 … 29. */
    public static final int C10_ORDER4_SEEDS = 30;
    /** C10 at l = 4: Wilson lower bound required (see spec/07-variant.md for the rate measured on seeds 0..23). */
    public static final double C10_ORDER4_MIN_LOWER = 0.6;

    /**
     * A rate measured on fresh seeds F … F + n − 1 by {@code beyondlazy experiment variant-rates --from F --seeds n}
     * (reference backend), far from the tuning seeds 0..99 and from the seeds the kit runs: the rate the seed counts
     * above are sized for ({@link WilsonSizing}).
     */
    public record FreshRate(String what, int successes, int seeds, long firstSeed) {
        public double rate() {
            return (double) successes / seeds;
        }
    }

    private static final long FRESH_FROM = 7_000_000L;
    private static final int FRESH_SEEDS = 500;
    private static final int FRESH_C8_OK = 474;
    private static final int FRESH_C9_STATIONARY_OK = 371;
    private static final int FRESH_C9_SADDLE_OK = 369;
    private static final int FRESH_C9_WIDE_OK = 486;
    private static final int FRESH_C10_OK = 470;
    private static final int FRESH_C10_ORDER4_OK = 472;

    /** Fresh rate of C8's quick setting at d = 6 (the lower of its two d; d = 12: 495/500). */
    public static final FreshRate C8_FRESH = new FreshRate("C8 R1+M1 d=6", FRESH_C8_OK, FRESH_SEEDS, FRESH_FROM);
    /** Fresh rate of C9's m = r runs stuck at a second-order stationary point. */
    public static final FreshRate C9_STATIONARY_FRESH = new FreshRate("C9 m=r stuck at a second-order stationary point", FRESH_C9_STATIONARY_OK, FRESH_SEEDS, FRESH_FROM);
    /** Fresh rate of degenerate saddles among C9's stationary runs (out of the stationary ones). */
    public static final FreshRate C9_SADDLE_FRESH = new FreshRate("C9 of those, degenerate saddles", FRESH_C9_SADDLE_OK, FRESH_C9_STATIONARY_OK, FRESH_FROM);
    /** Fresh rate of C9's m = 3r successes. */
    public static final FreshRate C9_WIDE_FRESH = new FreshRate("C9 m=3r success", FRESH_C9_WIDE_OK, FRESH_SEEDS, FRESH_FROM);
    /** Fresh rate of C10 at l = 3 (ordered with the staircase). */
    public static final FreshRate C10_FRESH = new FreshRate("C10 ordered with staircase", FRESH_C10_OK, FRESH_SEEDS, FRESH_FROM);
    /** Fresh rate of C10 at l = 4. */
    public static final FreshRate C10_ORDER4_FRESH = new FreshRate("C10 l=4 fitted components ordered with staircase", FRESH_C10_ORDER4_OK, FRESH_SEEDS, FRESH_FROM);

    /** C13: seeds ClaimSettings.seed() + 0 … 9 per λ. */
    public static final int C13_SEEDS = 10;
    /** C13: at least this many of them must fit every component, so that the floor is checked on enough runs. */
    public static final int C13_MIN_FITTED = 5;
    /** C13: |final error / E7.6 prediction − 1|: convergence to the fixed point in finite time (measured &lt; 1e-5). */
    public static final double C13_REL = 0.01;

    /**
     * The backend whose tangent space gives C8's ρ_lazy column (E5.7), or {@code null} to leave the column
     * out (the lazy-regime section is optional for a backend).
     */
    protected Backend lazyBackend() {
        return null;
    }

    /** Threads for the multi-seed runs (runs are independent; one objective per run). */
    protected int threads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    @Test
    @Tag("C8")
    @SpecRef("C8")
    void variantRecoversAtFixedWidthWhileTheDimensionGrows() {
        List<RecoveryExperiment.Row> rows = new ArrayList<>();
        for (int d : RecoveryExperiment.QUICK_DIMS) {
            rows.add(RecoveryExperiment.run(backend(), RecoveryExperiment.Setting.quick(d), ClaimSettings.seed(),
                    RecoveryExperiment.QUICK_SEEDS, lazyBackend(), threads()));
        }
        String table = Tables.recovery(rows);
        ClaimOutput.println("C8 on " + backend().name() + ", " + RecoveryExperiment.quickConfig() + "\n" + table);
        for (RecoveryExperiment.Row row : rows) {
            SuccessRate rate = new SuccessRate("C8 l=" + row.order() + " d=" + row.dim() + " m=" + row.width()
                    + " rel. error <= " + RecoveryExperiment.EPSILON);
            for (int s = 0; s < row.errors().length; s++) {
                rate.record(ClaimSettings.seed() + s, row.errors()[s] <= RecoveryExperiment.EPSILON);
            }
            ClaimOutput.println(rate);
            assertThat(rate.wilson().getLowerBound()).as("%s%n%s", rate, table).isGreaterThanOrEqualTo(C8_MIN_LOWER);
        }
        if (lazyBackend() != null) {
            double first = rows.get(0).lazyMedian();
            double last = rows.get(rows.size() - 1).lazyMedian();
            assertThat(last - first).as("lazy residual grows with d at fixed m%n%s", table).isGreaterThanOrEqualTo(C8_LAZY_GROWTH);
        } else {
            ClaimOutput.println("C8: lazy residual column not computed (no lazy backend bound)");
        }
    }

    @Test
    @Tag("C9")
    @SpecRef("C9")
    void vanillaGradientDescentWithMEqualToRStallsAtDegenerateSaddles() {
        SuccessRate stationary = new SuccessRate("C9 vanilla GD m = r = " + VanillaStuckStudy.RANK + ", stuck (relative loss >= "
                + VanillaStuckStudy.STUCK_LOSS + " after " + VanillaStuckStudy.STEPS_NARROW + " steps) at a second-order stationary point");
        SuccessRate saddle = new SuccessRate("C9 of those, a degenerate saddle (a kick of " + VanillaStuckStudy.KICK
                + " along the worst-fitted truth direction lowers the relative loss by >= " + VanillaStuckStudy.ESCAPE_DROP + ")");
        SuccessRate wide = new SuccessRate("C9 vanilla GD m = " + VanillaStuckStudy.WIDE + ", relative loss <= "
                + VanillaStuckStudy.SUCCESS_LOSS + " after " + VanillaStuckStudy.STEPS_WIDE + " steps");
        long base = ClaimSettings.seed();
        for (long s = base; s < base + C9_SEEDS; s++) {
            VanillaStuckStudy.Run run = VanillaStuckStudy.run(backend(), VanillaStuckStudy.RANK, VanillaStuckStudy.STEPS_NARROW, s, true);
            stationary.record(s, run.stationary());
            if (run.stationary()) {
                saddle.record(s, run.degenerateSaddle());
            }
        }
        for (long s = base; s < base + C9_WIDE_SEEDS; s++) {
            wide.record(s, VanillaStuckStudy.wideSucceeds(backend(), s));
        }
        ClaimOutput.println(stationary);
        ClaimOutput.println(saddle);
        ClaimOutput.println(wide);
        assertThat(stationary.wilson().getLowerBound()).as(stationary.toString()).isGreaterThanOrEqualTo(C9_MIN_STATIONARY_LOWER);
        assertThat(saddle.wilson().getLowerBound()).as(saddle.toString()).isGreaterThanOrEqualTo(C9_MIN_SADDLE_LOWER);
        assertThat(wide.wilson().getLowerBound()).as(wide.toString()).isGreaterThanOrEqualTo(C9_MIN_WIDE_LOWER);
    }

    @Test
    @Tag("C10")
    @SpecRef("C10")
    void componentsAreFittedInDecreasingOrderOfTheirCoefficients() {
        SuccessRate rate = new SuccessRate("C10 l=3 fitted in decreasing order of c* with plateaus within "
                + DeflationStudy.PLATEAU_REL + " of the remaining mass");
        StringBuilder log = new StringBuilder();
        long base = ClaimSettings.seed();
        for (long s = base; s < base + C10_SEEDS; s++) {
            DeflationStudy.Deflation result = DeflationStudy.run(backend(), s);
            rate.record(s, result.ordered() && result.plateausMatch());
            log.append(String.format(Locale.ROOT, "seed %d: fit steps %s, plateau ||T-T*||^2 %s vs %s%n", s,
                    Arrays.toString(result.fitSteps()), Arrays.toString(result.plateaus()), Arrays.toString(result.expected())));
        }
        ClaimOutput.println(rate);
        assertThat(rate.wilson().getLowerBound()).as("%s%n%s", rate, log).isGreaterThanOrEqualTo(C10_MIN_LOWER);
    }

    @Test
    @Tag("C10")
    @SpecRef("C10")
    void atOrderFourTheFittedComponentsComeInDecreasingOrderOfTheirCoefficients() {
        DeflationStudy.Setting setting = DeflationStudy.order4();
        SuccessRate rate = new SuccessRate("C10 l=4 (G21: orthonormal, distinct c*, delta = " + setting.config().delta()
                + ", eta = " + setting.config().eta() + ", one epoch) fitted components in decreasing order of c* with the staircase");
        StringBuilder log = new StringBuilder();
        long base = ClaimSettings.seed();
        for (long s = base; s < base + C10_ORDER4_SEEDS; s++) {
            DeflationStudy.Deflation result = DeflationStudy.run(backend(), setting, s);
            rate.record(s, result.orderedAmongFitted() && result.plateausMatchFitted(setting.coefficients()));
            log.append(String.format(Locale.ROOT, "seed %d: fit steps %s, plateaus %s%n", s, Arrays.toString(result.fitSteps()),
                    Arrays.toString(result.plateaus())));
        }
        ClaimOutput.println(rate);
        assertThat(rate.wilson().getLowerBound()).as("%s%n%s", rate, log).isGreaterThanOrEqualTo(C10_ORDER4_MIN_LOWER);
    }

    @Test
    @Tag("C13")
    @SpecRef("C13")
    void finalErrorSitsOnTheRegularizationFloor() {
        double worst = 0;
        List<String> unfitted = new ArrayList<>();
        for (double lambda : FloorStudy.lambdas()) {
            int fitted = 0;
            for (long s = ClaimSettings.seed(); s < ClaimSettings.seed() + C13_SEEDS; s++) {
                FloorStudy.Run run = FloorStudy.run(backend(), lambda, s);
                if (!run.fitted()) {
                    unfitted.add(String.format(Locale.ROOT, "lambda=%s seed %d (final %.3g)", lambda, s, run.finalError()));
                    continue;
                }
                fitted++;
                worst = Math.max(worst, run.deviation());
                assertThat(run.deviation()).as("C13 lambda=%s seed %d on %s: final %s vs predicted %s",
                        lambda, s, backend().name(), run.finalError(), run.predicted()).isLessThanOrEqualTo(C13_REL);
            }
            assertThat(fitted).as("C13 lambda=%s: runs that fitted every component (the claim is judged on them)", lambda)
                    .isGreaterThanOrEqualTo(C13_MIN_FITTED);
        }
        ClaimOutput.printf(Locale.ROOT, "C13 on %s: max |final/predicted - 1| = %.2e over the fitted runs of %d lambdas x %d seeds; "
                + "not fitted (C8's business): %s%n", backend().name(), worst, FloorStudy.lambdas().length, C13_SEEDS, unfitted);
    }
}
