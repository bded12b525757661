package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.SmoothnessBound;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim C4, its premise: the local smoothness bound E4.5 really bounds ‖∇²f‖ on its box. Without this
 * the descent-lemma property could pass with a bound several times too small (the certified steps
 * would then still often decrease f). The Hessian is taken by central differences of the backend's
 * gradient at points sampled inside and on the boundary of the box.
 */
public abstract class SmoothnessBoundClaims implements BackendUnderTest {
    /** Finite-difference step of the Hessian columns. */
    public static final double HESSIAN_FD_STEP = 1e-5;
    /**
     * ‖H‖ may exceed L by this relative amount: the FD Hessian errs by h²·f''''/6 + ε‖∇f‖/h ≈ 1e-9 of L at
     * these sizes; the tight case below reaches ‖H‖ = L exactly, so any real excess is caught.
     */
    public static final double HESSIAN_EXCESS_REL = 1e-6;
    /** Examples per (model, l); points per example. */
    public static final int EXAMPLES = 15;
    public static final int POINTS_PER_BOX = 4;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C4")
    @SpecRef({"C4", "E4.5"})
    void boundHoldsInsideItsBox(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Problem p = inst.problem();
                Objective f = backend().objective(p);
                double[] theta = inst.theta();
                double[] g = new double[theta.length];
                f.valueAndGradient(theta, g);
                double l0 = SmoothnessBound.over(p, theta, g, 0.0);
                double reach = 1.0 / l0; // the box the certified step A4.6 uses
                double bound = SmoothnessBound.over(p, theta, g, reach);
                RandomGenerator rng = Generators.rng(inst.seed() ^ 0x2545F4914F6CDD1DL);
                for (int k = 0; k < POINTS_PER_BOX; k++) {
                    double[] point = pointInBox(p, theta, g, reach, rng, k % 2 == 0);
                    double norm = hessianNorm(f, point);
                    assertThat(norm).as("‖∇²f‖ at box point %d of %s (L = %s)", k, inst, bound)
                            .isLessThanOrEqualTo(bound * (1 + HESSIAN_EXCESS_REL));
                }
            });
        }
    }

    /** The bound is attained: plain, d = m = 1, T* = 0 gives f = ½w^{2l}, f'' = l(2l−1)w^{2l−2} = L(w, g, 0). */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    @Tag("C4")
    @SpecRef({"C4", "E4.5"})
    void boundIsTightForOnePlainComponentAndZeroTruth(int order) {
        FactoredTruth zero = new FactoredTruth(order, 1, 1, new double[] {1.0}, new double[] {0.0});
        Problem p = Problem.of(ModelKind.PLAIN, 1, 0.0, zero);
        double[] theta = {0.8};
        double bound = SmoothnessBound.over(p, theta, new double[] {0.0}, 0.0);
        double exact = order * (2.0 * order - 1) * Math.pow(0.8, 2 * order - 2);
        assertThat(bound).isCloseTo(exact, within(1e-12 * exact));
        assertThat(hessianNorm(backend().objective(p), theta)).isCloseTo(exact, within(1e-6 * exact));
    }

    /** A point with ‖w'_i‖ ≤ ‖w_i‖ + t‖g_i‖ (and |c'_i| ≤ |c_i| + t|g_{c,i}|); on the boundary when asked. */
    static double[] pointInBox(Problem p, double[] theta, double[] g, double reach, RandomGenerator rng, boolean boundary) {
        int d = p.dim();
        int off = p.weightsOffset();
        double[] point = theta.clone();
        for (int i = 0; i < off; i++) {
            double radius = Math.abs(theta[i]) + reach * Math.abs(g[i]);
            point[i] = (boundary ? (rng.nextBoolean() ? 1 : -1) : 2 * rng.nextDouble() - 1) * radius;
        }
        for (int i = 0; i < p.width(); i++) {
            double rowNorm = 0;
            double gradNorm = 0;
            for (int a = 0; a < d; a++) {
                rowNorm += theta[off + i * d + a] * theta[off + i * d + a];
                gradNorm += g[off + i * d + a] * g[off + i * d + a];
            }
            double radius = Math.sqrt(rowNorm) + reach * Math.sqrt(gradNorm);
            double[] u = Generators.unitVector(rng, d);
            double r = boundary ? radius : radius * rng.nextDouble();
            for (int a = 0; a < d; a++) {
                point[off + i * d + a] = r * u[a];
            }
        }
        return point;
    }

    /** Spectral norm of the symmetrized central-difference Hessian of f at θ. */
    static double hessianNorm(Objective f, double[] theta) {
        int n = theta.length;
        double[][] h = new double[n][n];
        double[] x = theta.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int q = 0; q < n; q++) {
            double saved = x[q];
            x[q] = saved + HESSIAN_FD_STEP;
            f.valueAndGradient(x, gp);
            x[q] = saved - HESSIAN_FD_STEP;
            f.valueAndGradient(x, gm);
            x[q] = saved;
            for (int p = 0; p < n; p++) {
                h[p][q] = (gp[p] - gm[p]) / (2 * HESSIAN_FD_STEP);
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(h);
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        double norm = 0;
        for (double e : new EigenDecompositionSymmetric(sym).getEigenvalues()) {
            norm = Math.max(norm, Math.abs(e));
        }
        return norm;
    }
}
