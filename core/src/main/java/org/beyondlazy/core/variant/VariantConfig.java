package org.beyondlazy.core.variant;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * Every option of the variant of gradient descent (spec A7.1, E7.1), with the defaults of spec E7.1
 * (the calibration of the project's reconstruction: l = 3, r = 3 random unit u_j*, c_j* = 1/3,
 * m = 30, λ = 1e-3, δ = 1e-3, η = 0.2, H = 3000, K = 8, R1 + M1). Validated on construction.
 *
 * @param width           m ≥ 1, number of components
 * @param lambda          λ ≥ 0, regularizer of f = ½‖T − T*‖² + (λ/2)‖W‖²
 * @param delta           δ &gt; 0, norm of every (re-)initialized component
 * @param eta             η &gt; 0, gradient-descent step
 * @param stepsPerEpoch   H ≥ 1, gradient steps per epoch (all components)
 * @param epochs          K ≥ 1
 * @param targetError     ε ≥ 0: stop as soon as ‖T − T*‖/‖T*‖ ≤ ε (0 disables the early stop)
 * @param reinit          R1 (smallest norm) or R2 (round robin)
 * @param mode            M1 (fresh sign) or M2 (fresh sign, then a direction-only phase)
 * @param directionSteps  P ≥ 0, steps of the direction-only phase of M2 (ignored under M1)
 * @param directionRate   η_dir &gt; 0, step of the direction-only phase (in units of E7.3's velocity)
 * @param massThreshold   τ ≥ 0: a component counts as "active" when ρ_i² ≥ τ·‖T*‖_F (E7.4)
 */
@SpecRef("E7.1")
public record VariantConfig(int width, double lambda, double delta, double eta, int stepsPerEpoch, int epochs,
        double targetError, ReinitRule reinit, ModeSwitch mode, int directionSteps, double directionRate,
        double massThreshold) {

    /** Default m (E7.1). */
    public static final int DEFAULT_WIDTH = 30;
    /** Default λ (E7.1). */
    public static final double DEFAULT_LAMBDA = 1e-3;
    /** Default δ (E7.1). */
    public static final double DEFAULT_DELTA = 1e-3;
    /** Default η (E7.1). */
    public static final double DEFAULT_ETA = 0.2;
    /** Default H (E7.1). */
    public static final int DEFAULT_STEPS_PER_EPOCH = 3000;
    /** Default K (E7.1). */
    public static final int DEFAULT_EPOCHS = 8;
    /** Default ε: no early stop (E7.1). */
    public static final double DEFAULT_TARGET_ERROR = 0.0;
    /** Default P of M2 (E7.1). */
    public static final int DEFAULT_DIRECTION_STEPS = 200;
    /** Default η_dir of M2 (E7.1). */
    public static final double DEFAULT_DIRECTION_RATE = 0.2;
    /** Default τ (E7.4): 5% of ‖T*‖_F. */
    public static final double DEFAULT_MASS_THRESHOLD = 0.05;

    public VariantConfig {
        Check.atLeast("width m", width, 1);
        Check.nonNegative("lambda", lambda);
        Check.positive("re-initialization norm delta", delta);
        Check.positive("step eta", eta);
        Check.atLeast("steps per epoch H", stepsPerEpoch, 1);
        Check.atLeast("epochs K", epochs, 1);
        Check.nonNegative("target error", targetError);
        if (reinit == null) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "re-initialization rule", "null", "[r1, r2]");
        }
        if (mode == null) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "mode switch", "null", "[M1, M2]");
        }
        Check.atLeast("direction steps P", directionSteps, 0);
        Check.positive("direction rate", directionRate);
        Check.nonNegative("mass threshold", massThreshold);
    }

    /** The defaults of E7.1. */
    public static VariantConfig defaults() {
        return new VariantConfig(DEFAULT_WIDTH, DEFAULT_LAMBDA, DEFAULT_DELTA, DEFAULT_ETA, DEFAULT_STEPS_PER_EPOCH,
                DEFAULT_EPOCHS, DEFAULT_TARGET_ERROR, ReinitRule.SMALLEST_NORM, ModeSwitch.FRESH_SIGN,
                DEFAULT_DIRECTION_STEPS, DEFAULT_DIRECTION_RATE, DEFAULT_MASS_THRESHOLD);
    }

    public VariantConfig withWidth(int value) {
        return new VariantConfig(value, lambda, delta, eta, stepsPerEpoch, epochs, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withLambda(double value) {
        return new VariantConfig(width, value, delta, eta, stepsPerEpoch, epochs, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withDelta(double value) {
        return new VariantConfig(width, lambda, value, eta, stepsPerEpoch, epochs, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withEta(double value) {
        return new VariantConfig(width, lambda, delta, value, stepsPerEpoch, epochs, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withStepsPerEpoch(int value) {
        return new VariantConfig(width, lambda, delta, eta, value, epochs, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withEpochs(int value) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, value, targetError, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withTargetError(double value) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, epochs, value, reinit, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withReinit(ReinitRule value) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, epochs, targetError, value, mode,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withMode(ModeSwitch value) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, epochs, targetError, reinit, value,
                directionSteps, directionRate, massThreshold);
    }

    public VariantConfig withDirectionPhase(int steps, double rate) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, epochs, targetError, reinit, mode,
                steps, rate, massThreshold);
    }

    public VariantConfig withMassThreshold(double value) {
        return new VariantConfig(width, lambda, delta, eta, stepsPerEpoch, epochs, targetError, reinit, mode,
                directionSteps, directionRate, value);
    }

    @Override
    public String toString() {
        return "VariantConfig[m=" + width + ", lambda=" + lambda + ", delta=" + delta + ", eta=" + eta + ", H="
                + stepsPerEpoch + ", K=" + epochs + ", eps=" + targetError + ", " + reinit.id() + "+" + mode.id()
                + (mode == ModeSwitch.TWO_PHASE ? " (P=" + directionSteps + ", eta_dir=" + directionRate + ")" : "")
                + ", tau=" + massThreshold + "]";
    }
}
