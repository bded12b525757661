package org.beyondlazy.reference;

import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The three model maps θ ↦ T(θ) (spec E2.1–E2.3) and their gradients (spec E2.5–E2.7), written step
 * by step over dense tensors. Parameter layout of spec E2.9.
 */
public final class ReferenceModels {
    private ReferenceModels() {
    }

    /** T(θ) for the problem's model, as a new dense tensor. θ is not modified. */
    public static DenseTensor tensor(Problem p, double[] theta) {
        return switch (p.model()) {
            case PLAIN -> plainTensor(p, theta);
            case COEF -> coefTensor(p, theta);
            case HOMOG -> homogTensor(p, theta);
        };
    }

    /**
     * Spec E2.1: T = Σ_i s_i w_i^{⊗l}.
     *
     * @param theta W, m×d row-major; not modified
     */
    @SpecRef("E2.1")
    public static DenseTensor plainTensor(Problem p, double[] theta) {
        DenseTensor t = new DenseTensor(p.order(), p.dim());
        for (int i = 0; i < p.width(); i++) {
            t.addRankOnePower(p.sign(i), row(theta, p, i)); // T += s_i w_i^{⊗l}
        }
        return t;
    }

    /**
     * Spec E2.2: T = Σ_i c_i u_i^{⊗l}.
     *
     * @param theta (c, U): m coefficients then m×d row-major; not modified
     */
    @SpecRef("E2.2")
    public static DenseTensor coefTensor(Problem p, double[] theta) {
        DenseTensor t = new DenseTensor(p.order(), p.dim());
        for (int i = 0; i < p.width(); i++) {
            t.addRankOnePower(theta[i], row(theta, p, i)); // T += c_i u_i^{⊗l}
        }
        return t;
    }

    /**
     * Spec E2.3: T = Σ_i a_i ‖w_i‖^{2−l} w_i^{⊗l}; a component with w_i = 0 contributes 0.
     *
     * @param theta W, m×d row-major; not modified
     */
    @SpecRef("E2.3")
    public static DenseTensor homogTensor(Problem p, double[] theta) {
        DenseTensor t = new DenseTensor(p.order(), p.dim());
        for (int i = 0; i < p.width(); i++) {
            double[] w = row(theta, p, i);
            double rho = norm(w); // ρ_i = ‖w_i‖
            if (rho == 0) {
                continue; // the zero component contributes 0
            }
            t.addRankOnePower(p.sign(i) * Math.pow(rho, 2 - p.order()), w); // T += a_i ρ_i^{2−l} w_i^{⊗l}
        }
        return t;
    }

    /**
     * ∇f for the problem's model, given the residual E = T(θ) − T*.
     *
     * @param theta    θ; not modified
     * @param residual E; not modified
     * @param gradient output of length |θ|; overwritten
     * @return {@code gradient}
     */
    public static double[] gradient(Problem p, double[] theta, DenseTensor residual, double[] gradient) {
        return switch (p.model()) {
            case PLAIN -> plainGradient(p, theta, residual, gradient);
            case COEF -> coefGradient(p, theta, residual, gradient);
            case HOMOG -> homogGradient(p, theta, residual, gradient);
        };
    }

    /** Spec E2.5: ∇_{w_i} f = l·s_i·E(w_i^{⊗(l−1)}) + λ w_i. Arguments as in {@link #gradient}. */
    @SpecRef("E2.5")
    public static double[] plainGradient(Problem p, double[] theta, DenseTensor residual, double[] gradient) {
        int l = p.order();
        int d = p.dim();
        for (int i = 0; i < p.width(); i++) {
            double[] w = row(theta, p, i);
            double[] ew = residual.contract(w, l - 1); // E(w_i^{⊗(l−1)})
            for (int a = 0; a < d; a++) {
                gradient[i * d + a] = l * p.sign(i) * ew[a] + p.lambda() * w[a]; // l s_i E(..) + λ w_i
            }
        }
        return gradient;
    }

    /**
     * Spec E2.6: ∂f/∂c_i = E(u_i^{⊗l}); ∇_{u_i} f = l·c_i·E(u_i^{⊗(l−1)}) + λ u_i.
     * Arguments as in {@link #gradient}.
     */
    @SpecRef("E2.6")
    public static double[] coefGradient(Problem p, double[] theta, DenseTensor residual, double[] gradient) {
        int l = p.order();
        int d = p.dim();
        int m = p.width();
        for (int i = 0; i < m; i++) {
            double c = theta[i];
            double[] u = row(theta, p, i);
            double[] eu = residual.contract(u, l - 1); // E(u_i^{⊗(l−1)})
            gradient[i] = dot(eu, u); // ∂f/∂c_i = E(u_i^{⊗l}) = E(u_i^{⊗(l−1)})·u_i
            for (int a = 0; a < d; a++) {
                gradient[m + i * d + a] = l * c * eu[a] + p.lambda() * u[a]; // l c_i E(..) + λ u_i
            }
        }
        return gradient;
    }

    /**
     * Spec E2.7: ∇_{w_i} f = a_i ρ_i [2·E(w̄_i^{⊗l})·w̄_i + l·P⊥_i E(w̄_i^{⊗(l−1)})] + λ w_i, with
     * P⊥_i = I − w̄_i w̄_iᵀ; λ w_i (= 0) at w_i = 0. Arguments as in {@link #gradient}.
     */
    @SpecRef("E2.7")
    public static double[] homogGradient(Problem p, double[] theta, DenseTensor residual, double[] gradient) {
        int l = p.order();
        int d = p.dim();
        for (int i = 0; i < p.width(); i++) {
            double[] w = row(theta, p, i);
            double rho = norm(w); // ρ_i
            if (rho == 0) {
                for (int a = 0; a < d; a++) {
                    gradient[i * d + a] = 0.0; // λ w_i = 0 at the origin
                }
                continue;
            }
            double[] unit = new double[d];
            for (int a = 0; a < d; a++) {
                unit[a] = w[a] / rho; // w̄_i = w_i / ρ_i
            }
            double[] eu = residual.contract(unit, l - 1); // E(w̄_i^{⊗(l−1)})
            double radial = dot(eu, unit); // E(w̄_i^{⊗l})
            for (int a = 0; a < d; a++) {
                double tangential = eu[a] - radial * unit[a]; // P⊥_i E(w̄_i^{⊗(l−1)})
                gradient[i * d + a] = p.sign(i) * rho * (2 * radial * unit[a] + l * tangential)
                        + p.lambda() * w[a];
            }
        }
        return gradient;
    }

    /** Row i of the m×d block W (or U for coef) of θ, as a fresh array (spec E2.9). */
    @SpecRef("E2.9")
    public static double[] row(double[] theta, Problem p, int i) {
        double[] w = new double[p.dim()];
        System.arraycopy(theta, p.weightsOffset() + i * p.dim(), w, 0, p.dim());
        return w;
    }

    /** ‖W‖_F² of the regularized block (W, or U for coef). */
    public static double weightsNormSquared(Problem p, double[] theta) {
        double sum = 0;
        for (int q = p.weightsOffset(); q < theta.length; q++) {
            sum += theta[q] * theta[q];
        }
        return sum;
    }

    /** Whether a model is supported (all are). */
    static boolean supports(ModelKind kind) {
        return kind != null;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
