package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;

/**
 * The measured rates of spec/07-variant.md ("Measured rates"), the numbers the thresholds of the C8, C9,
 * C10 and C13 properties are set below: the quick recovery experiment (E7.5) under every option
 * combination R1/R2 × M1/M2, the stuck and success rates of vanilla GD (E7.7), the deflation order and
 * staircase (E7.8) and the worst deviation from the λ floor (E7.6), over seeds F..F+n−1 (F = 0 for the
 * seeds the thresholds were chosen on; a far-off F for fresh seeds, on which the properties' seed counts are
 * sized) with the same code and settings as the properties. Prints nothing.
 */
@SpecRef({"E7.5", "E7.6", "E7.7", "E7.8"})
public final class VariantRates {
    private VariantRates() {
    }

    /**
     * The outcome.
     *
     * @param backend     the backend's name
     * @param firstSeed   F
     * @param seeds       n
     * @param rates       every counted rate, in the order of the spec's table
     * @param floorWorst  per λ of {@link FloorStudy#lambdas()}: max of |final/E7.6 − 1| over the runs that fit every
     *                    component (C13 judges only those; 0 when none does)
     * @param floorFitted per λ: how many of the seeds' runs fit every component
     */
    public record Result(String backend, long firstSeed, int seeds, List<Rate> rates, double[] floorWorst, int[] floorFitted) {
    }

    /** Runs every measurement over seeds firstSeed … firstSeed + seeds − 1; the recovery rows in {@code threads} threads. */
    public static Result measure(Backend backend, long firstSeed, int seeds, int threads) {
        long end = firstSeed + seeds;
        List<Rate> rates = new ArrayList<>();
        for (ReinitRule rule : ReinitRule.values()) {
            for (ModeSwitch mode : ModeSwitch.values()) {
                for (int d : RecoveryExperiment.QUICK_DIMS) {
                    RecoveryExperiment.Setting quick = RecoveryExperiment.Setting.quick(d);
                    RecoveryExperiment.Setting setting = new RecoveryExperiment.Setting(quick.order(), d,
                            quick.config().withReinit(rule).withMode(mode));
                    RecoveryExperiment.Row row = RecoveryExperiment.run(backend, setting, firstSeed, seeds, null, threads);
                    List<Long> failing = new ArrayList<>();
                    for (int s = 0; s < seeds; s++) {
                        if (!(row.errors()[s] <= RecoveryExperiment.EPSILON)) {
                            failing.add(firstSeed + s);
                        }
                    }
                    rates.add(new Rate("C8 " + rule.id() + "+" + mode.id() + " d=" + d, seeds, failing));
                }
            }
        }
        List<Long> notStuck = new ArrayList<>();
        List<Long> notStationary = new ArrayList<>();
        List<Long> stationary = new ArrayList<>();
        List<Long> notSaddle = new ArrayList<>();
        List<Long> wideFailed = new ArrayList<>();
        for (long s = firstSeed; s < end; s++) {
            VanillaStuckStudy.Run narrow = VanillaStuckStudy.run(backend, VanillaStuckStudy.RANK, VanillaStuckStudy.STEPS_NARROW, s, true);
            if (!narrow.stuck()) {
                notStuck.add(s);
            }
            if (!narrow.stationary()) {
                notStationary.add(s);
            } else {
                stationary.add(s);
                if (!narrow.degenerateSaddle()) {
                    notSaddle.add(s);
                }
            }
            if (!VanillaStuckStudy.wideSucceeds(backend, s)) {
                wideFailed.add(s);
            }
        }
        rates.add(new Rate("C9 m=r stuck", seeds, notStuck));
        rates.add(new Rate("C9 m=r stuck at a second-order stationary point", seeds, notStationary));
        rates.add(new Rate("C9 of those, degenerate saddles", stationary.size(), notSaddle));
        rates.add(new Rate("C9 m=3r success", seeds, wideFailed));
        List<Long> unordered = new ArrayList<>();
        List<Long> noStaircase = new ArrayList<>();
        for (long s = firstSeed; s < end; s++) {
            DeflationStudy.Deflation run = DeflationStudy.run(backend, s);
            if (!run.ordered()) {
                unordered.add(s);
            }
            if (!(run.ordered() && run.plateausMatch())) {
                noStaircase.add(s);
            }
        }
        rates.add(new Rate("C10 ordered", seeds, unordered));
        rates.add(new Rate("C10 ordered with staircase", seeds, noStaircase));
        DeflationStudy.Setting order4 = DeflationStudy.order4();
        List<Long> order4Failed = new ArrayList<>();
        for (long s = firstSeed; s < end; s++) {
            DeflationStudy.Deflation run = DeflationStudy.run(backend, order4, s);
            if (!(run.orderedAmongFitted() && run.plateausMatchFitted(order4.coefficients()))) {
                order4Failed.add(s);
            }
        }
        rates.add(new Rate("C10 l=4 fitted components ordered with staircase", seeds, order4Failed));
        double[] lambdas = FloorStudy.lambdas();
        double[] worst = new double[lambdas.length];
        int[] fitted = new int[lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            for (long s = firstSeed; s < end; s++) {
                FloorStudy.Run run = FloorStudy.run(backend, lambdas[k], s);
                if (run.fitted()) {
                    fitted[k]++;
                    worst[k] = Math.max(worst[k], run.deviation());
                }
            }
        }
        return new Result(backend.name(), firstSeed, seeds, List.copyOf(rates), worst, fitted);
    }
}
