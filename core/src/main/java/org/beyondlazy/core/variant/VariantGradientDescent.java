package org.beyondlazy.core.variant;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.hipparchus.random.RandomGenerator;

/**
 * The project's reconstruction of W20's variant of gradient descent (spec A7.1; the direction-only
 * phase of M2 is A7.2): the homog model (E2.3) with signs, regularizer λ, small random initialization of
 * norm δ, K epochs of H gradient steps, one component re-initialized per epoch (R1/R2) with a mode
 * switch (M1/M2), and an early stop at relative error ε. Written once against {@link Backend} and
 * {@link Objective}: the re-initialization and the direction-only phase use only ∇f, through the polar
 * decomposition of E7.2/E7.3, so every backend runs the same algorithm.
 *
 * <p>Randomness: one generator {@link Generators#rng(long)} per run; draws in the order of A7.1
 * (initial signs and directions, then per epoch the fresh direction and the fresh sign), so a seed
 * reproduces a run bit for bit on one backend.
 */
@SpecRef("A7.1")
public final class VariantGradientDescent {
    private final VariantConfig config;

    public VariantGradientDescent(VariantConfig config) {
        if (config == null) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "variant config", "present", "null");
        }
        this.config = config;
    }

    public VariantConfig config() {
        return config;
    }

    /** {@link #run(Backend, Truth, long, StepObserver)} without an observer. */
    public VariantRun run(Backend backend, Truth truth, long seed) {
        return run(backend, truth, seed, StepObserver.NONE);
    }

    /**
     * Runs A7.1 on T* = {@code truth}.
     *
     * @param backend  evaluates f and ∇f of the homog problems
     * @param truth    T* (not modified)
     * @param seed     seed of the run's random draws
     * @param observer sees the iterate before every all-component gradient step
     * @throws BeyondLazyException DIVERGED if f becomes non-finite; bad input codes for T* = 0
     */
    public VariantRun run(Backend backend, Truth truth, long seed, StepObserver observer) {
        int l = truth.order();
        int d = truth.dim();
        int m = config.width();
        double truthNorm = Math.sqrt(truth.normSquared());
        if (!(truthNorm > 0)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "truth norm ||T*||", "> 0", truthNorm);
        }
        boolean odd = l % 2 == 1;
        RandomGenerator rng = Generators.rng(seed);

        // A7.1 step 1: a_i = +1 (odd l) or uniform ±1 (even l); w_i = δ·v_i, v_i uniform on the sphere
        double[] signs = new double[m];
        double[] theta = new double[m * d];
        for (int i = 0; i < m; i++) {
            signs[i] = odd ? 1.0 : (rng.nextBoolean() ? 1.0 : -1.0);
            setRow(theta, d, i, Generators.unitVector(rng, d), config.delta());
        }

        double[] gradient = new double[m * d];
        List<EpochRecord> records = new ArrayList<>();
        long step = 0;
        boolean stopped = false;
        for (int k = 1; k <= config.epochs() && !stopped; k++) {
            // A7.1 step 2: choose the component to re-initialize
            int chosen = config.reinit() == ReinitRule.SMALLEST_NORM ? smallestNorm(theta, d, m) : (k - 1) % m;
            // A7.1 step 3: w_chosen = δ·v with a fresh uniform v; mode switch: fresh sign for even l
            setRow(theta, d, chosen, Generators.unitVector(rng, d), config.delta());
            if (!odd) {
                signs[chosen] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            Objective f = backend.objective(new Problem(ModelKind.HOMOG, m, signs.clone(), config.lambda(), truth));

            // A7.1 step 4 (M2 only): direction-only phase of the new component (A7.2)
            if (config.mode() == ModeSwitch.TWO_PHASE) {
                for (int p = 0; p < config.directionSteps(); p++) {
                    directionStep(f, theta, gradient, d, chosen, config.directionRate());
                }
            }

            // A7.1 step 5: H gradient steps on all components (A4.1), stopping early at ε
            int taken = 0;
            for (int h = 0; h < config.stepsPerEpoch(); h++) {
                double value = f.valueAndGradient(theta, gradient); // g = ∇f(θ)
                if (!Double.isFinite(value)) {
                    throw new BeyondLazyException(ErrorCode.DIVERGED, "variant gradient descent", step, "f = " + value);
                }
                observer.observe(step, k, signs, theta, value);
                if (config.targetError() > 0 && misfitRelativeError(value, theta, truthNorm) <= config.targetError()
                        && f.residualNorm(theta) / truthNorm <= config.targetError()) {
                    stopped = true; // A7.1 step 5: early stop, confirmed with the backend's residual norm
                    break;
                }
                for (int q = 0; q < theta.length; q++) {
                    theta[q] -= config.eta() * gradient[q]; // θ ← θ − η ∇f(θ)
                }
                taken++;
                step++;
            }

            // A7.1 step 6: record the epoch (E7.4)
            double loss = f.value(theta);
            if (!Double.isFinite(loss)) {
                throw new BeyondLazyException(ErrorCode.DIVERGED, "variant gradient descent", step, "f = " + loss);
            }
            double relative = f.residualNorm(theta) / truthNorm;
            if (config.targetError() > 0 && relative <= config.targetError()) {
                stopped = true;
            }
            records.add(new EpochRecord(k, chosen, signs[chosen], loss, relative,
                    activeComponents(theta, d, m, config.massThreshold() * truthNorm), taken));
        }
        return new VariantRun(backend.name(), seed, config, signs, theta, List.copyOf(records), stopped, step);
    }

    /**
     * A7.2: one direction-only step of component i: w̄ ← normalize(w̄ + η_dir·v̇) with v̇ = −P⊥∇_{w_i}f/ρ_i
     * (E7.3), the norm ρ_i kept. For the homog model v̇ = a·l·P⊥G(w̄^{⊗(l−1)}): a step of a (damped)
     * tensor power method on the residual G = T* − T, at any norm.
     *
     * @param theta    W, m×d; row i is overwritten
     * @param gradient scratch, m×d; overwritten
     */
    @SpecRef("A7.2")
    public static void directionStep(Objective f, double[] theta, double[] gradient, int d, int i, double rate) {
        f.valueAndGradient(theta, gradient); // A7.2 step 1: ∇f(θ)
        double rho = PolarDynamics.norm(theta, d, i); // A7.2 step 2: ρ_i and w̄_i
        double[] unit = PolarDynamics.direction(theta, d, i);
        double[] velocity = PolarDynamics.directionVelocity(theta, gradient, d, i); // A7.2 step 3: −P⊥∇/ρ
        double norm = 0;
        for (int a = 0; a < d; a++) {
            unit[a] += rate * velocity[a]; // A7.2 step 4: w̄ + η_dir v̇
            norm += unit[a] * unit[a];
        }
        norm = Math.sqrt(norm);
        for (int a = 0; a < d; a++) {
            theta[i * d + a] = rho * unit[a] / norm; // A7.2 step 5: renormalize, keep ρ_i
        }
    }

    /** A7.1 step 2 (R1): index of the smallest ρ_i, ties to the smallest index. */
    static int smallestNorm(double[] theta, int d, int m) {
        int best = 0;
        double bestNorm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double rho = PolarDynamics.norm(theta, d, i);
            if (rho < bestNorm) {
                bestNorm = rho;
                best = i;
            }
        }
        return best;
    }

    /** E7.4: number of components with ρ_i² ≥ threshold. */
    @SpecRef("E7.4")
    public static int activeComponents(double[] theta, int d, int m, double threshold) {
        int count = 0;
        for (int i = 0; i < m; i++) {
            double rho = PolarDynamics.norm(theta, d, i);
            if (rho * rho >= threshold) {
                count++;
            }
        }
        return count;
    }

    /** √(2(f − (λ/2)‖W‖²))/‖T*‖: the relative error implied by f (cheap; confirmed before stopping). */
    private double misfitRelativeError(double value, double[] theta, double truthNorm) {
        double w2 = 0;
        for (double x : theta) {
            w2 += x * x;
        }
        return Math.sqrt(Math.max(0, 2 * (value - 0.5 * config.lambda() * w2))) / truthNorm;
    }

    private static void setRow(double[] theta, int d, int i, double[] unit, double scale) {
        for (int a = 0; a < d; a++) {
            theta[i * d + a] = scale * unit[a];
        }
    }
}
