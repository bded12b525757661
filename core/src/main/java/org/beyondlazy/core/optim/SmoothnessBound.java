package org.beyondlazy.core.optim;

import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;

/**
 * The local smoothness bound of spec E4.5: an upper bound L on the largest eigenvalue of ∇²f over the
 * box B(θ, g, t) of parameters θ' whose rows satisfy ‖w'_i‖ ≤ ‖w_i‖ + t‖g_i‖ (and, for coef,
 * |c'_i| ≤ |c_i| + t|g_{c,i}|). The segment from θ to θ − t·g lies in that box, so gradient descent
 * with a step η ≤ 1/L on it decreases f by at least (η/2)‖g‖² (the descent lemma).
 *
 * <p>With R_i the row radii, C_i the coefficient radii, ‖T*‖ the truth's norm (spec E4.5):
 * <ul>
 *   <li>plain: L = l² Σ R_i^{2(l−1)} + (‖T*‖ + Σ R_i^l)·l(l−1) max R_i^{l−2} + λ</li>
 *   <li>coef: L = Σ (R_i^{2l} + l² C_i² R_i^{2(l−1)}) + (‖T*‖ + Σ C_i R_i^l)·max_i(l R_i^{l−1} + l(l−1) C_i R_i^{l−2}) + λ</li>
 *   <li>homog: L = max(4, l) Σ R_i² + (‖T*‖ + Σ R_i²)·(2 + 4√l + l² + l) + λ</li>
 * </ul>
 * The derivation (first term bounds ‖DT‖², second bounds ‖T − T*‖·‖D²T‖) is in proofs-notes/C4.
 */
@SpecRef("E4.5")
public final class SmoothnessBound {
    private SmoothnessBound() {
    }

    /**
     * L over B(θ, g, t).
     *
     * @param problem  the problem (model, l, λ, T*)
     * @param theta    θ; not modified
     * @param gradient g (any direction of motion); not modified
     * @param reach    t ≥ 0
     */
    public static double over(Problem problem, double[] theta, double[] gradient, double reach) {
        int m = problem.width();
        int d = problem.dim();
        int l = problem.order();
        int off = problem.weightsOffset();
        double truthNorm = Math.sqrt(problem.truth().normSquared());
        double first = 0;
        double residualBound = truthNorm;
        double second = 0;
        for (int i = 0; i < m; i++) {
            double rowNorm = 0;
            double gradNorm = 0;
            for (int a = 0; a < d; a++) {
                rowNorm += theta[off + i * d + a] * theta[off + i * d + a];
                gradNorm += gradient[off + i * d + a] * gradient[off + i * d + a];
            }
            double r = Math.sqrt(rowNorm) + reach * Math.sqrt(gradNorm);
            Terms t = switch (problem.model()) {
                case PLAIN -> new Terms(l * l * Math.pow(r, 2 * (l - 1)), Math.pow(r, l), l * (l - 1) * Math.pow(r, l - 2));
                case COEF -> {
                    double c = Math.abs(theta[i]) + reach * Math.abs(gradient[i]);
                    yield new Terms(Math.pow(r, 2 * l) + l * l * c * c * Math.pow(r, 2 * (l - 1)), c * Math.pow(r, l),
                            l * Math.pow(r, l - 1) + l * (l - 1) * c * Math.pow(r, l - 2));
                }
                case HOMOG -> new Terms(Math.max(4, l) * r * r, r * r, 2 + 4 * Math.sqrt(l) + l * l + l);
            };
            first += t.first();
            residualBound += t.residual();
            second = Math.max(second, t.second());
        }
        return first + residualBound * second + problem.lambda();
    }

    /** Whether the model's bound is defined (all three are). */
    public static boolean supports(ModelKind model) {
        return true;
    }

    /** One component's share of the bound: its term of ‖DT‖², of the residual bound, and of ‖D²T‖. */
    private record Terms(double first, double residual, double second) {
    }

}
