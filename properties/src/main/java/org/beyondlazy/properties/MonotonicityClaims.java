package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.GradientFlow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C4 (loss monotonicity): gradient descent with the certified step of A4.6 (η ≤ 1/L, L the local
 * smoothness bound E4.5) satisfies the descent lemma f_{k+1} ≤ f_k − (η_k/2)‖g_k‖² at every step, and
 * gradient flow (A4.4) never increases f.
 */
public abstract class MonotonicityClaims implements BackendUnderTest {
    /** Steps of each certified-GD trajectory. */
    public static final int STEPS = 100;
    /** Round-off allowance per step, relative to the magnitude of E2.8's terms at θ₀ (a Gram-form loss has ~1e-16 of it). */
    public static final double ROUND_OFF_REL = 1e-12;
    /** Integrator tolerances of the gradient-flow check. */
    public static final double FLOW_TOLERANCE = 1e-10;
    /** Allowed increase of f between gradient-flow samples, relative to max(1, f₀): integrator error. */
    public static final double FLOW_INCREASE_REL = 1e-8;
    /**
     * At least this fraction of all checked steps of a (model, l) run must require a decrease larger than
     * the round-off allowance; otherwise the per-step inequality would hold trivially (measured: 76–100%).
     */
    public static final double MIN_INFORMATIVE_FRACTION = 0.5;
    /** Examples per (model, l) for certified GD. */
    public static final int EXAMPLES = 15;
    /** Examples per model for gradient flow (each integrates an ODE). */
    public static final int FLOW_EXAMPLES = 4;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C4")
    @SpecRef("C4")
    void certifiedGradientDescentSatisfiesTheDescentLemma(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            int[] informative = new int[2]; // {steps whose required decrease exceeds the allowance, all steps}
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Objective f = backend().objective(inst.problem());
                double[] theta = inst.theta().clone();
                double allowance = ROUND_OFF_REL * ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), theta);
                CertifiedStep gd = new CertifiedStep(1.0);
                double before = f.value(theta);
                double first = before;
                for (int k = 0; k < STEPS; k++) {
                    gd.step(f, theta);
                    double after = f.value(theta);
                    double decrease = 0.5 * gd.lastStepSize() * gd.lastGradientNormSquared();
                    double required = before - decrease;
                    informative[0] += decrease > allowance ? 1 : 0;
                    informative[1]++;
                    assertThat(after).as("step %d of %s: f_k=%s, eta=%s, |g|^2=%s", k, inst, before,
                            gd.lastStepSize(), gd.lastGradientNormSquared()).isLessThanOrEqualTo(required + allowance);
                    before = after;
                }
                assertThat(before).as("f after %d certified steps, %s", STEPS, inst).isLessThanOrEqualTo(first);
            });
            assertThat((double) informative[0] / informative[1])
                    .as("fraction of informative steps, %s l=%d (%d of %d)", model, order, informative[0], informative[1])
                    .isGreaterThanOrEqualTo(MIN_INFORMATIVE_FRACTION);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C4")
    @SpecRef("C4")
    void gradientFlowNeverIncreasesTheLoss(ModelKind model) {
        ClaimSettings.theory(FLOW_EXAMPLES).forAll(Instances.instances(
                new Instances.Shape(model, 3, 3, 3, 2, true))).checkAssert(inst -> {
            Objective f = backend().objective(inst.problem());
            List<GradientFlow.Sample> path = new GradientFlow(FLOW_TOLERANCE, FLOW_TOLERANCE, 4).integrate(f, inst.theta(), 1.0);
            double f0 = path.get(0).value();
            for (int k = 1; k < path.size(); k++) {
                assertThat(path.get(k).value()).as("f(t=%s) vs f(t=%s), %s", path.get(k).time(), path.get(k - 1).time(), inst)
                        .isLessThanOrEqualTo(path.get(k - 1).value() + FLOW_INCREASE_REL * Math.max(1.0, f0));
            }
            assertThat(path.get(path.size() - 1).time()).isEqualTo(1.0);
        });
    }

    /** A3.1: the same seed gives a bit-identical trajectory (no hidden randomness or thread effects). */
    @Test
    @SpecRef("A3.1")
    void identicalSeedsGiveIdenticalTrajectories() {
        Instance a = Instances.random(42L, Instances.Shape.of(ModelKind.PLAIN, 3));
        Instance b = Instances.random(42L, Instances.Shape.of(ModelKind.PLAIN, 3));
        double[] ta = a.theta().clone();
        double[] tb = b.theta().clone();
        GradientDescent ga = new GradientDescent(1e-3);
        GradientDescent gb = new GradientDescent(1e-3);
        Objective fa = backend().objective(a.problem());
        Objective fb = backend().objective(b.problem());
        for (int k = 0; k < 20; k++) {
            assertThat(ga.step(fa, ta)).isEqualTo(gb.step(fb, tb));
        }
        assertThat(Arrays.equals(ta, tb)).isTrue();
    }
}
