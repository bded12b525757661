package org.beyondlazy.experiments.scaling;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.core.variant.VariantRun;
import org.beyondlazy.experiments.RecoveryExperiment;
import org.hipparchus.random.RandomGenerator;

/**
 * The single-seed runs of the scaling-law experiment (spec E7.10): the variant (A7.1) and the two controls at
 * the same step budget, each judged by its final relative error ‖T − T*‖/‖T*‖ ≤ ε. A diverged run counts as a
 * failure (error NaN). Every method builds its own objective, so seeds may run concurrently.
 */
@SpecRef("E7.10")
public final class ScalingAttempts {
    private ScalingAttempts() {
    }

    /**
     * The truth of run seed s: r random unit rows (A3.5, not orthonormal) from seed
     * {@link RecoveryExperiment#TRUTH_SEED_OFFSET} + s, every c_j* = 1/3 (E7.5's truth at rank r).
     */
    public static FactoredTruth truth(int order, int dim, int rank, long seed) {
        return Generators.truth(RecoveryExperiment.TRUTH_SEED_OFFSET + seed, order, dim,
                Generators.constant(rank, RecoveryExperiment.COEFFICIENT), false);
    }

    /** The variant (A7.1) with {@code config} (early stop at ε = config.targetError()) on seed s. */
    public static SeedTrials.Attempt variant(Backend backend, FactoredTruth truth, VariantConfig config, long seed) {
        try {
            VariantRun run = new VariantGradientDescent(config).run(backend, truth, seed);
            return new SeedTrials.Attempt(run.reached(config.targetError()), run.finalRelativeError(), run.totalSteps());
        } catch (BeyondLazyException e) {
            if (e.code() == ErrorCode.DIVERGED) {
                return new SeedTrials.Attempt(false, Double.NaN, -1);
            }
            throw e;
        }
    }

    /**
     * The vanilla control: plain model (E2.1, all s_i = +1), λ = 0, rows w_i = δ_v·v_i with v_i uniform unit
     * vectors drawn in row order from {@link Generators#rng}(s), gradient descent (A4.1) with step η for at most
     * {@code budget} steps, stopped once ‖T − T*‖/‖T*‖ ≤ ε (the value-implied error, confirmed by the
     * backend's residual norm, as in A7.1 step 5).
     */
    public static SeedTrials.Attempt vanilla(Backend backend, FactoredTruth truth, int width, double initNorm, double eta,
            long budget, double epsilon, long seed) {
        int d = truth.dim();
        Objective f = backend.objective(Problem.of(ModelKind.PLAIN, width, 0.0, truth));
        double truthNorm = Math.sqrt(truth.normSquared());
        RandomGenerator rng = Generators.rng(seed);
        double[] theta = new double[width * d];
        for (int i = 0; i < width; i++) {
            double[] v = Generators.unitVector(rng, d);
            for (int a = 0; a < d; a++) {
                theta[i * d + a] = initNorm * v[a];
            }
        }
        double[] gradient = new double[theta.length];
        for (long k = 0; k < budget; k++) {
            double value = f.valueAndGradient(theta, gradient);
            if (!Double.isFinite(value)) {
                return new SeedTrials.Attempt(false, Double.NaN, k);
            }
            if (Math.sqrt(2 * Math.max(0, value)) / truthNorm <= epsilon && f.residualNorm(theta) / truthNorm <= epsilon) {
                return new SeedTrials.Attempt(true, f.residualNorm(theta) / truthNorm, k);
            }
            for (int q = 0; q < theta.length; q++) {
                theta[q] -= eta * gradient[q]; // A4.1: θ ← θ − η∇f(θ)
            }
        }
        double error = f.residualNorm(theta) / truthNorm;
        return new SeedTrials.Attempt(Double.isFinite(error) && error <= epsilon, Double.isFinite(error) ? error : Double.NaN, budget);
    }
}
