package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.variant.RecoveryExperiment;
import org.beyondlazy.core.variant.StepObserver;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.core.variant.VariantRun;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claims C8, C9, C10 and C13 (spec 07-variant.md): the variant of gradient descent (A7.1) recovers the
 * truth at a fixed width while d grows; vanilla GD with m = r gets stuck; components are fitted in
 * decreasing order of their coefficients; the final error sits on the λ floor E7.6. All are measured over
 * fixed seed sets at the smallest sizes that show the claim; the rates measured when the thresholds were
 * chosen are in spec/07-variant.md. Paper-scale sizes: {@code org.beyondlazy.fast.experiments.RecoveryTable}.
 */
public abstract class VariantClaims implements BackendUnderTest {
    // ---- C8 (quick profile) ----
    /** Order of the quick C8 run. */
    public static final int C8_ORDER = 3;
    /** Fixed width m: equal to m*(6, 3) = 10, so the lazy residual is 0 at d = 6 and large at d = 12. */
    public static final int C8_WIDTH = 10;
    /** Growing dimensions of the quick run. */
    public static final int[] C8_DIMS = {6, 12};
    /** Seeds per dimension (run seeds 0..19, truth seeds 1000 + s). */
    public static final int C8_SEEDS = 20;
    /** Steps per epoch and epochs of the quick run (enough at these sizes; E7.1's H = 3000, K = 8 are for d ≥ 10, m = 30). */
    public static final int C8_STEPS = 1000;
    public static final int C8_EPOCHS = 6;
    /** C8's error threshold: relative error ≤ 5e-3 (above the λ floor 1.5e-3 of E7.6 at λ = 1e-3). */
    public static final double C8_EPSILON = 5e-3;
    /** C8's required success rate. */
    public static final double C8_MIN_RATE = 0.9;
    /** The lazy residual must grow by at least this much (median) from the smallest to the largest d. */
    public static final double C8_LAZY_GROWTH = 0.3;

    // ---- C9 ----
    public static final int C9_DIM = 5;
    public static final int C9_RANK = 3;
    /** Over-parameterized width m = 3r. */
    public static final int C9_WIDE = 9;
    /** GD step (math.md §5's measured setting). */
    public static final double C9_ETA = 0.05;
    /** "Moderate" initialization: rows δ·v, v uniform unit, δ = 0.1. */
    public static final double C9_INIT_NORM = 0.1;
    /** Steps of the m = r runs (long, so "stuck" is not "slow"). */
    public static final int C9_STEPS_NARROW = 20000;
    /** Steps of the m = 3r runs. */
    public static final int C9_STEPS_WIDE = 5000;
    public static final int C9_SEEDS = 60;
    /** Stuck: relative loss ‖T − T*‖²/‖T*‖² ≥ 0.3 (one of r = 3 equal components missing is 1/3). */
    public static final double C9_STUCK_LOSS = 0.3;
    /** Success: relative loss ≤ 1e-4 (the wide runs reach ~1e-6 in 5000 steps). */
    public static final double C9_SUCCESS_LOSS = 1e-4;
    /** Required stuck rate at m = r (measured 61/100 on seeds 0..99, see the spec). */
    public static final double C9_MIN_STUCK_RATE = 0.45;
    /** Required success rate at m = 3r (measured 100/100). */
    public static final double C9_MIN_WIDE_RATE = 0.9;

    // ---- C10 ----
    public static final int C10_ORDER = 3;
    public static final int C10_DIM = 6;
    public static final int C10_WIDTH = 12;
    /** Distinct coefficients, ratio 2. */
    public static final double[] C10_COEFFS = {1.0, 0.5, 0.25};
    public static final int C10_SEEDS = 40;
    /** Small δ makes the plateaus long (time to fit ≈ log(c/δ²)/(4c)). */
    public static final double C10_DELTA = 1e-4;
    public static final double C10_ETA = 0.1;
    public static final double C10_LAMBDA = 1e-4;
    public static final int C10_STEPS = 1000;
    public static final int C10_EPOCHS = 3;
    /** Plateau tolerance: ‖T − T*‖² at a plateau's midpoint within 10% of Σ_{j not yet fitted} c_j². */
    public static final double C10_PLATEAU_REL = 0.1;
    /** Required rate of runs fitted in order with the staircase (measured 97/100 ordered). */
    public static final double C10_MIN_RATE = 0.85;

    // ---- C13 ----
    public static final int C13_ORDER = 3;
    public static final int C13_DIM = 6;
    public static final int C13_WIDTH = 10;
    public static final double[] C13_LAMBDAS = {1e-3, 4e-3, 1.6e-2};
    public static final int C13_SEEDS = 10;
    public static final int C13_STEPS = 1000;
    public static final int C13_EPOCHS = 4;
    /** |final error / E7.6 prediction − 1|: convergence to the fixed point in finite time (measured &lt; 1e-5). */
    public static final double C13_REL = 0.01;

    /** The lazy residual (issue 3) at the same (m, d), or {@code null} while it is pending. */
    protected RecoveryExperiment.LazyResidual lazyResidual() {
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
        VariantConfig config = VariantConfig.defaults().withWidth(C8_WIDTH).withStepsPerEpoch(C8_STEPS)
                .withEpochs(C8_EPOCHS).withTargetError(C8_EPSILON);
        List<RecoveryExperiment.Row> rows = new ArrayList<>();
        for (int d : C8_DIMS) {
            RecoveryExperiment.Row row = RecoveryExperiment.run(backend(), C8_ORDER, d, 3, 1.0 / 3, config, C8_SEEDS,
                    C8_EPSILON, lazyResidual(), threads());
            rows.add(row);
        }
        String table = RecoveryExperiment.markdown(rows);
        ClaimOutput.println("C8 on " + backend().name() + ", " + config + "\n" + table);
        for (RecoveryExperiment.Row row : rows) {
            SuccessRate rate = new SuccessRate("C8 l=" + C8_ORDER + " d=" + row.dim() + " m=" + C8_WIDTH
                    + " rel. error <= " + C8_EPSILON);
            for (int s = 0; s < row.errors().length; s++) {
                rate.record(s, row.errors()[s] <= C8_EPSILON);
            }
            assertThat(rate.rate()).as("%s%n%s", rate, table).isGreaterThanOrEqualTo(C8_MIN_RATE);
        }
        if (lazyResidual() != null) {
            double first = median(rows.get(0).lazy());
            double last = median(rows.get(rows.size() - 1).lazy());
            assertThat(last - first).as("lazy residual grows with d at fixed m%n%s", table).isGreaterThanOrEqualTo(C8_LAZY_GROWTH);
        } else {
            ClaimOutput.println("C8: lazy residual column pending (issue 3)");
        }
    }

    @Test
    @Tag("C9")
    @SpecRef("C9")
    void vanillaGradientDescentWithMEqualToRGetsStuck() {
        SuccessRate stuck = new SuccessRate("C9 vanilla GD m = r = " + C9_RANK + ", relative loss >= " + C9_STUCK_LOSS
                + " after " + C9_STEPS_NARROW + " steps");
        SuccessRate wide = new SuccessRate("C9 vanilla GD m = " + C9_WIDE + ", relative loss <= " + C9_SUCCESS_LOSS
                + " after " + C9_STEPS_WIDE + " steps");
        for (long s = 0; s < C9_SEEDS; s++) {
            stuck.record(s, vanillaRelativeLoss(C9_RANK, C9_STEPS_NARROW, s) >= C9_STUCK_LOSS);
            wide.record(s, vanillaRelativeLoss(C9_WIDE, C9_STEPS_WIDE, s) <= C9_SUCCESS_LOSS);
        }
        ClaimOutput.println(stuck + "\n" + wide);
        assertThat(stuck.rate()).as(stuck.toString()).isGreaterThanOrEqualTo(C9_MIN_STUCK_RATE);
        assertThat(wide.rate()).as(wide.toString()).isGreaterThanOrEqualTo(C9_MIN_WIDE_RATE);
    }

    /**
     * E7.7: vanilla GD (A4.1) on the plain model, λ = 0, orthonormal order-3 truth with c* = 1 (truth seed
     * 2000 + s), rows δ·v_i (v_i uniform unit from seed s); returns ‖T − T*‖²/‖T*‖² after {@code steps}.
     */
    @SpecRef("E7.7")
    public double vanillaRelativeLoss(int width, int steps, long seed) {
        FactoredTruth truth = Generators.truth(2000 + seed, 3, C9_DIM, Generators.constant(C9_RANK, 1.0), true);
        Objective f = backend().objective(Problem.of(ModelKind.PLAIN, width, 0.0, truth));
        RandomGenerator rng = Generators.rng(seed);
        double[] theta = new double[width * C9_DIM];
        for (int i = 0; i < width; i++) {
            double[] v = Generators.unitVector(rng, C9_DIM);
            for (int a = 0; a < C9_DIM; a++) {
                theta[i * C9_DIM + a] = C9_INIT_NORM * v[a];
            }
        }
        GradientDescent gd = new GradientDescent(C9_ETA);
        for (int k = 0; k < steps; k++) {
            gd.step(f, theta);
        }
        double r = f.residualNorm(theta);
        return r * r / truth.normSquared();
    }

    @Test
    @Tag("C10")
    @SpecRef("C10")
    void componentsAreFittedInDecreasingOrderOfTheirCoefficients() {
        VariantConfig config = VariantConfig.defaults().withWidth(C10_WIDTH).withDelta(C10_DELTA).withEta(C10_ETA)
                .withLambda(C10_LAMBDA).withStepsPerEpoch(C10_STEPS).withEpochs(C10_EPOCHS);
        SuccessRate rate = new SuccessRate("C10 fitted in decreasing order of c* with plateaus within "
                + C10_PLATEAU_REL + " of the remaining mass");
        StringBuilder log = new StringBuilder();
        for (long s = 0; s < C10_SEEDS; s++) {
            Deflation result = deflation(config, s);
            rate.record(s, result.ordered() && result.plateausMatch());
            log.append(String.format(Locale.ROOT, "seed %d: fit steps %s, plateau ||T-T*||^2 %s vs %s%n", s,
                    Arrays.toString(result.fitSteps()), Arrays.toString(result.plateaus()), Arrays.toString(result.expected())));
        }
        ClaimOutput.println(rate);
        assertThat(rate.rate()).as("%s%n%s", rate, log).isGreaterThanOrEqualTo(C10_MIN_RATE);
    }

    /**
     * The outcome of one deflation run (E7.8).
     *
     * @param fitSteps  per truth component j (coefficients in decreasing order), the first step at which
     *                  |G(u_j^{⊗l})| &lt; c_j/2, or −1
     * @param plateaus  ‖T − T*‖² at the midpoint between consecutive fit steps (the first from step 0)
     * @param expected  Σ_{i ≥ j} c_i², the mass not yet fitted on plateau j
     * @param misfit    ‖T − T*‖² before every all-component step (the loss curve)
     */
    public record Deflation(long[] fitSteps, double[] plateaus, double[] expected, double[] misfit) {
        public boolean ordered() {
            for (int j = 0; j < fitSteps.length; j++) {
                if (fitSteps[j] < 0 || (j > 0 && fitSteps[j] <= fitSteps[j - 1])) {
                    return false;
                }
            }
            return true;
        }

        public boolean plateausMatch() {
            for (int j = 0; j < plateaus.length; j++) {
                if (!(Math.abs(plateaus[j] - expected[j]) <= C10_PLATEAU_REL * expected[j])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Runs the variant on the orthonormal truth of seed 3000 + s with coefficients C10_COEFFS (E7.8). */
    @SpecRef("E7.8")
    public Deflation deflation(VariantConfig config, long seed) {
        FactoredTruth truth = Generators.truth(3000 + seed, C10_ORDER, C10_DIM, C10_COEFFS.clone(), true);
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
                if (fit[j] < 0 && Math.abs(truth.coeffs()[j] - fitted) < truth.coeffs()[j] / 2) {
                    fit[j] = step;
                }
            }
        };
        new VariantGradientDescent(config).run(backend(), truth, seed, observer);
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
        return new Deflation(fit, plateaus, expected, misfit.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    @Tag("C13")
    @SpecRef("C13")
    void finalErrorSitsOnTheRegularizationFloor() {
        StringBuilder log = new StringBuilder();
        double worst = 0;
        for (double lambda : C13_LAMBDAS) {
            VariantConfig config = VariantConfig.defaults().withWidth(C13_WIDTH).withLambda(lambda)
                    .withStepsPerEpoch(C13_STEPS).withEpochs(C13_EPOCHS);
            for (long s = 0; s < C13_SEEDS; s++) {
                FactoredTruth truth = Generators.truth(4000 + s, C13_ORDER, C13_DIM, Generators.constant(3, 1.0 / 3), true);
                VariantRun run = new VariantGradientDescent(config).run(backend(), truth, s);
                double predicted = floor(truth, lambda);
                double ratio = run.finalRelativeError() / predicted;
                worst = Math.max(worst, Math.abs(ratio - 1));
                log.append(String.format(Locale.ROOT, "lambda=%.1e seed %d: final %.4e predicted %.4e ratio %.6f%n",
                        lambda, s, run.finalRelativeError(), predicted, ratio));
                assertThat(Math.abs(ratio - 1)).as("C13 lambda=%s seed %d on %s: final %s vs predicted %s",
                        lambda, s, backend().name(), run.finalRelativeError(), predicted).isLessThanOrEqualTo(C13_REL);
            }
        }
        ClaimOutput.printf(Locale.ROOT, "C13 on %s: max |final/predicted - 1| = %.2e over %d lambdas x %d seeds%n",
                backend().name(), worst, C13_LAMBDAS.length, C13_SEEDS);
    }

    /** E7.6: the λ floor √r·λ/(2‖T*‖_F) of the relative error for an orthonormal truth. */
    @SpecRef("E7.6")
    public static double floor(FactoredTruth truth, double lambda) {
        return Math.sqrt(truth.rank()) * lambda / (2 * Math.sqrt(truth.normSquared()));
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
