package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.AlphaScaling;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.momentum.Envelope;
import org.beyondlazy.core.optim.GradientDescent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C7 (lazy limit, C19): gradient descent on the centered α-scaled objective F_α (E5.1) stays within the
 * predicted distance of gradient descent on its linearization (E5.6), started at the same w₀ with the same
 * step, on a fixed horizon (spec E5.11): over α = 2^4 … 2^10 the parameter gap has log-log slope −2, the
 * output gap −1 (centering by subtraction) or −2 (paired centering, whose model is odd around w₀), the
 * parameters move O(1/α), and the final error of a long run approaches the lazy residual ρ_lazy (A5.2).
 *
 * <p>Instances: A5.3 with d = 4, l = 3; subtraction uses m = 3 rows, pairing k = 3 rows doubled (m = 6).
 * md_eff = 12 &lt; N = 20, so ρ_lazy &gt; 0 and the lazy limit is a genuine failure to fit.
 */
public abstract class LazyLimitClaims implements BackendUnderTest {
    /** The two centerings of E5.2 and E5.3. */
    public enum Centering { SUBTRACTION, PAIRING }

    public static final int DIM = 4;
    public static final int ORDER = 3;
    /** Distinct rows of W₀ (subtraction: m = 3; pairing: m = 6). */
    public static final int ROWS = 3;
    /** Step η = STEP_FRACTION/σ₁(J)², a stable step for both trajectories at every α. */
    public static final double STEP_FRACTION = 0.5;
    /** The fixed horizon of the gap comparison, in steps. */
    public static final int HORIZON = 200;
    /** The long horizon of the final-error comparison, in steps. */
    public static final int LONG_HORIZON = 3000;
    /** log₂ α of the gap fit: 4 … 10 (the asymptotic regime; at α ≤ 8 the gaps are pre-asymptotic). */
    public static final int MIN_LOG_ALPHA = 4;
    public static final int MAX_LOG_ALPHA = 10;
    /** log₂ α of the final-error check: 6 … 10. */
    public static final int MIN_LOG_ALPHA_FINAL = 6;
    /** Tolerance on the fitted slopes (measured within ±0.05 of −2, −1, −2 on the CI seeds). */
    public static final double SLOPE_TOLERANCE = 0.15;
    /** α‖w_K − w₀‖ / ‖α(w̄_K − w₀)‖ must lie in [1/F, F] at every α of the fit ("moves O(1/α)"). */
    public static final double MOVEMENT_FACTOR = 1.25;
    /** … and within this of 1 at the largest α (the ratio is 1 + O(1/α); measured ≤ 3e-3 at α = 1024). */
    public static final double MOVEMENT_LIMIT_TOLERANCE = 0.01;
    /** Linearity: ‖α(w̄_K − w₀)‖ is the same at every α up to round-off. */
    public static final double LINEARITY_REL = 1e-9;
    /** Round-off allowance of the ρ_lazy lower bound and of the convergence bound. */
    public static final double ROUND_OFF = 1e-9;
    /** The final-error gap |err(α) − err_lin| must shrink at least like α^{−0.7} (measured −1 and −2). */
    public static final double FINAL_GAP_MAX_SLOPE = -0.7;
    /** Instances per centering; seeds ClaimSettings.seed() + 0 … EXAMPLES − 1 (each printed on failure). */
    public static final int EXAMPLES = 5;

    @ParameterizedTest
    @EnumSource(Centering.class)
    @Tag("C7")
    @SpecRef({"C7", "E5.11"})
    void scaledGradientDescentApproachesTheLinearizedTrajectory(Centering centering) {
        for (long seed : seeds()) {
            check(centering, seed);
        }
    }

    private void check(Centering centering, long seed) {
        LazyInstances.Instance inst = LazyInstances.rankOneTarget(seed, DIM, ORDER, ROWS);
        double[] w0;
        Problem base;
        if (centering == Centering.SUBTRACTION) {
            w0 = inst.initialization(ROWS);
            base = new Problem(ModelKind.PLAIN, ROWS, null, 0.0, inst.truth());
        } else {
            w0 = AlphaScaling.pairedInitialization(inst.initialization(ROWS), DIM);
            base = new Problem(ModelKind.PLAIN, 2 * ROWS, AlphaScaling.pairedSigns(2 * ROWS), 0.0, inst.truth());
        }
        String what = centering + ", " + inst;
        TangentSpace v = backend().tangentSpace(base, w0);
        double[] sv = v.singularValues();
        double eta = STEP_FRACTION / (sv[0] * sv[0]);
        double rho = v.lazyResidual(inst.truth());
        double truthNorm = Math.sqrt(inst.truth().normSquared());

        int count = MAX_LOG_ALPHA - MIN_LOG_ALPHA + 1;
        double[] logAlpha = new double[count];
        double[] logParameterGap = new double[count];
        double[] logOutputGap = new double[count];
        double linearMovement = Double.NaN;
        StringBuilder report = new StringBuilder();
        for (int j = 0; j < count; j++) {
            double alpha = Math.pow(2, MIN_LOG_ALPHA + j);
            Problem scaled = scaledProblem(centering, base, w0, alpha);
            double[] w = run(backend().objective(scaled), w0, eta, HORIZON); // GD on F_α
            double[] wLinear = run(backend().linearizedObjective(scaled, w0), w0, eta, HORIZON); // GD on F̄_α
            double parameterGap = distance(w, wLinear);
            Problem atW = new Problem(ModelKind.PLAIN, base.width(), base.signs(), 0.0, AlphaScaling.modelTensor(base, w));
            double outputGap = alpha * backend().linearizedObjective(atW, w0).residualNorm(wLinear); // α‖T̄(w̄) − T(w)‖
            double movement = alpha * distance(w, w0);
            double movementLinear = alpha * distance(wLinear, w0);
            if (j == 0) {
                linearMovement = movementLinear;
            }
            assertThat(Math.abs(movementLinear - linearMovement)).as("linearity: ‖α(w̄ − w0)‖ at α=%s, %s", alpha, what)
                    .isLessThanOrEqualTo(LINEARITY_REL * linearMovement);
            assertThat(movement / movementLinear).as("α‖w − w0‖ / ‖α(w̄ − w0)‖ at α=%s, %s", alpha, what)
                    .isBetween(1 / MOVEMENT_FACTOR, MOVEMENT_FACTOR);
            if (j == count - 1) {
                assertThat(Math.abs(movement / movementLinear - 1)).as("movement ratio at the largest α, %s", what)
                        .isLessThanOrEqualTo(MOVEMENT_LIMIT_TOLERANCE);
            }
            logAlpha[j] = Math.log(alpha);
            logParameterGap[j] = Math.log(parameterGap);
            logOutputGap[j] = Math.log(outputGap);
            report.append(String.format(Locale.ROOT, "α=%.0f: param %.3e, output %.3e, move×α %.4f; ", alpha, parameterGap,
                    outputGap, movement));
        }
        double parameterSlope = Envelope.slope(logAlpha, logParameterGap);
        double outputSlope = Envelope.slope(logAlpha, logOutputGap);
        double expectedOutputSlope = centering == Centering.SUBTRACTION ? -1.0 : -2.0;
        assertThat(parameterSlope).as("log-log slope of the parameter gap, %s: %s", what, report)
                .isBetween(-2.0 - SLOPE_TOLERANCE, -2.0 + SLOPE_TOLERANCE);
        assertThat(outputSlope).as("log-log slope of the output gap, %s: %s", what, report)
                .isBetween(expectedOutputSlope - SLOPE_TOLERANCE, expectedOutputSlope + SLOPE_TOLERANCE);

        // Final error of long runs: err(α) = ‖α(T(w) − T(w₀)) − T*‖/‖T*‖ = α·‖T(w) − T(w₀) − T*/α‖/‖T*‖.
        Problem unit = scaledProblem(centering, base, w0, 1.0);
        Objective linear = backend().linearizedObjective(unit, w0);
        double errLinear = linear.residualNorm(run(linear, w0, eta, LONG_HORIZON)) / truthNorm; // the same for every α (linearity)
        int rank = v.rank();
        double bound = org.beyondlazy.core.lazy.LazyLimitBound.linearizedErrorSquaredBound(rho, eta, sv[rank - 1],
                LONG_HORIZON); // E5.11: convergence of linear GD
        assertThat(errLinear).as("linearized final error ≥ ρ_lazy = %s, %s", rho, what).isGreaterThanOrEqualTo(rho - ROUND_OFF);
        assertThat(errLinear * errLinear).as("linearized final error² ≤ ρ² + q^{2K}(1 − ρ²), %s", what)
                .isLessThanOrEqualTo(bound + ROUND_OFF);
        int finals = MAX_LOG_ALPHA - MIN_LOG_ALPHA_FINAL + 1;
        double[] logA = new double[finals];
        double[] logGap = new double[finals];
        double previous = Double.POSITIVE_INFINITY;
        StringBuilder finalReport = new StringBuilder();
        for (int j = 0; j < finals; j++) {
            double alpha = Math.pow(2, MIN_LOG_ALPHA_FINAL + j);
            Objective f = backend().objective(scaledProblem(centering, base, w0, alpha));
            double err = alpha * f.residualNorm(run(f, w0, eta, LONG_HORIZON)) / truthNorm;
            double gap = Math.abs(err - errLinear);
            finalReport.append(String.format(Locale.ROOT, "α=%.0f: err %.6f; ", alpha, err));
            assertThat(gap).as("|err(α) − err_lin| non-increasing at α=%s (ρ_lazy %s, err_lin %s), %s: %s", alpha, rho,
                    errLinear, what, finalReport).isLessThanOrEqualTo(previous);
            previous = gap;
            logA[j] = Math.log(alpha);
            logGap[j] = Math.log(gap);
        }
        assertThat(Envelope.slope(logA, logGap)).as("log-log slope of |err(α) − err_lin|, %s: %s", what, finalReport)
                .isLessThanOrEqualTo(FINAL_GAP_MAX_SLOPE);
        ClaimOutput.printf(Locale.ROOT, "C7 %s: ρ_lazy=%.6f err_lin=%.6f slopes param %.3f output %.3f; %s%s%n", what, rho,
                errLinear, parameterSlope, outputSlope, report, finalReport);
    }

    /** Agreement of F_α's two centerings when T(w₀) = 0, relative to the loss magnitude (round-off of d^l sums). */
    public static final double CENTERING_AGREEMENT_REL = 1e-12;
    /** Linearized vs model objective at w₀ (same value and gradient by definition of J), relative. */
    public static final double FIRST_ORDER_REL = 1e-12;
    /** Central differences of the quadratic f̄ are exact up to round-off: step 1e-4, tolerance relative to max(1, ‖∇f̄‖∞). */
    public static final double QUADRATIC_FD_REL = 1e-7;
    /**
     * f − f̄ at w₀ + tΔ is a t² + b t³ + …: the ratio (f − f̄)(t)/(f − f̄)(t/2) is 4(1 + bt/(2a) + …). With
     * t = {@link #SECOND_ORDER_STEP} this allows |b/a| up to ~250 (measured |b/a| ≈ 28 on seed 1); round-off of
     * the O(t²·a) difference of O(1) values stays ~1e-8 relative.
     */
    public static final double SECOND_ORDER_RATIO_TOLERANCE = 0.05;
    /** The line step of the second-order check. */
    public static final double SECOND_ORDER_STEP = 1e-4;

    /**
     * The pieces C7 rests on: (i) with a paired w₀ both centerings (E5.2, E5.3) give the same F_α, and it equals
     * the expanded form E2.8 of the rewritten problem; (ii) the linearized objective (E5.6) agrees with the model's
     * objective at w₀ in value and gradient, differs from it at second order along a line, and its gradient equals
     * central differences.
     */
    @org.junit.jupiter.api.Test
    @Tag("C7")
    @SpecRef({"C7", "E5.1", "E5.2", "E5.3", "E5.6"})
    void centeringsAgreeAndTheLinearizationIsFirstOrder() {
        for (long seed : seeds()) {
            LazyInstances.Instance inst = LazyInstances.rankOneTarget(seed, DIM, ORDER, ROWS);
            double[] w0 = AlphaScaling.pairedInitialization(inst.initialization(ROWS), DIM);
            Problem base = new Problem(ModelKind.PLAIN, 2 * ROWS, AlphaScaling.pairedSigns(2 * ROWS), 0.0, inst.truth());
            org.hipparchus.random.RandomGenerator rng = org.beyondlazy.core.Generators.rng(seed + 17);
            double[] w = w0.clone();
            double[] direction = org.beyondlazy.core.Generators.gaussian(rng, 2 * ROWS, DIM, 1.0);
            for (int p = 0; p < w.length; p++) {
                w[p] += 0.3 * direction[p];
            }
            for (double alpha : new double[] {1.0, 8.0, 64.0}) {
                Problem bySubtraction = AlphaScaling.centeredBySubtraction(base, w0, alpha);
                Problem byPairing = AlphaScaling.centeredByPairing(base, alpha);
                double[] g1 = new double[w.length];
                double[] g2 = new double[w.length];
                double f1 = backend().objective(bySubtraction).valueAndGradient(w, g1);
                double f2 = backend().objective(byPairing).valueAndGradient(w, g2);
                double scale = org.beyondlazy.core.ExpandedLoss.magnitude(bySubtraction,
                        (org.beyondlazy.core.FactoredTruth) bySubtraction.truth(), w);
                double expanded = org.beyondlazy.core.ExpandedLoss.value(bySubtraction,
                        (org.beyondlazy.core.FactoredTruth) bySubtraction.truth(), w);
                assertThat(Math.abs(f1 - f2)).as("F_α by the two centerings, α=%s, seed %dL", alpha, seed)
                        .isLessThanOrEqualTo(CENTERING_AGREEMENT_REL * scale);
                assertThat(Math.abs(f1 - expanded)).as("F_α vs E2.8, α=%s, seed %dL", alpha, seed)
                        .isLessThanOrEqualTo(CENTERING_AGREEMENT_REL * scale);
                for (int p = 0; p < w.length; p++) {
                    assertThat(Math.abs(g1[p] - g2[p])).as("∇F_α coordinate %d, α=%s, seed %dL", p, alpha, seed)
                            .isLessThanOrEqualTo(CENTERING_AGREEMENT_REL * Math.max(1.0, scale));
                }
            }
            // (ii) first-order agreement at w₀, for the subtraction centering at α = 1 (target T(w₀) + T*)
            Problem generic = new Problem(ModelKind.PLAIN, ROWS, null, 0.0, inst.truth());
            double[] v0 = inst.initialization(ROWS);
            Problem scaled = AlphaScaling.centeredBySubtraction(generic, v0, 1.0);
            Objective f = backend().objective(scaled);
            Objective linear = backend().linearizedObjective(scaled, v0);
            double[] gf = new double[v0.length];
            double[] gl = new double[v0.length];
            double valueF = f.valueAndGradient(v0, gf);
            double valueL = linear.valueAndGradient(v0, gl);
            double gScale = 1.0;
            for (double x : gf) {
                gScale = Math.max(gScale, Math.abs(x));
            }
            assertThat(Math.abs(valueF - valueL)).as("f̄(w0) = f(w0), seed %dL", seed)
                    .isLessThanOrEqualTo(FIRST_ORDER_REL * Math.max(1.0, valueF));
            for (int p = 0; p < v0.length; p++) {
                assertThat(Math.abs(gf[p] - gl[p])).as("∇f̄(w0) = ∇f(w0) coordinate %d, seed %dL", p, seed)
                        .isLessThanOrEqualTo(FIRST_ORDER_REL * gScale);
            }
            double[] delta = org.beyondlazy.core.Generators.gaussian(rng, ROWS, DIM, 1.0);
            double t = SECOND_ORDER_STEP;
            double gapT = f.value(shift(v0, delta, t)) - linear.value(shift(v0, delta, t));
            double gapHalf = f.value(shift(v0, delta, t / 2)) - linear.value(shift(v0, delta, t / 2));
            assertThat(gapT / gapHalf).as("(f − f̄)(t)/(f − f̄)(t/2) ≈ 4 (second order), seed %dL", seed)
                    .isBetween(4 - SECOND_ORDER_RATIO_TOLERANCE, 4 + SECOND_ORDER_RATIO_TOLERANCE);
            double[] x = shift(v0, delta, 0.5);
            double[] gx = new double[x.length];
            linear.valueAndGradient(x, gx);
            double gxScale = 1.0;
            for (double y : gx) {
                gxScale = Math.max(gxScale, Math.abs(y));
            }
            double h = 1e-4;
            for (int p = 0; p < x.length; p++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[p] += h;
                minus[p] -= h;
                double fd = (linear.value(plus) - linear.value(minus)) / (2 * h);
                assertThat(Math.abs(fd - gx[p])).as("∇f̄ vs central difference, coordinate %d, seed %dL", p, seed)
                        .isLessThanOrEqualTo(QUADRATIC_FD_REL * gxScale);
            }
        }
    }

    /** The instance seeds: ClaimSettings.seed() + 0, 1, … (ClaimSettings.examples(EXAMPLES) of them). */
    static long[] seeds() {
        long[] out = new long[ClaimSettings.examples(EXAMPLES)];
        for (int s = 0; s < out.length; s++) {
            out[s] = ClaimSettings.seed() + s;
        }
        return out;
    }

    private static double[] shift(double[] w, double[] delta, double t) {
        double[] out = w.clone();
        for (int p = 0; p < out.length; p++) {
            out[p] += t * delta[p];
        }
        return out;
    }

    private static Problem scaledProblem(Centering centering, Problem base, double[] w0, double alpha) {
        return centering == Centering.SUBTRACTION ? AlphaScaling.centeredBySubtraction(base, w0, alpha)
                : AlphaScaling.centeredByPairing(base, alpha);
    }

    private static double[] run(Objective f, double[] w0, double eta, int steps) {
        double[] w = w0.clone();
        GradientDescent gd = new GradientDescent(eta);
        for (int k = 0; k < steps; k++) {
            gd.step(f, w);
        }
        return w;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }
}
