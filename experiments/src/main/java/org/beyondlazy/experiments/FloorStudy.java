package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;

/**
 * The regularization floor of claim C13 (spec E7.6): for an orthonormal truth whose r components are all
 * fitted, the variant's fixed point has relative error √r·λ/(2‖T*‖_F). The measurement: l = 3, d = 6,
 * m = 10, orthonormal truth (A3.4) with r = 3, c* = 1/3 from seed {@link #TRUTH_SEED_OFFSET} + s, the
 * variant (A7.1) with H = 1000, K = 4 and seed s, for each λ of {@link #LAMBDAS}. Prints nothing.
 */
@SpecRef("E7.6")
public final class FloorStudy {
    public static final int ORDER = 3;
    public static final int DIM = 6;
    public static final int WIDTH = 10;
    public static final int RANK = 3;
    public static final double COEFFICIENT = 1.0 / 3;
    private static final double[] LAMBDAS = {1e-3, 4e-3, 1.6e-2};
    public static final int STEPS_PER_EPOCH = 1000;
    public static final int EPOCHS = 4;
    /** Truth seed = this + run seed. */
    public static final long TRUTH_SEED_OFFSET = 4000L;

    private FloorStudy() {
    }

    /** The λ values of the measurement (a fresh array). */
    public static double[] lambdas() {
        return LAMBDAS.clone();
    }

    /** E7.6: the λ floor √r·λ/(2‖T*‖_F) of the relative error for an orthonormal truth. */
    @SpecRef("E7.6")
    public static double floor(FactoredTruth truth, double lambda) {
        return Math.sqrt(truth.rank()) * lambda / (2 * Math.sqrt(truth.normSquared()));
    }

    /**
     * One run.
     *
     * @param lambda     λ
     * @param seed       run seed s
     * @param finalError the variant's final relative error
     * @param predicted  E7.6's floor for the truth of seed s
     */
    public record Run(double lambda, long seed, double finalError, double predicted) {
        /** final / predicted. */
        public double ratio() {
            return finalError / predicted;
        }

        /** |final / predicted − 1|. */
        public double deviation() {
            return Math.abs(ratio() - 1);
        }

        /**
         * Every component fitted: final relative error ≤ {@link #FITTED_ERROR}, far above the floor (≤ 1.5e-2 here)
         * and far below the 1/√3 ≈ 0.58 of one of the three equal components missing. The floor of E7.6 is the
         * fixed point of a run that fitted them all; a run that did not is C8's business, not C13's.
         */
        public boolean fitted() {
            return finalError <= FITTED_ERROR;
        }
    }

    /** Largest final relative error of a run that fitted every component (see {@link Run#fitted()}). */
    public static final double FITTED_ERROR = 0.1;


    /** The run of λ on seed s. */
    public static Run run(Backend backend, double lambda, long seed) {
        VariantConfig config = VariantConfig.defaults().withWidth(WIDTH).withLambda(lambda).withStepsPerEpoch(STEPS_PER_EPOCH)
                .withEpochs(EPOCHS);
        FactoredTruth truth = Generators.truth(TRUTH_SEED_OFFSET + seed, ORDER, DIM, Generators.constant(RANK, COEFFICIENT), true);
        double error = new VariantGradientDescent(config).run(backend, truth, seed).finalRelativeError();
        return new Run(lambda, seed, error, floor(truth, lambda));
    }

    /** Every λ of {@link #LAMBDAS} on seeds 0..seeds−1, λ-major. */
    public static List<Run> run(Backend backend, int seeds) {
        List<Run> runs = new ArrayList<>();
        for (double lambda : LAMBDAS) {
            for (long s = 0; s < seeds; s++) {
                runs.add(run(backend, lambda, s));
            }
        }
        return List.copyOf(runs);
    }
}
