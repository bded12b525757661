package org.beyondlazy.properties;

import java.util.Locale;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.RecoveryExperiment;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * Regenerates the measured rates of spec/07-variant.md (the numbers the thresholds of {@link VariantClaims}
 * are set below) on the reference, with the suite's own code and settings, over seeds 0..n−1. Not a test.
 *
 * <p>Run after {@code mvn -o -q -pl properties -am test-compile}:
 * <pre>
 * mvn -o -q -pl properties dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp core/target/classes:reference/target/classes:properties/target/classes:properties/target/test-classes:$(cat cp.txt) \
 *     org.beyondlazy.properties.VariantMeasurements 100
 * </pre>
 */
public final class VariantMeasurements {
    private VariantMeasurements() {
    }

    public static void main(String[] args) {
        Backend backend = new ReferenceBackend();
        VariantClaims claims = new VariantClaims() {
            @Override
            public Backend backend() {
                return backend;
            }
        };
        if (args.length > 0 && args[0].equals("curve")) {
            curve(claims, args.length > 1 ? Long.parseLong(args[1]) : 0L);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("Backend " + backend.name() + ", seeds 0.." + (n - 1));

        // C8 quick setting, every option combination
        for (ReinitRule rule : ReinitRule.values()) {
            for (ModeSwitch mode : ModeSwitch.values()) {
                VariantConfig config = VariantConfig.defaults().withWidth(VariantClaims.C8_WIDTH)
                        .withStepsPerEpoch(VariantClaims.C8_STEPS).withEpochs(VariantClaims.C8_EPOCHS)
                        .withTargetError(VariantClaims.C8_EPSILON).withReinit(rule).withMode(mode);
                for (int d : VariantClaims.C8_DIMS) {
                    RecoveryExperiment.Row row = RecoveryExperiment.run(backend, VariantClaims.C8_ORDER, d, 3, 1.0 / 3,
                            config, n, VariantClaims.C8_EPSILON, null, Runtime.getRuntime().availableProcessors());
                    SuccessRate rate = new SuccessRate("C8 " + rule.id() + "+" + mode.id() + " d=" + d);
                    for (int s = 0; s < n; s++) {
                        rate.record(s, row.errors()[s] <= VariantClaims.C8_EPSILON);
                    }
                    System.out.println(rate);
                }
            }
        }

        // C9
        SuccessRate stuck = new SuccessRate("C9 m=r stuck");
        SuccessRate wide = new SuccessRate("C9 m=3r success");
        for (long s = 0; s < n; s++) {
            stuck.record(s, claims.vanillaRelativeLoss(VariantClaims.C9_RANK, VariantClaims.C9_STEPS_NARROW, s) >= VariantClaims.C9_STUCK_LOSS);
            wide.record(s, claims.vanillaRelativeLoss(VariantClaims.C9_WIDE, VariantClaims.C9_STEPS_WIDE, s) <= VariantClaims.C9_SUCCESS_LOSS);
        }
        System.out.println(stuck + "\n" + wide);

        // C10
        VariantConfig deflation = VariantConfig.defaults().withWidth(VariantClaims.C10_WIDTH).withDelta(VariantClaims.C10_DELTA)
                .withEta(VariantClaims.C10_ETA).withLambda(VariantClaims.C10_LAMBDA).withStepsPerEpoch(VariantClaims.C10_STEPS)
                .withEpochs(VariantClaims.C10_EPOCHS);
        SuccessRate ordered = new SuccessRate("C10 ordered");
        SuccessRate staircase = new SuccessRate("C10 ordered with staircase");
        for (long s = 0; s < n; s++) {
            VariantClaims.Deflation result = claims.deflation(deflation, s);
            ordered.record(s, result.ordered());
            staircase.record(s, result.ordered() && result.plateausMatch());
        }
        System.out.println(ordered + "\n" + staircase);

        // C13
        for (double lambda : VariantClaims.C13_LAMBDAS) {
            VariantConfig config = VariantConfig.defaults().withWidth(VariantClaims.C13_WIDTH).withLambda(lambda)
                    .withStepsPerEpoch(VariantClaims.C13_STEPS).withEpochs(VariantClaims.C13_EPOCHS);
            double worst = 0;
            for (long s = 0; s < n; s++) {
                FactoredTruth truth = Generators.truth(4000 + s, VariantClaims.C13_ORDER, VariantClaims.C13_DIM,
                        Generators.constant(3, 1.0 / 3), true);
                double ratio = new VariantGradientDescent(config).run(backend, truth, s).finalRelativeError()
                        / VariantClaims.floor(truth, lambda);
                worst = Math.max(worst, Math.abs(ratio - 1));
            }
            System.out.printf(Locale.ROOT, "C13 lambda=%.1e: max |final/predicted - 1| = %.2e over %d seeds%n", lambda, worst, n);
        }
    }

    /** The C10 loss curve of one seed (argument {@code curve <seed>}): ‖T − T*‖² every 10 steps up to step 300. */
    static void curve(VariantClaims claims, long seed) {
        VariantConfig config = VariantConfig.defaults().withWidth(VariantClaims.C10_WIDTH).withDelta(VariantClaims.C10_DELTA)
                .withEta(VariantClaims.C10_ETA).withLambda(VariantClaims.C10_LAMBDA).withStepsPerEpoch(VariantClaims.C10_STEPS)
                .withEpochs(VariantClaims.C10_EPOCHS);
        VariantClaims.Deflation result = claims.deflation(config, seed);
        System.out.println("C10 seed " + seed + ": fit steps " + java.util.Arrays.toString(result.fitSteps())
                + ", staircase levels " + java.util.Arrays.toString(result.expected()) + "\n");
        System.out.println("| step | ‖T − T*‖² |");
        System.out.println("|---|---|");
        for (int k = 0; k <= 300 && k < result.misfit().length; k += 10) {
            System.out.printf(Locale.ROOT, "| %d | %.4f |%n", k, result.misfit()[k]);
        }
    }
}
