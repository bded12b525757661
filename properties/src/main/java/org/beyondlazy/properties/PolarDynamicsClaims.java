package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.PolarDynamics;
import org.beyondlazy.reference.DenseTensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim C12 (polar dynamics of the homog model, spec E7.2/E7.3): along small-step gradient descent on
 * the backend under test, the finite differences of ρ_i = ‖w_i‖ and w̄_i = w_i/ρ_i follow the closed forms
 * dρ/dt = ρ(2a·G(w̄^{⊗l}) − λ) and dw̄/dt = a·l·P⊥G(w̄^{⊗(l−1)}), G = T* − T. The closed forms are
 * evaluated independently of the backend: T is assembled as Σ_i a_i ρ_i² w̄_i^{⊗l} with the reference's
 * {@link DenseTensor} and contracted there (the reference is the kit's oracle).
 */
public abstract class PolarDynamicsClaims implements BackendUnderTest {
    /** GD step of the finite differences. */
    public static final double ETA = 1e-7;
    /** Steps per trajectory (each checked). */
    public static final int STEPS = 30;
    /** Instances per order. */
    public static final int EXAMPLES = 25;
    /**
     * Slack on the second-order term of one GD step: |Δρ/η − ρ̇| ≤ η‖g_i‖²/(2ρ_i) and
     * ‖Δw̄/η − w̄̇‖ ≤ η‖g_i‖²/ρ_i² to leading order (geometry of the sphere); ×4 for higher-order terms.
     */
    public static final double SECOND_ORDER_SLACK = 4.0;
    /** Round-off of a difference quotient: ~1e-16·‖w‖/η ≈ 1e-9; and of closed vs gradient form (1e-12). */
    public static final double ROUND_OFF = 1e-8;

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    @Tag("C12")
    @SpecRef("C12")
    void smallStepGradientDescentFollowsThePolarEquations(int order) {
        ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(new Instances.Shape(ModelKind.HOMOG, order,
                order >= 4 ? 4 : 5, 3, 3, true))).checkAssert(inst -> {
            Problem p = inst.problem();
            Objective f = backend().objective(p);
            DenseTensor truth = DenseTensor.of(p.truth());
            int d = p.dim();
            int m = p.width();
            int l = p.order();
            double[] theta = inst.theta().clone();
            double[] g = new double[theta.length];
            for (int k = 0; k < STEPS; k++) {
                f.valueAndGradient(theta, g);
                // closed forms at θ_k, from the dense oracle
                DenseTensor model = new DenseTensor(l, d);
                for (int i = 0; i < m; i++) {
                    double rho = PolarDynamics.norm(theta, d, i);
                    model.addRankOnePower(p.sign(i) * rho * rho, PolarDynamics.direction(theta, d, i)); // a ρ² w̄^{⊗l}
                }
                DenseTensor residual = truth.minus(model); // G = T* − T
                double[] next = theta.clone();
                for (int q = 0; q < next.length; q++) {
                    next[q] -= ETA * g[q]; // one GD step
                }
                for (int i = 0; i < m; i++) {
                    double rho = PolarDynamics.norm(theta, d, i);
                    double[] unit = PolarDynamics.direction(theta, d, i);
                    double gFull = residual.contract(unit, l)[0]; // G(w̄^{⊗l})
                    double[] gVec = residual.contract(unit, l - 1); // G(w̄^{⊗(l−1)})
                    double rhoDot = PolarDynamics.radialVelocityClosedForm(rho, p.sign(i), gFull, p.lambda());
                    double[] unitDot = PolarDynamics.directionVelocityClosedForm(unit, p.sign(i), l, gVec);
                    double g2 = 0;
                    for (int a = 0; a < d; a++) {
                        g2 += g[i * d + a] * g[i * d + a];
                    }
                    // (1) the gradient forms E7.2/E7.3 equal the closed forms (an identity; round-off only)
                    assertThat(PolarDynamics.radialVelocity(theta, g, d, i)).as("rho-dot gradient vs closed form, %s, i=%d", inst, i)
                            .isCloseTo(rhoDot, org.assertj.core.data.Offset.offset(ROUND_OFF * Math.max(1, Math.abs(rhoDot))));
                    double[] unitDotGrad = PolarDynamics.directionVelocity(theta, g, d, i);
                    // (2) finite differences of one small GD step follow the closed forms
                    double rhoNext = PolarDynamics.norm(next, d, i);
                    double[] unitNext = PolarDynamics.direction(next, d, i);
                    double radialTol = SECOND_ORDER_SLACK * ETA * g2 / (2 * rho) + ROUND_OFF * Math.max(1, Math.abs(rhoDot));
                    assertThat((rhoNext - rho) / ETA).as("d rho/dt, step %d, component %d, %s", k, i, inst)
                            .isCloseTo(rhoDot, org.assertj.core.data.Offset.offset(radialTol));
                    double scale = 0;
                    for (double v : unitDot) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    double directionTol = SECOND_ORDER_SLACK * ETA * g2 / (rho * rho) + ROUND_OFF * Math.max(1, scale);
                    for (int a = 0; a < d; a++) {
                        assertThat(unitDotGrad[a]).as("w-bar-dot gradient vs closed form, %s, i=%d", inst, i)
                                .isCloseTo(unitDot[a], org.assertj.core.data.Offset.offset(ROUND_OFF * Math.max(1, scale)));
                        assertThat((unitNext[a] - unit[a]) / ETA).as("d w-bar/dt, step %d, component %d, coordinate %d, %s", k, i, a, inst)
                                .isCloseTo(unitDot[a], org.assertj.core.data.Offset.offset(directionTol));
                    }
                }
                theta = next;
            }
        });
    }
}
