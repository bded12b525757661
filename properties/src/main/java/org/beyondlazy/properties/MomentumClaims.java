package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.momentum.Envelope;
import org.beyondlazy.core.momentum.MomentumOdes;
import org.beyondlazy.core.momentum.MomentumOdes.Form;
import org.beyondlazy.core.optim.Nesterov;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claim C11 (momentum in the NTK regime, B21): with the kernel K = JᵀJ/σ₁² of the plain model's
 * linearization (E6.1; d = 4, l = 3, m = 3, W₀ with orthonormal rows, so K is positive definite with
 * eigenvalues 1 and 1/l), the GD and heavy-ball ODEs decay exponentially at their predicted rates, the
 * Nesterov 3/t ODE decays polynomially with amplitude-envelope log-log slope −3/2 (and equals the Bessel
 * solution of E6.4), while the discrete Nesterov iteration at a fixed step on the same linearized problem
 * converges linearly at the rate of E6.6 — the reason the claim is about the ODE.
 */
public abstract class MomentumClaims implements BackendUnderTest {
    public static final int DIM = 4;
    public static final int ORDER = 3;
    public static final int WIDTH = 3;
    /** Seeds of the kernel (W₀) and of e₀. */
    public static final long[] SEEDS = {1L, 2L, 3L};
    /** Integrator tolerances: far below the smallest amplitudes fitted (≥ 1e-9 of ‖e₀‖). */
    public static final double ABSOLUTE_TOLERANCE = 1e-15;
    public static final double RELATIVE_TOLERANCE = 1e-12;
    /** Output grid of the ODE samples: ≥ 60 samples per period of the fastest mode (period 2π). */
    public static final double SPACING = 0.1;
    /** Nesterov start t₀ (A6.1 step 1): the neglected Taylor terms are O(t₀⁶) ≈ 1e-24. */
    public static final double NESTEROV_START = 1e-4;
    /** Relative tolerance of a fitted exponential rate (GD: smooth decay; heavy ball: quasi-periodic window maxima). */
    public static final double GD_RATE_TOLERANCE = 0.02;
    public static final double HEAVY_BALL_RATE_TOLERANCE = 0.05;
    /** Tolerance on the Nesterov envelope's log-log slope −3/2 (finite-t corrections are O(1/t), measured ≤ 0.05). */
    public static final double NESTEROV_SLOPE_TOLERANCE = 0.1;
    /** |e(t) − Bessel solution| / ‖e₀‖ of E6.4: integrator error. */
    public static final double BESSEL_TOLERANCE = 1e-8;
    /** Kernel spectrum check: eigenvalues of K in [1/l, 1] (derived for orthonormal rows) up to round-off. */
    public static final double SPECTRUM_TOLERANCE = 1e-10;
    /** Discrete Nesterov: ηλ_min(JᵀJ) = this (η = 0.03/λ_max with λ_min/λ_max = 1/3). */
    public static final double DISCRETE_STEP_TIMES_LAMBDA_MIN = 0.01;
    /** Relative tolerance of the measured discrete log-rate against E6.6 (measured within 2%). */
    public static final double DISCRETE_RATE_TOLERANCE = 0.05;

    /** The kernel of E6.1 for a seed: K = JᵀJ/σ₁², with J the Jacobian matrix (A5.1) at orthonormal W₀ (A3.4). */
    double[][] kernel(long seed, TangentSpace[] out) {
        RandomGenerator rng = Generators.rng(seed);
        double[] w0 = Generators.orthonormalRows(rng, WIDTH, DIM);
        FactoredTruth truth = new FactoredTruth(ORDER, DIM, 1, Generators.unitVector(rng, DIM), new double[] {1.0});
        Problem p = new Problem(ModelKind.PLAIN, WIDTH, null, 0.0, truth);
        TangentSpace v = backend().tangentSpace(p, w0);
        out[0] = v;
        double[][] j = v.jacobianMatrix();
        double s1 = v.singularValues()[0];
        int n = WIDTH * DIM;
        double[][] k = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int row = 0; row < j.length; row++) {
                    s += j[row][a] * j[row][b];
                }
                k[a][b] = s / (s1 * s1);
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double mean = 0.5 * (k[a][b] + k[b][a]);
                k[a][b] = mean; // exact symmetry (the two sums round the same terms in different orders)
                k[b][a] = mean;
            }
        }
        return k;
    }

    static double[] initialError(long seed) {
        return Generators.unitVector(Generators.rng(seed ^ 0x5DEECE66DL), WIDTH * DIM);
    }

    static double[] eigenvalues(double[][] k) {
        return new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(k)).getEigenvalues();
    }

    @Test
    @Tag("C11")
    @SpecRef({"C11", "E6.2", "E6.3"})
    void gradientDescentAndHeavyBallOdesDecayExponentially() {
        MomentumOdes odes = new MomentumOdes(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);
        for (long seed : SEEDS) {
            double[][] k = kernel(seed, new TangentSpace[1]);
            double[] lambda = eigenvalues(k);
            double lambdaMin = lambda[lambda.length - 1];
            assertThat(lambda[0]).as("λ_max(K), seed %d", seed).isCloseTo(1.0, org.assertj.core.api.Assertions.within(SPECTRUM_TOLERANCE));
            assertThat(lambdaMin).as("λ_min(K) = 1/l (positive definite), seed %d", seed)
                    .isCloseTo(1.0 / ORDER, org.assertj.core.api.Assertions.within(SPECTRUM_TOLERANCE));
            double[] e0 = initialError(seed);

            // E6.2: ‖e(t)‖ ≤ e^{−λ_min t}‖e₀‖, and the late decay rate is λ_min
            List<MomentumOdes.Sample> gd = odes.integrate(Form.GRADIENT_DESCENT, k, e0, 0, 0, SPACING, 30.0);
            for (MomentumOdes.Sample s : gd) {
                assertThat(s.errorNorm()).as("GD ODE bound at t=%s, seed %d", s.time(), seed)
                        .isLessThanOrEqualTo(Math.exp(-lambdaMin * s.time()) * (1 + 1e-8));
            }
            double gdRate = -Envelope.logSlope(maxima(gd, Envelope.uniformEdges(15.0, 30.0, 1.0)));
            assertThat(gdRate).as("GD ODE decay rate vs λ_min=%s, seed %d", lambdaMin, seed)
                    .isCloseTo(lambdaMin, org.assertj.core.api.Assertions.within(GD_RATE_TOLERANCE * lambdaMin));

            // E6.3 with γ = √λ_min: every mode is under-damped, the envelope decays at γ/2
            double gamma = Math.sqrt(lambdaMin);
            List<MomentumOdes.Sample> hb = odes.integrate(Form.HEAVY_BALL, k, e0, gamma, 0, SPACING, 80.0);
            double hbRate = -Envelope.logSlope(maxima(hb, Envelope.uniformEdges(13.0, 78.0, 13.0)));
            assertThat(hbRate).as("heavy-ball ODE envelope decay rate vs γ/2=%s, seed %d", gamma / 2, seed)
                    .isCloseTo(gamma / 2, org.assertj.core.api.Assertions.within(HEAVY_BALL_RATE_TOLERANCE * gamma / 2));
            ClaimOutput.printf(Locale.ROOT, "C11 seed %d: λ_min=%.6f GD rate %.6f; heavy ball γ/2=%.6f rate %.6f%n", seed,
                    lambdaMin, gdRate, gamma / 2, hbRate);
        }
    }

    @Test
    @Tag("C11")
    @SpecRef({"C11", "E6.4", "E6.5"})
    void nesterovOdeDecaysPolynomiallyLikeBessel() {
        MomentumOdes odes = new MomentumOdes(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);
        for (long seed : SEEDS) {
            double[][] k = kernel(seed, new TangentSpace[1]);
            double[] e0 = initialError(seed);
            List<MomentumOdes.Sample> path = odes.integrate(Form.NESTEROV, k, e0, 0, NESTEROV_START, SPACING, 1500.0);
            // E6.4: e(t) = Σ_k 2J₁(√λ_k t)/(√λ_k t)·P_k e₀ (eigen-decomposition of K)
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(k));
            RealMatrix vectors = eig.getV();
            double[] lambda = eig.getEigenvalues();
            double worst = 0;
            for (MomentumOdes.Sample s : path) {
                if (s.time() > 200) {
                    break;
                }
                double[] exact = new double[e0.length];
                for (int c = 0; c < lambda.length; c++) {
                    double coefficient = 0;
                    for (int a = 0; a < e0.length; a++) {
                        coefficient += vectors.getEntry(a, c) * e0[a];
                    }
                    double mode = MomentumOdes.nesterovMode(lambda[c], s.time());
                    for (int a = 0; a < e0.length; a++) {
                        exact[a] += mode * coefficient * vectors.getEntry(a, c);
                    }
                }
                for (int a = 0; a < e0.length; a++) {
                    worst = Math.max(worst, Math.abs(s.error()[a] - exact[a]));
                }
            }
            assertThat(worst).as("max |e(t) − Bessel solution| on t ≤ 200, seed %d", seed).isLessThanOrEqualTo(BESSEL_TOLERANCE);
            // E6.5: envelope log-log slope −3/2 on an early and a late window (a power law: the same slope on both)
            double early = Envelope.logLogSlope(maxima(path, Envelope.geometricEdges(60.0, 300.0, 1.25)));
            double late = Envelope.logLogSlope(maxima(path, Envelope.geometricEdges(300.0, 1500.0, 1.25)));
            assertThat(early).as("Nesterov ODE envelope slope on [60, 300], seed %d", seed)
                    .isBetween(-1.5 - NESTEROV_SLOPE_TOLERANCE, -1.5 + NESTEROV_SLOPE_TOLERANCE);
            assertThat(late).as("Nesterov ODE envelope slope on [300, 1500], seed %d", seed)
                    .isBetween(-1.5 - NESTEROV_SLOPE_TOLERANCE, -1.5 + NESTEROV_SLOPE_TOLERANCE);
            ClaimOutput.printf(Locale.ROOT, "C11 seed %d: Nesterov ODE Bessel error %.2e, envelope slopes %.4f (early) %.4f (late)%n",
                    seed, worst, early, late);
        }
    }

    @Test
    @Tag("C11")
    @SpecRef({"C11", "E6.6"})
    void discreteNesterovAtAFixedStepConvergesLinearly() {
        for (long seed : SEEDS) {
            TangentSpace[] v = new TangentSpace[1];
            kernel(seed, v);
            double[] sv = v[0].singularValues();
            double lambdaMax = sv[0] * sv[0];
            double lambdaMin = sv[WIDTH * DIM - 1] * sv[WIDTH * DIM - 1];
            double eta = DISCRETE_STEP_TIMES_LAMBDA_MIN / lambdaMin;
            assertThat(eta * lambdaMax).as("stable step").isLessThan(1.0);
            RandomGenerator rng = Generators.rng(seed);
            double[] w0 = Generators.orthonormalRows(rng, WIDTH, DIM);
            FactoredTruth truth = new FactoredTruth(ORDER, DIM, 1, Generators.unitVector(rng, DIM), new double[] {1.0});
            Objective f = backend().linearizedObjective(new Problem(ModelKind.PLAIN, WIDTH, null, 0.0, truth), w0);
            int k1 = 2000;
            int k2 = 4000;
            int half = 100;
            double[] w = w0.clone();
            double[] g = new double[w.length];
            Nesterov nesterov = new Nesterov(eta);
            double max1 = 0;
            double max2 = 0;
            for (int k = 0; k <= k2 + half; k++) {
                f.valueAndGradient(w, g);
                double norm = Math.sqrt(dot(g, g)); // ‖∇f̄(w_k)‖ = ‖JᵀJ(w_k − w*)‖
                if (Math.abs(k - k1) <= half) {
                    max1 = Math.max(max1, norm);
                }
                if (Math.abs(k - k2) <= half) {
                    max2 = Math.max(max2, norm);
                }
                nesterov.step(f, w);
            }
            double measured = Math.log(max2 / max1);
            double q = 1 - eta * lambdaMin;
            double predicted = MomentumOdes.discreteNesterovLogRatio(eta * lambdaMin, k1, k2); // E6.6
            assertThat(measured).as("log(envelope(k2)/envelope(k1)) vs E6.6 %s, seed %d", predicted, seed)
                    .isCloseTo(predicted, org.assertj.core.api.Assertions.within(DISCRETE_RATE_TOLERANCE * Math.abs(predicted)));
            double perStep = Math.exp(measured / (k2 - k1));
            assertThat(perStep).as("per-step factor: linear convergence, bounded away from 1").isLessThan(Math.sqrt(q) + 1e-3);
            ClaimOutput.printf(Locale.ROOT, "C11 seed %d: discrete Nesterov ηλ_min=%.3f, log-ratio %.4f vs E6.6 %.4f, per-step %.6f vs √(1−ηλ)=%.6f%n",
                    seed, eta * lambdaMin, measured, predicted, perStep, Math.sqrt(q));
        }
    }

    private static Envelope.Maxima maxima(List<MomentumOdes.Sample> path, double[] edges) {
        double[] t = new double[path.size()];
        double[] a = new double[path.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = path.get(i).time();
            a[i] = path.get(i).errorNorm();
        }
        return Envelope.windowMaxima(t, a, edges);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
