package org.beyondlazy.core;

/**
 * The expanded inner-product form of the loss (spec E2.8), for a factored truth. Writing each model
 * component as p_i v_i^{⊗l} (plain: s_i, w_i; coef: c_i, u_i; homog: a_i‖w_i‖², w̄_i) and using
 * ⟨u^{⊗l}, v^{⊗l}⟩ = (u·v)^l (E1.5):
 * 2f = Σ_{ii'} p_i p_{i'} (v_i·v_{i'})^l − 2 Σ_{ij} p_i c_j (v_i·u_j)^l + Σ_{jj'} c_j c_{j'} (u_j·u_{j'})^l + λ‖W‖².
 * Never forms a tensor; an independent check of any dense implementation (claim C1).
 */
@SpecRef("E2.8")
public final class ExpandedLoss {
    private ExpandedLoss() {
    }

    /** The components (p_i, v_i) of θ; v_i is a fresh array. */
    public record Component(double scale, double[] direction) {
    }

    /** f(θ) by E2.8. θ is not modified. */
    public static double value(Problem p, FactoredTruth truth, double[] theta) {
        Component[] parts = components(p, theta);
        int l = p.order();
        double model = 0;
        for (Component a : parts) {
            for (Component b : parts) {
                model += a.scale * b.scale * Math.pow(dot(a.direction, b.direction), l); // Σ p p' (v·v')^l
            }
        }
        double cross = 0;
        for (Component a : parts) {
            for (int j = 0; j < truth.rank(); j++) {
                cross += a.scale * truth.coeffs()[j] * Math.pow(dot(a.direction, truth.factor(j)), l); // Σ p_i c_j (v_i·u_j)^l
            }
        }
        return 0.5 * (model - 2 * cross + truth.normSquared() + p.lambda() * weightsNormSquared(p, theta));
    }

    /**
     * (Σ_i |p_i| ‖v_i‖^l + Σ_j |c_j| ‖u_j‖^l)² + λ‖W‖², the magnitude of the terms of E2.8, used to scale
     * absolute tolerances (the form cancels catastrophically near a perfect fit).
     */
    public static double magnitude(Problem p, FactoredTruth truth, double[] theta) {
        double model = 0;
        for (Component a : components(p, theta)) {
            model += Math.abs(a.scale) * Math.pow(Math.sqrt(dot(a.direction, a.direction)), p.order());
        }
        double target = 0;
        for (int j = 0; j < truth.rank(); j++) {
            double[] u = truth.factor(j);
            target += Math.abs(truth.coeffs()[j]) * Math.pow(Math.sqrt(dot(u, u)), p.order());
        }
        return (model + target) * (model + target) + p.lambda() * weightsNormSquared(p, theta);
    }

    /** Splits θ into components p_i v_i^{⊗l} per the model (E2.1–E2.3, layout E2.9). */
    public static Component[] components(Problem p, double[] theta) {
        int m = p.width();
        int d = p.dim();
        int off = p.weightsOffset();
        Component[] parts = new Component[m];
        for (int i = 0; i < m; i++) {
            double[] w = new double[d];
            System.arraycopy(theta, off + i * d, w, 0, d);
            parts[i] = switch (p.model()) {
                case PLAIN -> new Component(p.sign(i), w);
                case COEF -> new Component(theta[i], w);
                case HOMOG -> {
                    double rho = Math.sqrt(dot(w, w));
                    double[] unit = new double[d];
                    for (int a = 0; rho > 0 && a < d; a++) {
                        unit[a] = w[a] / rho;
                    }
                    yield new Component(p.sign(i) * rho * rho, unit);
                }
            };
        }
        return parts;
    }

    static double weightsNormSquared(Problem p, double[] theta) {
        double sum = 0;
        for (int q = p.weightsOffset(); q < theta.length; q++) {
            sum += theta[q] * theta[q];
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
