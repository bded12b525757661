package org.beyondlazy.core;

import java.util.Arrays;

/**
 * One instance of the fitting problem: a model with m components fitted to a truth T*, with the
 * objective f(θ) = ½‖T(θ) − T*‖_F² + (λ/2)‖W‖_F² (spec E2.4). Immutable after validation.
 *
 * <p>Parameter layout θ (spec E2.9): for {@code plain} and {@code homog}, W (m×d, row-major);
 * for {@code coef}, the m coefficients c followed by the m×d directions U, and the regularizer
 * applies to U only.
 *
 * @param model  the parameterization
 * @param width  m ≥ 1, the number of components
 * @param signs  s (plain) or a (homog): m values ±1; {@code null} means all +1; must be null for coef
 * @param lambda λ ≥ 0
 * @param truth  T*
 */
@SpecRef({"E2.4", "E2.9"})
public record Problem(ModelKind model, int width, double[] signs, double lambda, Truth truth) {
    public Problem {
        if (model == null) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "model", "null", "[plain, coef, homog]");
        }
        Check.atLeast("width m", width, 1);
        Check.nonNegative("lambda", lambda);
        if (truth == null) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truth", "a tensor", "null");
        }
        if (model.hasSigns()) {
            if (signs == null) {
                signs = new double[width];
                Arrays.fill(signs, 1.0);
            }
            Check.length("signs", signs, width, "m = " + width);
            for (int i = 0; i < width; i++) {
                if (signs[i] != 1.0 && signs[i] != -1.0) {
                    throw new BeyondLazyException(ErrorCode.INVALID_SIGN, "signs", i, signs[i]);
                }
            }
        } else if (signs != null) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "signs", "absent for the coef model",
                    "an array of length " + signs.length);
        }
        long count = (long) width * truth.dim() + (model.hasCoefficients() ? width : 0);
        if (count > Sizes.MAX_ARRAY_LENGTH) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "parameters", count, Sizes.MAX_ARRAY_LENGTH);
        }
    }

    /** Convenience: plain or homog with all signs +1, or coef. */
    public static Problem of(ModelKind model, int width, double lambda, Truth truth) {
        return new Problem(model, width, null, lambda, truth);
    }

    public int order() {
        return truth.order();
    }

    public int dim() {
        return truth.dim();
    }

    /** Length of θ (spec E2.9). */
    public int parameterCount() {
        return width * dim() + (model.hasCoefficients() ? width : 0);
    }

    /** Offset in θ of the m×d block W (plain, homog) or U (coef). */
    public int weightsOffset() {
        return model.hasCoefficients() ? width : 0;
    }

    /** s_i or a_i; 1 for coef (no sign). */
    public double sign(int i) {
        return signs == null ? 1.0 : signs[i];
    }

    /** Validates a parameter vector θ for this problem: length and finiteness. */
    public double[] checkParameters(double[] theta) {
        String shape = model.hasCoefficients() ? "m + m×d = " + width + " + " + width + "×" + dim()
                : "m×d = " + width + "×" + dim();
        return Check.finite("parameters", Check.length("parameters", theta, parameterCount(), shape));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && p.model == model && p.width == width && p.lambda == lambda
                && Arrays.equals(p.signs, signs) && p.truth.equals(truth);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * model.hashCode() + width) + Arrays.hashCode(signs);
    }

    @Override
    public String toString() {
        return "Problem[" + model.id() + ", l=" + order() + ", d=" + dim() + ", m=" + width + ", lambda=" + lambda + "]";
    }
}
