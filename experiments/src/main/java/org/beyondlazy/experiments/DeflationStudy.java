package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.StepObserver;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;

/**
 * The deflation measurement of claim C10 (spec E7.8): orthonormal truth (A3.4), l = 3, d = 6,
 * c* = (1, 0.5, 0.25), truth seed {@link #TRUTH_SEED_OFFSET} + s; the variant (A7.1) with m = 12, δ = 1e-4,
 * η = 0.1, λ = 1e-4, H = 1000, K = 3, seed s. Before every all-component step it records the residual
 * along each truth direction, G(u_j^{⊗l}) = c_j* − Σ_i a_i ρ_i² (w̄_i·u_j*)^l, and ‖T − T*‖² = 2f − λ‖W‖².
 * Prints nothing.
 */
@SpecRef("E7.8")
public final class DeflationStudy {
    public static final int ORDER = 3;
    public static final int DIM = 6;
    public static final int WIDTH = 12;
    /** Distinct coefficients, ratio 2. */
    private static final double[] COEFFS = {1.0, 0.5, 0.25};
    /** Small δ makes the plateaus long (time to fit ≈ log(c/δ²)/(4c)). */
    public static final double DELTA = 1e-4;
    public static final double ETA = 0.1;
    public static final double LAMBDA = 1e-4;
    public static final int STEPS_PER_EPOCH = 1000;
    public static final int EPOCHS = 3;
    /** Truth seed = this + run seed. */
    public static final long TRUTH_SEED_OFFSET = 3000L;
    /** A component is fitted once |G(u_j^{⊗l})| is below this fraction of its coefficient c_j*. */
    public static final double FIT_FRACTION = 0.5;
    /** E7.8's staircase prediction holds to within 10% of Σ_{i ≥ j} c_i*². */
    public static final double PLATEAU_REL = 0.1;

    private DeflationStudy() {
    }

    /** c* of E7.8 (a fresh array). */
    public static double[] coefficients() {
        return COEFFS.clone();
    }

    /** The variant's options of E7.8. */
    public static VariantConfig config() {
        return VariantConfig.defaults().withWidth(WIDTH).withDelta(DELTA).withEta(ETA).withLambda(LAMBDA)
                .withStepsPerEpoch(STEPS_PER_EPOCH).withEpochs(EPOCHS);
    }

    /**
     * The outcome of one deflation run.
     *
     * @param seed      the run seed s
     * @param fitSteps  per truth component j (coefficients in decreasing order), the first step at which
     *                  |G(u_j^{⊗l})| &lt; c_j/2, or −1
     * @param plateaus  ‖T − T*‖² at the midpoint between consecutive fit steps (the first from step 0);
     *                  NaN for an unfitted component
     * @param expected  Σ_{i ≥ j} c_i², the mass not yet fitted on plateau j
     * @param misfit    ‖T − T*‖² before every all-component step (the loss curve)
     */
    public record Deflation(long seed, long[] fitSteps, double[] plateaus, double[] expected, double[] misfit) {
        /** All fit steps exist and increase with j. */
        public boolean ordered() {
            for (int j = 0; j < fitSteps.length; j++) {
                if (fitSteps[j] < 0 || (j > 0 && fitSteps[j] <= fitSteps[j - 1])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * G21's order among the components that were fitted (the l = 4 setting, one epoch): at least two fit
         * steps exist and they increase with j over the fitted components; a component no small row was drawn
         * towards is skipped (re-initialization, not deflation, is what fits it).
         */
        public boolean orderedAmongFitted() {
            long last = -1;
            int fitted = 0;
            for (long step : fitSteps) {
                if (step >= 0) {
                    if (step <= last) {
                        return false;
                    }
                    last = step;
                    fitted++;
                }
            }
            return fitted >= 2;
        }

        /**
         * The staircase over the fitted components: before the k-th fitted component is fitted, ‖T − T*‖² at the
         * midpoint since the previous fit is within {@link #PLATEAU_REL} of the mass not yet fitted,
         * Σ c_i*² over the components not fitted before it.
         */
        public boolean plateausMatchFitted(double[] coefficients) {
            for (int j = 0; j < fitSteps.length; j++) {
                if (fitSteps[j] < 0) {
                    continue;
                }
                double remaining = 0;
                for (int i = 0; i < fitSteps.length; i++) {
                    if (fitSteps[i] < 0 || fitSteps[i] >= fitSteps[j]) {
                        remaining += coefficients[i] * coefficients[i];
                    }
                }
                if (!(Math.abs(plateaus[j] - remaining) <= PLATEAU_REL * remaining)) {
                    return false;
                }
            }
            return true;
        }

        /** Every plateau within {@link #PLATEAU_REL} of its prediction. */
        public boolean plateausMatch() {
            for (int j = 0; j < plateaus.length; j++) {
                if (!(Math.abs(plateaus[j] - expected[j]) <= PLATEAU_REL * expected[j])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** E7.8 with its own options on seed s. */
    public static Deflation run(Backend backend, long seed) {
        return run(backend, config(), seed);
    }

    /**
     * A deflation setting: an orthonormal truth (A3.4) of order l in dimension d with distinct coefficients
     * and the variant's options.
     *
     * @param coefficients c*, in decreasing order; copied
     */
    public record Setting(String name, int order, int dim, double[] coefficients, VariantConfig config) {
        public Setting {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }
    }

    /** E7.8 itself: l = 3, d = 6, c* = (1, 0.5, 0.25). */
    public static Setting order3() {
        return new Setting("E7.8 l=3", ORDER, DIM, COEFFS, config());
    }

    /**
     * G21's own setting at l = 4 (E7.8, second paragraph): orthonormal components with distinct coefficients
     * (1, 0.5, 0.25) in d = {@link #DIM}, small initialization δ = {@link #ORDER4_DELTA}, small steps
     * η = {@link #ORDER4_ETA}, one epoch of {@link #ORDER4_STEPS_PER_EPOCH} steps (no re-initialization: the order
     * of deflation is a property of one run of the dynamics), m and λ as at l = 3.
     */
    public static Setting order4() {
        return new Setting("E7.8 l=4", 4, DIM, COEFFS, config().withEta(ORDER4_ETA).withDelta(ORDER4_DELTA)
                .withStepsPerEpoch(ORDER4_STEPS_PER_EPOCH).withEpochs(1));
    }

    /** l = 4: the step size (small steps, as in G21). */
    public static final double ORDER4_ETA = 0.05;
    /** l = 4: a smaller initialization than at l = 3, so that the plateaus are long against the transitions. */
    public static final double ORDER4_DELTA = 1e-6;
    /** l = 4: one epoch of this many steps (on seeds 0..11 the last fit came at step 765). */
    public static final int ORDER4_STEPS_PER_EPOCH = 1000;

    /** E7.8's measurement with other options of the variant (same truth), on seed s. */
    public static Deflation run(Backend backend, VariantConfig config, long seed) {
        return run(backend, new Setting("E7.8 l=3", ORDER, DIM, COEFFS, config), seed);
    }

    /** The measurement of E7.8 in {@code setting} on seed s. */
    public static Deflation run(Backend backend, Setting setting, long seed) {
        VariantConfig config = setting.config();
        FactoredTruth truth = Generators.truth(TRUTH_SEED_OFFSET + seed, setting.order(), setting.dim(), setting.coefficients(), true);
        int r = truth.rank();
        int d = truth.dim();
        int m = config.width();
        long[] fit = new long[r];
        Arrays.fill(fit, -1);
        List<Double> misfit = new ArrayList<>();
        StepObserver observer = (step, epoch, signs, theta, loss) -> {
            double w2 = 0;
            for (double x : theta) {
                w2 += x * x;
            }
            misfit.add(2 * loss - config.lambda() * w2); // ‖T − T*‖² = 2f − λ‖W‖²
            for (int j = 0; j < r; j++) {
                // G(u_j^{⊗l}) = c_j − Σ_i a_i ρ_i² (w̄_i·u_j)^l for orthonormal u*
                double fitted = 0;
                for (int i = 0; i < m; i++) {
                    double rho2 = 0;
                    double dot = 0;
                    for (int a = 0; a < d; a++) {
                        rho2 += theta[i * d + a] * theta[i * d + a];
                        dot += theta[i * d + a] * truth.factors()[j * d + a];
                    }
                    if (rho2 > 0) {
                        fitted += signs[i] * rho2 * Math.pow(dot / Math.sqrt(rho2), truth.order());
                    }
                }
                if (fit[j] < 0 && Math.abs(truth.coeffs()[j] - fitted) < FIT_FRACTION * truth.coeffs()[j]) {
                    fit[j] = step;
                }
            }
        };
        new VariantGradientDescent(config).run(backend, truth, seed, observer);
        double[] plateaus = new double[r];
        double[] expected = new double[r];
        long previous = 0;
        for (int j = 0; j < r; j++) {
            for (int k = j; k < r; k++) {
                expected[j] += truth.coeffs()[k] * truth.coeffs()[k];
            }
            if (fit[j] < 0) {
                plateaus[j] = Double.NaN;
                continue;
            }
            int mid = (int) ((previous + fit[j]) / 2);
            plateaus[j] = misfit.get(Math.min(mid, misfit.size() - 1));
            previous = fit[j];
        }
        return new Deflation(seed, fit, plateaus, expected, misfit.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
