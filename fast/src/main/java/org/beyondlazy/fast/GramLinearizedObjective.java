package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;

/**
 * The linearized objective of the plain model around w₀ (spec E5.6) through Gram matrices (spec E8.7):
 * f̄(w) = ½‖E‖² + (λ/2)‖W‖² with E = T(w₀) + J(w₀)Δ − T*, Δ = w − w₀. With A = W₀ (rows a_i),
 * G = A Aᵀ fixed and N = A Δᵀ (N_ii' = a_i·δ_i', one m×m×d product per evaluation):
 * <pre>
 *   q_i = E(a_i^{⊗(l−1)}) = Σ_i' s_i' [G_ii'^{l−1} w_i' + (l−1) G_ii'^{l−2} N_ii' a_i'] − T*(a_i^{⊗(l−1)})
 *   ∇f̄ = (s_i l q_i)_i + λ w = Jᵀ E + λ w
 *   ‖E‖² = ‖E₀‖² + ⟨Δ, Jᵀ E₀⟩ + ⟨Δ, Jᵀ E⟩
 * </pre>
 * Per evaluation 6m²d flops (N, G^{∘(l−1)}·diag(s)W, (G^{∘(l−2)}∘N)·diag(s)A); T*(a_i^{⊗(l−1)}),
 * JᵀE₀ and ‖E₀‖² are computed once. Any truth (factored or dense) through its {@link TruthTerm}.
 * Allocation-free after construction; not thread-safe.
 */
@SpecRef("E8.7")
public final class GramLinearizedObjective implements Objective {
    private final Problem problem;
    private final BLAS blas;
    private final int m;
    private final int d;
    private final int l;
    private final double[] a;       // W₀, m×d row-major
    private final double[] sa;      // diag(s) W₀
    private final double[] power1;  // G^{∘(l−1)}, m×m full
    private final double[] power2;  // G^{∘(l−2)}, m×m full
    private final double[] n;       // N then G^{∘(l−2)}∘N, m×m column-major
    private final double[] truthRows; // T*(a_i^{⊗(l−1)}), m×d
    private final double[] g0;      // Jᵀ E₀, m×d
    private final double e0Squared; // ‖E₀‖²
    private final double[] delta;   // Δ, m×d
    private final double[] sw;      // diag(s) W, m×d
    private final double[] q;       // rows q_i, m×d
    private final double[] jte;     // Jᵀ E, m×d
    private final PackedResidual packedResidual; // E8.9, null when m·N(d,l) is too large

    GramLinearizedObjective(Problem problem, double[] theta0, BLAS blas, TruthTerm truth) {
        this(problem, theta0, blas, truth, PackedResidual.WORK_LIMIT);
    }

    /** As above; {@code residualWorkLimit} bounds m·N(d,l) for the packed residual norm (0: always the Gram form). */
    GramLinearizedObjective(Problem problem, double[] theta0, BLAS blas, TruthTerm truth, long residualWorkLimit) {
        if (problem.model() != ModelKind.PLAIN) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model of the linearized objective",
                    "plain (spec 05-lazy.md)", problem.model().id());
        }
        this.problem = problem;
        this.blas = blas;
        this.m = problem.width();
        this.d = problem.dim();
        this.l = problem.order();
        long mm = (long) m * m;
        if (3 * mm > Sizes.MAX_ARRAY_LENGTH) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "Gram matrices m×m with m=" + m, mm, Sizes.MAX_ARRAY_LENGTH);
        }
        this.a = problem.checkParameters(theta0).clone();
        this.sa = new double[m * d];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < d; c++) {
                sa[i * d + c] = problem.sign(i) * a[i * d + c];
            }
        }
        // E8.7 step 1: G = A Aᵀ (full), its powers G^{∘(l−1)} and G^{∘(l−2)}
        double[] gram = new double[(int) mm];
        blas.dsyrk("U", "T", m, d, 1.0, a, 0, d, 0.0, gram, 0, m);
        this.power1 = new double[(int) mm];
        this.power2 = new double[(int) mm];
        double model = 0; // Σ s s' G^l
        for (int col = 0; col < m; col++) {
            for (int row = 0; row <= col; row++) {
                double g = gram[row + col * m];
                double p2 = GramObjective.power(g, l - 2);
                double p1 = p2 * g;
                power1[row + col * m] = p1;
                power1[col + row * m] = p1;
                power2[row + col * m] = p2;
                power2[col + row * m] = p2;
                model += (row == col ? 1 : 2) * problem.sign(row) * problem.sign(col) * p1 * g;
            }
        }
        // E8.7 step 2: T*(a_i^{⊗(l−1)}), E₀(a_i^{⊗(l−1)}) = G^{∘(l−1)} diag(s) A − T*(…), Jᵀ E₀, ‖E₀‖²
        this.truthRows = new double[m * d];
        truth.contract(a, 0, truthRows);
        this.g0 = new double[m * d];
        blas.dgemm("N", "N", d, m, m, 1.0, sa, 0, d, power1, 0, m, 0.0, g0, 0, d);
        double cross = 0;
        for (int i = 0; i < m; i++) {
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += truthRows[i * d + c] * a[i * d + c];
                g0[i * d + c] = problem.sign(i) * l * (g0[i * d + c] - truthRows[i * d + c]);
            }
            cross += problem.sign(i) * dot;
        }
        this.e0Squared = Math.max(0.0, model - 2 * cross + truth.normSquared());
        this.n = new double[(int) mm];
        this.delta = new double[m * d];
        this.sw = new double[m * d];
        this.q = new double[m * d];
        this.jte = new double[m * d];
        this.packedResidual = PackedResidual.forSize(problem.truth(), m, residualWorkLimit);
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** W₀ (a copy). */
    public double[] initialPoint() {
        return a.clone();
    }

    private void checkParameters(double[] theta) {
        if (theta == null || theta.length != problem.parameterCount()) {
            problem.checkParameters(theta);
        }
        for (double x : theta) {
            if (!Double.isFinite(x)) {
                problem.checkParameters(theta);
            }
        }
    }

    /** Fills {@link #jte} with Jᵀ E and returns ‖E‖² (E8.7). */
    private double evaluate(double[] theta) {
        checkParameters(theta);
        for (int i = 0; i < m; i++) {
            double s = problem.sign(i);
            for (int c = 0; c < d; c++) {
                int k = i * d + c;
                delta[k] = theta[k] - a[k]; // Δ = w − w₀
                sw[k] = s * theta[k]; // diag(s) W
            }
        }
        // E8.7 step 3: N = A Δᵀ (column-major: N(i,i') = a_i·δ_i')
        blas.dgemm("T", "N", m, m, d, 1.0, a, 0, d, delta, 0, d, 0.0, n, 0, m);
        int size = m * m;
        for (int k = 0; k < size; k++) {
            n[k] *= power2[k]; // G^{∘(l−2)} ∘ N
        }
        // E8.7 step 4: Qᵀ = (diag(s)W)ᵀ G^{∘(l−1)} + (l−1) (diag(s)A)ᵀ (G^{∘(l−2)}∘N)ᵀ
        blas.dgemm("N", "N", d, m, m, 1.0, sw, 0, d, power1, 0, m, 0.0, q, 0, d);
        blas.dgemm("N", "T", d, m, m, l - 1.0, sa, 0, d, n, 0, m, 1.0, q, 0, d);
        double inner = 0;
        for (int i = 0; i < m; i++) {
            double scale = problem.sign(i) * l;
            for (int c = 0; c < d; c++) {
                int k = i * d + c;
                double g = scale * (q[k] - truthRows[k]); // (Jᵀ E)_i = s_i l E(a_i^{⊗(l−1)})
                jte[k] = g;
                inner += delta[k] * (g0[k] + g); // ⟨Δ, JᵀE₀ + JᵀE⟩
            }
        }
        return Math.max(0.0, e0Squared + inner); // E8.7 step 5: ‖E‖²
    }

    private double regularizer(double[] theta) {
        if (problem.lambda() == 0) {
            return 0;
        }
        double s = 0;
        for (double x : theta) {
            s += x * x;
        }
        return problem.lambda() * s;
    }

    @Override
    public double value(double[] theta) {
        return 0.5 * evaluate(theta) + 0.5 * regularizer(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        Check.length("gradient", gradient, problem.parameterCount(), "m×d");
        double e2 = evaluate(theta);
        double lambda = problem.lambda();
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] = jte[k] + lambda * theta[k]; // Jᵀ E + λ w
        }
        return 0.5 * e2 + 0.5 * regularizer(theta);
    }

    /**
     * ‖T(w₀) + J(w₀)Δ − T*‖_F: accumulated entry by entry in packed storage when m·N(d,l) is small enough
     * (E8.9, no cancellation; the lazy-limit claim measures gaps of 1e-8 relative this way), else
     * √‖E‖² from the Gram form.
     */
    @Override
    public double residualNorm(double[] theta) {
        if (packedResidual == null) {
            return Math.sqrt(evaluate(theta));
        }
        checkParameters(theta);
        for (int k = 0; k < delta.length; k++) {
            delta[k] = theta[k] - a[k]; // Δ = w − w₀
        }
        return packedResidual.linearizedNorm(a, delta, problem.signs());
    }
}
