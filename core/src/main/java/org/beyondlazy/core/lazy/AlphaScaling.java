package org.beyondlazy.core.lazy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * The centered, α-scaled objective of spec E5.1 written as an ordinary {@link Problem}, so that it runs on
 * any {@link org.beyondlazy.core.Backend}. With R(y) = ½‖y − T*‖² and the centered model h(w) = T(w) − T(w₀),
 * <pre>
 *   F_α(w) = R(α·h(w))/α² = ½‖T(w) − T(w₀) − T* / α‖²,
 * </pre>
 * the objective of E2.4 (λ = 0) with the target T(w₀) + T* / α. Gradient descent on it with step η is the
 * paper's update w ← w − (η/α)·Dh(w)ᵀ(α·h(w) − T*).
 *
 * <p>Plain model only. The two centerings: {@link #centeredBySubtraction} (E5.2) and
 * {@link #centeredByPairing} (E5.3).
 */
@SpecRef("E5.1")
public final class AlphaScaling {
    private AlphaScaling() {
    }

    /**
     * Spec E5.2: F_α centered by subtracting the initial tensor. The target T(w₀) + T* / α is a factored truth
     * with r + m components: (u_j*, c_j* / α) for j &lt; r, then (w₀_i, s_i) for i &lt; m.
     *
     * @param problem plain problem with a factored truth and λ = 0
     * @param theta0  w₀, m×d row-major; copied
     * @param alpha   α &gt; 0
     * @return the problem whose E2.4 objective is F_α (same model, width and signs)
     */
    @SpecRef({"E5.1", "E5.2"})
    public static Problem centeredBySubtraction(Problem problem, double[] theta0, double alpha) {
        requireLazyProblem(problem, alpha);
        problem.checkParameters(theta0);
        if (!(problem.truth() instanceof FactoredTruth truth)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "truth of a centered-by-subtraction problem",
                    "factored (E5.2)", "dense");
        }
        int r = truth.rank();
        int m = problem.width();
        int d = problem.dim();
        double[] factors = new double[(r + m) * d];
        double[] coeffs = new double[r + m];
        for (int j = 0; j < r; j++) {
            System.arraycopy(truth.factors(), j * d, factors, j * d, d); // E5.2: u_j*
            coeffs[j] = truth.coeffs()[j] / alpha; // E5.2: c_j* / α
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(theta0, i * d, factors, (r + i) * d, d); // E5.2: w₀_i
            coeffs[r + i] = problem.sign(i); // E5.2: s_i, so these terms sum to T(w₀)
        }
        Truth target = new FactoredTruth(truth.order(), d, r + m, factors, coeffs);
        return new Problem(ModelKind.PLAIN, m, problem.signs(), 0.0, target);
    }

    /**
     * Spec E5.3: F_α for a symmetric paired initialization, where T(w₀) = 0 in real arithmetic (to round-off densely); the target is T* / α.
     * Use {@link #pairedInitialization} to build w₀ and the signs.
     *
     * @param problem plain problem whose signs are those of {@link #pairedSigns} (checked), λ = 0
     * @param alpha   α &gt; 0
     */
    @SpecRef({"E5.1", "E5.3"})
    public static Problem centeredByPairing(Problem problem, double alpha) {
        requireLazyProblem(problem, alpha);
        double[] expected = pairedSigns(problem.width());
        for (int i = 0; i < problem.width(); i++) {
            if (problem.sign(i) != expected[i]) {
                throw new BeyondLazyException(ErrorCode.INVALID_SIGN, "signs of a paired problem (E5.3)", i, problem.sign(i));
            }
        }
        return new Problem(ModelKind.PLAIN, problem.width(), expected, 0.0, scaled(problem.truth(), 1.0 / alpha));
    }

    /**
     * Spec E5.3: the signs of a paired initialization with m = 2k: s_i = +1 for i &lt; k, −1 for k ≤ i &lt; 2k.
     */
    @SpecRef("E5.3")
    public static double[] pairedSigns(int width) {
        Check.atLeast("width m", width, 2);
        if (width % 2 != 0) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, "width m of a paired initialization", "even", width);
        }
        double[] s = new double[width];
        for (int i = 0; i < width; i++) {
            s[i] = i < width / 2 ? 1.0 : -1.0;
        }
        return s;
    }

    /**
     * Spec E5.3: w₀ = [V; V] (2k×d): row i and row k + i both equal v_i, so with {@link #pairedSigns}
     * T(w₀) = Σ_i v_i^{⊗l} − Σ_i v_i^{⊗l} = 0.
     *
     * @param halves V, k×d row-major; not modified
     * @return a fresh array of length 2·k·d
     */
    @SpecRef("E5.3")
    public static double[] pairedInitialization(double[] halves, int dim) {
        Check.atLeast("dimension d", dim, 1);
        if (halves.length == 0 || halves.length % dim != 0) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "paired halves", "k×d with d = " + dim,
                    halves.length + " values");
        }
        double[] w0 = new double[2 * halves.length];
        System.arraycopy(halves, 0, w0, 0, halves.length); // rows 0..k−1: v_i with s_i = +1
        System.arraycopy(halves, 0, w0, halves.length, halves.length); // rows k..2k−1: v_i with s_i = −1
        return w0;
    }

    /** c·T for a truth (scales the coefficients of a factored truth, the entries of a dense one). */
    public static Truth scaled(Truth truth, double c) {
        if (truth instanceof FactoredTruth f) {
            double[] coeffs = f.coeffs().clone();
            for (int j = 0; j < coeffs.length; j++) {
                coeffs[j] *= c;
            }
            return new FactoredTruth(f.order(), f.dim(), f.rank(), f.factors(), coeffs);
        }
        DenseTruth t = (DenseTruth) truth;
        double[] entries = t.entries().clone();
        for (int k = 0; k < entries.length; k++) {
            entries[k] *= c;
        }
        return new DenseTruth(t.order(), t.dim(), entries);
    }

    /**
     * T(w) of the plain model as a factored truth: rows w_i with coefficients s_i (E2.1). Used to compare
     * outputs of two parameter points through any backend's residual norm.
     *
     * @param theta W, m×d; copied
     */
    public static FactoredTruth modelTensor(Problem problem, double[] theta) {
        problem.checkParameters(theta);
        double[] coeffs = new double[problem.width()];
        for (int i = 0; i < coeffs.length; i++) {
            coeffs[i] = problem.sign(i);
        }
        return new FactoredTruth(problem.order(), problem.dim(), problem.width(), theta.clone(), coeffs);
    }

    private static void requireLazyProblem(Problem problem, double alpha) {
        Check.positive("scale alpha", alpha);
        if (problem.model() != ModelKind.PLAIN) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model of the lazy regime", "plain (spec 05-lazy.md)",
                    problem.model().id());
        }
        if (problem.lambda() != 0.0) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "lambda of the α-scaled objective", "0 (E5.1)",
                    problem.lambda());
        }
    }
}
