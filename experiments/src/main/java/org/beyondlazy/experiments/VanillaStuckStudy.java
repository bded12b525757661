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

    /** ‖T − T*‖²/‖T*‖² after {@code steps} GD steps at width m on seed s. */
    public static double relativeLoss(Backend backend, int width, int steps, long seed) {
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
        for (int k = 0; k < steps; k++) {
            gd.step(f, theta);
        }
        double r = f.residualNorm(theta);
        return r * r / truth.normSquared();
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
