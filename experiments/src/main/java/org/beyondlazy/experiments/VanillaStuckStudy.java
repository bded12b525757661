package org.beyondlazy.experiments;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;
import org.hipparchus.random.RandomGenerator;

/**
 * Vanilla gradient descent of claim C9 (spec E7.7): plain model (E2.1), λ = 0, l = 3, d = 5, orthonormal
 * truth (A3.4) with r = 3, c* = 1 from seed {@link #TRUTH_SEED_OFFSET} + s; rows w_i = 0.1·v_i with v_i
 * uniform unit from seed s; GD (A4.1) with η = 0.05. Width m = r runs {@link #STEPS_NARROW} steps, m = 3r
 * runs {@link #STEPS_WIDE}. Prints nothing.
 */
@SpecRef("E7.7")
public final class VanillaStuckStudy {
    public static final int ORDER = 3;
    public static final int DIM = 5;
    public static final int RANK = 3;
    /** Over-parameterized width m = 3r. */
    public static final int WIDE = 9;
    public static final double ETA = 0.05;
    /** "Moderate" initialization: rows δ·v, v uniform unit, δ = 0.1. */
    public static final double INIT_NORM = 0.1;
    /** Steps of the m = r runs (long, so "stuck" is not "slow"). */
    public static final int STEPS_NARROW = 20000;
    /** Steps of the m = 3r runs. */
    public static final int STEPS_WIDE = 5000;
    /** Stuck: relative loss ‖T − T*‖²/‖T*‖² ≥ 0.3 (one of r = 3 equal components missing is 1/3). */
    public static final double STUCK_LOSS = 0.3;
    /** Success: relative loss ≤ 1e-4. */
    public static final double SUCCESS_LOSS = 1e-4;
    /** Truth seed = this + run seed. */
    public static final long TRUTH_SEED_OFFSET = 2000L;

    private VanillaStuckStudy() {
    }

    /**
     * The end of one run and what its last iterate is (E7.7).
     *
     * @param relativeLoss     ‖T − T*‖²/‖T*‖² after the run's steps
     * @param relativeLossHalf the same after half of them
     * @param gradientNorm     ‖∇f‖/‖T*‖ at the last iterate
     * @param hessianMin       smallest eigenvalue of the finite-difference Hessian at the last iterate (central
     *                         differences of the backend's gradient, step {@link #HESSIAN_STEP}, symmetrized)
     * @param hessianMax       its largest eigenvalue
     * @param smallestRowNorm  min_i ‖w_i‖ at the last iterate
     * @param kickedLoss       the relative loss after {@link #KICK_STEPS} GD steps from the last iterate with its
     *                         smallest row moved by {@link #KICK}·u_j, u_j the truth direction worst fitted
     *                         (largest |⟨T − T*, u_j^{⊗l}⟩|); NaN when not certified
     * @param last             the last iterate (m×d row-major)
     */
    public record Run(double relativeLoss, double relativeLossHalf, double gradientNorm, double hessianMin, double hessianMax,
                      double smallestRowNorm, double kickedLoss, double[] last) {
        /** Stuck: the relative loss is at least {@link #STUCK_LOSS}. */
        public boolean stuck() {
            return relativeLoss >= STUCK_LOSS;
        }

        /**
         * Stuck at an approximate second-order stationary point, not on a slow plateau: the loss flat over the
         * second half of the run (relative change ≤ {@link #FLAT_LOSS}), ‖∇f‖/‖T*‖ ≤ {@link #CRITICAL_GRADIENT} and
         * λ_min(∇²f) ≥ −√(λ_max·‖∇f‖/‖T*‖) (the (ε, √(ρε)) condition of the saddle-escape literature, with the
         * curvature scale λ_max standing for ρ). No first- or second-order test tells such a point from a minimum.
         */
        public boolean stationary() {
            return stuck() && Math.abs(relativeLossHalf - relativeLoss) <= FLAT_LOSS * relativeLoss
                    && gradientNorm <= CRITICAL_GRADIENT && hessianMin >= -Math.sqrt(hessianMax * gradientNorm);
        }

        /**
         * A degenerate saddle, not a local minimum: stationary, and moving the smallest row towards the worst-fitted
         * truth direction lets GD lower the relative loss by at least {@link #ESCAPE_DROP}.
         */
        public boolean degenerateSaddle() {
            return stationary() && kickedLoss <= relativeLoss - ESCAPE_DROP;
        }
    }

    /** Central-difference step of the Hessian (error O(h²) times the third derivative, far below the tolerances). */
    public static final double HESSIAN_STEP = 1e-5;
    /** Flat loss: relative change between the middle and the end of the run. */
    public static final double FLAT_LOSS = 1e-6;
    /** Approximate critical point: ‖∇f‖/‖T*‖ at the last iterate. */
    public static final double CRITICAL_GRADIENT = 1e-4;
    /** Escape test: the smallest row moves by this much along the worst-fitted truth direction ... */
    public static final double KICK = 0.05;
    /** ... then GD runs this many steps ... */
    public static final int KICK_STEPS = 5000;
    /** ... and must lower the relative loss by this much (one of r = 3 equal components is 1/3). */
    public static final double ESCAPE_DROP = 0.25;

    /** ‖T − T*‖²/‖T*‖² after {@code steps} GD steps at width m on seed s. */
    public static double relativeLoss(Backend backend, int width, int steps, long seed) {
        return run(backend, width, steps, seed, false).relativeLoss();
    }

    /**
     * Runs GD at width m on seed s for {@code steps} steps.
     *
     * @param certify whether to compute the gradient and Hessian at the last iterate (else NaN)
     */
    public static Run run(Backend backend, int width, int steps, long seed, boolean certify) {
        FactoredTruth truth = Generators.truth(TRUTH_SEED_OFFSET + seed, ORDER, DIM, Generators.constant(RANK, 1.0), true);
        Objective f = backend.objective(Problem.of(ModelKind.PLAIN, width, 0.0, truth));
        RandomGenerator rng = Generators.rng(seed);
        double[] theta = new double[width * DIM];
        for (int i = 0; i < width; i++) {
            double[] v = Generators.unitVector(rng, DIM);
            for (int a = 0; a < DIM; a++) {
                theta[i * DIM + a] = INIT_NORM * v[a];
            }
        }
        GradientDescent gd = new GradientDescent(ETA);
        double half = Double.NaN;
        for (int k = 0; k < steps; k++) {
            if (k == steps / 2) {
                half = relative(f, theta, truth);
            }
            gd.step(f, theta);
        }
        double loss = relative(f, theta, truth);
        if (!certify) {
            return new Run(loss, half, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, theta);
        }
        int n = theta.length;
        double[] g = new double[n];
        f.valueAndGradient(theta, g);
        double[][] h = new double[n][n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int p = 0; p < n; p++) {
            double[] x = theta.clone();
            x[p] = theta[p] + HESSIAN_STEP;
            f.valueAndGradient(x, plus);
            x[p] = theta[p] - HESSIAN_STEP;
            f.valueAndGradient(x, minus);
            for (int q = 0; q < n; q++) {
                h[p][q] = (plus[q] - minus[q]) / (2 * HESSIAN_STEP);
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < p; q++) {
                h[p][q] = h[q][p] = 0.5 * (h[p][q] + h[q][p]);
            }
        }
        double[] eigen = new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(h, false)).getEigenvalues();
        double min = java.util.Arrays.stream(eigen).min().orElseThrow();
        double max = java.util.Arrays.stream(eigen).max().orElseThrow();
        int small = 0;
        for (int i = 1; i < width; i++) {
            small = rowNorm(theta, i) < rowNorm(theta, small) ? i : small;
        }
        double[] kicked = theta.clone();
        double[] u = worstFitted(theta, truth);
        for (int a = 0; a < DIM; a++) {
            kicked[small * DIM + a] += KICK * u[a];
        }
        for (int k = 0; k < KICK_STEPS; k++) {
            gd.step(f, kicked);
        }
        return new Run(loss, half, norm(g) / Math.sqrt(truth.normSquared()), min, max, rowNorm(theta, small),
                relative(f, kicked, truth), theta);
    }

    private static double relative(Objective f, double[] theta, FactoredTruth truth) {
        double r = f.residualNorm(theta);
        return r * r / truth.normSquared();
    }

    /**
     * The truth direction u_j with the largest |⟨T − T*, u_j^{⊗l}⟩|, signed so that moving a row along it lowers
     * the loss at third order: ⟨T − T*, u^{⊗3}⟩ = Σ_i ⟨w_i, u⟩³ − Σ_k c_k ⟨u_k, u⟩³ (E1.2, E2.1).
     */
    private static double[] worstFitted(double[] theta, FactoredTruth truth) {
        double best = -1;
        double[] out = null;
        for (int j = 0; j < truth.rank(); j++) {
            double[] u = truth.factor(j);
            double fitted = 0;
            for (int i = 0; i < theta.length / DIM; i++) {
                fitted += Math.pow(dot(theta, i, u), ORDER);
            }
            double target = 0;
            for (int k = 0; k < truth.rank(); k++) {
                double uk = 0;
                double[] v = truth.factor(k);
                for (int a = 0; a < DIM; a++) {
                    uk += v[a] * u[a];
                }
                target += truth.coeffs()[k] * Math.pow(uk, ORDER);
            }
            double gap = fitted - target;
            if (Math.abs(gap) > best) {
                best = Math.abs(gap);
                out = u.clone();
                if (gap > 0) { // T over-fits u: move against it (l odd)
                    for (int a = 0; a < DIM; a++) {
                        out[a] = -out[a];
                    }
                }
            }
        }
        return out;
    }

    private static double dot(double[] theta, int row, double[] u) {
        double s = 0;
        for (int a = 0; a < DIM; a++) {
            s += theta[row * DIM + a] * u[a];
        }
        return s;
    }

    private static double rowNorm(double[] theta, int row) {
        double s = 0;
        for (int a = 0; a < DIM; a++) {
            s += theta[row * DIM + a] * theta[row * DIM + a];
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The m = r run of seed s is stuck (relative loss ≥ {@link #STUCK_LOSS}). */
    public static boolean narrowStuck(Backend backend, long seed) {
        return relativeLoss(backend, RANK, STEPS_NARROW, seed) >= STUCK_LOSS;
    }

    /** The m = 3r run of seed s succeeds (relative loss ≤ {@link #SUCCESS_LOSS}). */
    public static boolean wideSucceeds(Backend backend, long seed) {
        return relativeLoss(backend, WIDE, STEPS_WIDE, seed) <= SUCCESS_LOSS;
    }
}
