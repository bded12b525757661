package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The objective of spec E2.4 through Gram matrices (spec E8.1–E8.3): never forms T(θ) or any d^l
 * array for the model. Every model is written as components p_i v_i^{⊗l} (E8.1); with the
 * symmetric Gram matrix G = V Vᵀ (one {@code dsyrk}, m²d flops):
 * <pre>
 *   2f = Σ_ii' p_i p_i' G_ii'^l − 2 Σ_i p_i T*(v_i^{⊗l}) + ‖T*‖² + λ‖W‖²          (E8.2)
 *   q_i = E(v_i^{⊗(l−1)}) = Σ_i' G_ii'^{l−1} p_i' v_i' − T*(v_i^{⊗(l−1)})          (E8.3)
 * </pre>
 * the first term of q as one symmetric product {@code dsymm} (2m²d flops) and the truth term from a
 * {@link TruthTerm} (Gram form for a factored truth, packed symmetric contraction for a dense one).
 * The gradients of E2.5–E2.7 are then assembled row by row from q_i and e_i = q_i·v_i = E(v_i^{⊗l}).
 *
 * <p>All scratch is allocated in the constructor: {@link #value} and {@link #valueAndGradient} allocate
 * nothing. Not thread-safe (one objective per thread); the BLAS may use threads internally.
 */
@SpecRef({"E8.1", "E8.2", "E8.3"})
public final class GramObjective implements Objective {
    private final Problem problem;
    private final BLAS blas;
    private final TruthTerm truth;
    private final int m;
    private final int d;
    private final int l;
    private final double[] v;     // V (homog: unit directions), m×d row-major; for plain/coef θ is used in place
    private final double[] p;     // component scales p_i
    private final double[] rho;   // homog: ρ_i = ‖w_i‖
    private final double[] y;     // diag(p)·V, m×d row-major
    private final double[] gram;  // G then G^{∘(l−1)}, m×m, upper triangle column-major
    private final double[] q;     // rows q_i, m×d row-major
    private final double[] t;     // rows t_i = T*(v_i^{⊗(l−1)}), m×d row-major
    private final PackedResidual packedResidual; // E8.9, null when m·N(d,l) is too large

    GramObjective(Problem problem, BLAS blas, TruthTerm truth) {
        this(problem, blas, truth, PackedResidual.WORK_LIMIT);
    }

    /** As above; {@code residualWorkLimit} bounds m·N(d,l) for the packed residual norm (0: always the Gram form). */
    GramObjective(Problem problem, BLAS blas, TruthTerm truth, long residualWorkLimit) {
        this.problem = problem;
        this.blas = blas;
        this.truth = truth;
        this.m = problem.width();
        this.d = problem.dim();
        this.l = problem.order();
        long gramSize = (long) m * m;
        if (gramSize > org.beyondlazy.core.Sizes.MAX_ARRAY_LENGTH) {
            throw new org.beyondlazy.core.BeyondLazyException(org.beyondlazy.core.ErrorCode.SIZE_OVERFLOW,
                    "Gram matrix m×m with m=" + m, gramSize, org.beyondlazy.core.Sizes.MAX_ARRAY_LENGTH);
        }
        this.v = switch (problem.model()) {
            case HOMOG -> new double[m * d];
            case PLAIN, COEF -> null;
        };
        this.p = new double[m];
        this.rho = new double[m];
        this.y = new double[m * d];
        this.gram = new double[(int) gramSize];
        this.q = new double[m * d];
        this.t = new double[m * d];
        this.packedResidual = PackedResidual.forSize(problem.truth(), m, residualWorkLimit);
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** x^k for a small integer k ≥ 0 by repeated multiplication (exact for k ≤ 2, within a few ulps above). */
    static double power(double x, int k) {
        switch (k) {
            case 0: return 1.0;
            case 1: return x;
            case 2: return x * x;
            case 3: return x * x * x;
            case 4: {
                double x2 = x * x;
                return x2 * x2;
            }
            default: {
                double r = 1.0;
                for (int i = 0; i < k; i++) {
                    r *= x;
                }
                return r;
            }
        }
    }

    /**
     * E8.1: the components (p_i, v_i) of θ. plain: (s_i, w_i); coef: (c_i, u_i); homog: (a_i ρ_i², w̄_i),
     * (0, 0) for a zero row. Returns the array holding V and sets {@link #p}.
     */
    @SpecRef("E8.1")
    private double[] components(double[] theta) {
        int off = problem.weightsOffset();
        return switch (problem.model()) {
            case PLAIN -> {
                for (int i = 0; i < m; i++) {
                    p[i] = problem.sign(i); // p_i = s_i
                }
                yield theta;
            }
            case COEF -> {
                System.arraycopy(theta, 0, p, 0, m); // p_i = c_i
                yield theta;
            }
            case HOMOG -> {
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int a = 0; a < d; a++) {
                        double w = theta[i * d + a];
                        s += w * w;
                    }
                    double r = Math.sqrt(s);
                    rho[i] = r; // ρ_i = ‖w_i‖
                    double inv = r > 0 ? 1.0 / r : 0.0;
                    for (int a = 0; a < d; a++) {
                        v[i * d + a] = theta[i * d + a] * inv; // w̄_i (0 for a zero row)
                    }
                    p[i] = r > 0 ? problem.sign(i) * s : 0.0; // p_i = a_i ρ_i²
                }
                yield v;
            }
        };
    }

    /** G = V Vᵀ into the upper triangle (column-major; G is symmetric so the layout is immaterial). */
    private void gramMatrix(double[] vs, int vOff) {
        // Vᵀ is the row-major V read column-major (d×m, ld d); G = (Vᵀ)ᵀ Vᵀ
        blas.dsyrk("U", "T", m, d, 1.0, vs, vOff, d, 0.0, gram, 0, m);
    }

    /**
     * Σ_ii' p_i p_i' G_ii'^l over the stored triangle; when {@code keepPower} the triangle is replaced by
     * G^{∘(l−1)} for the gradient.
     */
    private double modelTerm(boolean keepPower) {
        double sum = 0;
        for (int b = 0; b < m; b++) {
            double pb = p[b];
            int col = b * m;
            double rowSum = 0;
            for (int a = 0; a < b; a++) {
                double g = gram[col + a];
                double s = power(g, l - 1);
                rowSum += p[a] * s * g; // off-diagonal, counted twice below
                if (keepPower) {
                    gram[col + a] = s;
                }
            }
            double g = gram[col + b];
            double s = power(g, l - 1);
            if (keepPower) {
                gram[col + b] = s;
            }
            sum += pb * (2 * rowSum + pb * s * g);
        }
        return sum;
    }

    private double regularizer(double[] theta) {
        if (problem.lambda() == 0) {
            return 0;
        }
        double s = 0;
        for (int k = problem.weightsOffset(); k < theta.length; k++) {
            s += theta[k] * theta[k];
        }
        return problem.lambda() * s;
    }

    /**
     * The checks of {@link Problem#checkParameters} (length, finiteness) without building its message
     * strings on the success path, so that the steady state allocates nothing; on failure it delegates
     * to {@link Problem#checkParameters}, which throws the coded exception.
     */
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

    /** ½ max(0, A − 2B + C): the misfit of E8.2, clamped at its true lower bound 0 (round-off near a fit). */
    private static double misfit(double model, double cross, double truthNorm2) {
        return 0.5 * Math.max(0.0, model - 2 * cross + truthNorm2);
    }

    @Override
    public double value(double[] theta) {
        checkParameters(theta);
        double[] vs = components(theta);
        int vOff = vs == theta ? problem.weightsOffset() : 0;
        gramMatrix(vs, vOff);
        double model = modelTerm(false); // Σ p p' G^l
        double cross = truth.weightedFullContraction(vs, vOff, p); // Σ p_i T*(v_i^{⊗l})
        return misfit(model, cross, truth.normSquared()) + 0.5 * regularizer(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkParameters(theta);
        Check.length("gradient", gradient, problem.parameterCount(), "|θ|");
        double[] vs = components(theta);
        int vOff = vs == theta ? problem.weightsOffset() : 0;
        gramMatrix(vs, vOff);
        double model = modelTerm(true); // Σ p p' G^l; triangle now holds G^{∘(l−1)}
        for (int i = 0; i < m; i++) {
            double pi = p[i];
            for (int a = 0; a < d; a++) {
                y[i * d + a] = pi * vs[vOff + i * d + a]; // Y = diag(p) V
            }
        }
        // Qᵀ (d×m) = Yᵀ (d×m) · G^{∘(l−1)} (m×m symmetric): q_i = Σ_i' G_ii'^{l−1} p_i' v_i'
        blas.dsymm("R", "U", d, m, 1.0, gram, 0, m, y, 0, d, 0.0, q, 0, d);
        truth.contract(vs, vOff, t); // t_i = T*(v_i^{⊗(l−1)})
        double cross = 0;
        int off = problem.weightsOffset();
        double lambda = problem.lambda();
        for (int i = 0; i < m; i++) {
            int row = i * d;
            double tv = 0;
            double qv = 0;
            for (int a = 0; a < d; a++) {
                double va = vs[vOff + row + a];
                tv += t[row + a] * va;
                double qa = q[row + a] - t[row + a]; // q_i = E(v_i^{⊗(l−1)})
                q[row + a] = qa;
                qv += qa * va;
            }
            cross += p[i] * tv; // Σ p_i T*(v_i^{⊗l})
            double e = qv; // e_i = E(v_i^{⊗l})
            // every model's row is α_i q_i + β_i v_i + λ w_i (E2.5–E2.7); no default: a new model must say its row
            double r = rho[i];
            double alpha = switch (problem.model()) {
                case PLAIN, COEF -> l * p[i]; // E2.5, E2.6: l s_i q_i (l c_i q_i) + λ w_i
                case HOMOG -> r == 0 ? 0 : problem.sign(i) * r * l; // E2.7: a_i ρ_i [2 e_i w̄_i + l (q_i − e_i w̄_i)] + λ w_i
            };
            double beta = switch (problem.model()) {
                case PLAIN, COEF -> 0;
                case HOMOG -> r == 0 ? 0 : problem.sign(i) * r * (2 - l) * e;
            };
            int base = problem.model().hasCoefficients() ? off : 0;
            if (problem.model().hasCoefficients()) {
                gradient[i] = e; // E2.6: ∂f/∂c_i = E(u_i^{⊗l})
            }
            for (int a = 0; a < d; a++) {
                gradient[base + row + a] = alpha * q[row + a] + beta * vs[vOff + row + a] + lambda * theta[base + row + a];
            }
        }
        return misfit(model, cross, truth.normSquared()) + 0.5 * regularizer(theta);
    }

    /**
     * ‖T(θ) − T*‖_F: entry by entry in packed storage when m·N(d,l) is small enough (E8.9, no
     * cancellation near a perfect fit), else √(2·misfit) from the Gram form (accurate to about √(ε·S),
     * spec E8.2). Not allocation-free on its first call (the packed buffer).
     */
    @Override
    public double residualNorm(double[] theta) {
        checkParameters(theta);
        double[] vs = components(theta);
        int vOff = vs == theta ? problem.weightsOffset() : 0;
        if (packedResidual != null) {
            return packedResidual.norm(vs, vOff, p);
        }
        gramMatrix(vs, vOff);
        double model = modelTerm(false);
        double cross = truth.weightedFullContraction(vs, vOff, p);
        return Math.sqrt(2 * misfit(model, cross, truth.normSquared()));
    }
}
