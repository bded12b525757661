package org.beyondlazy.experiments.run;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.core.variant.VariantConfig;

/**
 * One run (spec E9.8), typed and validated on construction: every bad value is a {@link BeyondLazyException}
 * naming the field. The fields and their meaning are those of the config file of {@code beyondlazy run}.
 *
 * @param model            the model (E2.1–E2.3)
 * @param order            l ≥ 2
 * @param dim              d ≥ 1
 * @param width            m ≥ 1
 * @param rank             r ≥ 1 of the truth
 * @param orthonormalTruth orthonormal truth rows (A3.4, needs r ≤ d), else independent uniform unit rows (A3.2)
 * @param truthCoeffs      c*, length r, finite; {@code null} means all ones; copied
 * @param initScale        &gt; 0: rows w_i = initScale·g_i/√d, g_i standard Gaussian
 * @param randomSigns      plain/homog: independent ±1 signs, else all +1
 * @param initCoeff        finite initial coefficient of every coef component
 * @param lambda           λ ≥ 0
 * @param optimizer        the optimizer; {@link RunOptimizer#VARIANT} needs the homog model
 * @param lr               η &gt; 0 (gd, heavy-ball, nesterov, variant)
 * @param momentum         β ∈ [0, 1) (heavy-ball)
 * @param fraction         φ ∈ (0, 1] of the certified step (gd-certified)
 * @param delta            the variant's re-initialization norm δ
 * @param stepsPerEpoch    the variant's H
 * @param epochs           the variant's K
 * @param reinit           the variant's R1 | R2
 * @param mode             the variant's M1 | M2
 * @param directionSteps   the variant's P (M2)
 * @param directionRate    the variant's direction step rate (M2)
 * @param steps            optimizer steps ≥ 0 (not used by the variant)
 * @param logEvery         a metrics line every this many steps ≥ 1 (and at the last step)
 * @param targetError      ≥ 0: stop once the relative error is at most this (0: never)
 * @param seed             truth from seed, signs from seed + 1, initialization from seed + 2 (A3.1)
 */
@SpecRef("E9.8")
public record RunSpec(ModelKind model, int order, int dim, int width, int rank, boolean orthonormalTruth, double[] truthCoeffs,
        double initScale, boolean randomSigns, double initCoeff, double lambda, RunOptimizer optimizer, double lr,
        double momentum, double fraction, double delta, int stepsPerEpoch, int epochs, ReinitRule reinit, ModeSwitch mode,
        int directionSteps, double directionRate, int steps, int logEvery, double targetError, long seed) {

    public RunSpec {
        Check.atLeast("order", order, 2);
        Check.atLeast("dim", dim, 1);
        Check.atLeast("width", width, 1);
        Check.atLeast("rank", rank, 1);
        if (orthonormalTruth && rank > dim) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, "rank of an orthonormal truth", "<= dim = " + dim, rank);
        }
        if (truthCoeffs != null) {
            if (truthCoeffs.length != rank) {
                throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truthCoeffs", "rank = " + rank + " values",
                        truthCoeffs.length + " values");
            }
            truthCoeffs = Check.finite("truthCoeffs", truthCoeffs.clone());
        }
        Check.positive("initScale", initScale);
        if (!Double.isFinite(initCoeff)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "initCoeff", "finite", initCoeff);
        }
        Check.nonNegative("lambda", lambda);
        switch (optimizer) {
            case GD, NESTEROV -> Check.positive("lr", lr);
            case HEAVY_BALL -> {
                Check.positive("lr", lr);
                if (!(momentum >= 0 && momentum < 1)) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "momentum", "in [0, 1)", momentum);
                }
            }
            case GD_CERTIFIED -> {
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "fraction", "in (0, 1]", fraction);
                }
            }
            case VARIANT -> {
                if (model != ModelKind.HOMOG) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model", "homog with optimizer variant (A7.1)",
                            model.id());
                }
            }
        }
        Check.atLeast("steps", steps, 0);
        Check.atLeast("logEvery", logEvery, 1);
        Check.nonNegative("targetError", targetError);
        Sizes.symmetricDimension(dim, order); // rejects sizes whose tensors cannot be indexed, before any allocation
        if (optimizer == RunOptimizer.VARIANT) {
            variantConfig(width, lambda, delta, lr, stepsPerEpoch, epochs, targetError, reinit, mode, directionSteps, directionRate);
        }
    }

    /** The variant's options (E7.1): lr is η, the rest by name. */
    public VariantConfig variantConfig() {
        return variantConfig(width, lambda, delta, lr, stepsPerEpoch, epochs, targetError, reinit, mode, directionSteps, directionRate);
    }

    private static VariantConfig variantConfig(int width, double lambda, double delta, double lr, int stepsPerEpoch, int epochs,
            double targetError, ReinitRule reinit, ModeSwitch mode, int directionSteps, double directionRate) {
        return VariantConfig.defaults().withWidth(width).withLambda(lambda).withDelta(delta).withEta(lr)
                .withStepsPerEpoch(stepsPerEpoch).withEpochs(epochs).withTargetError(targetError).withReinit(reinit).withMode(mode)
                .withDirectionPhase(directionSteps, directionRate);
    }

    /** c*, a fresh array (all ones when not given). */
    @Override
    public double[] truthCoeffs() {
        if (truthCoeffs == null) {
            double[] ones = new double[rank];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
        return truthCoeffs.clone();
    }
}
