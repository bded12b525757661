package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C1 (objective identity): f ≥ 0; f = 0 at an exact fit of the truth; the backend's loss equals
 * the expanded inner-product form E2.8. Run for every model and l = 2, 3, 4.
 */
public abstract class ObjectiveIdentityClaims implements BackendUnderTest {
    /**
     * Loss at an exact fit, relative to S = (Σ|p_i|‖v_i‖^l + Σ|c_j|)², the magnitude of E2.8's terms: a Gram-form
     * loss is a difference of terms of size S (not ‖T*‖², which is much smaller when the truth's components nearly
     * cancel), so its round-off at an exact fit is a few hundred ulps of S.
     */
    public static final double EXACT_FIT_LOSS_REL = 1e-13;
    /** ‖T − T*‖ at an exact fit relative to √S: √(2·1e-13) rounded up, so a Gram-form norm passes too. */
    public static final double EXACT_FIT_RESIDUAL_REL = 1e-6;
    /** |f − f_E2.8| relative to the magnitude of E2.8's terms: a few hundred ulps of the largest term. */
    public static final double EXPANDED_FORM_REL = 1e-12;
    /** Examples per (model, l). */
    public static final int EXAMPLES = 40;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C1")
    @SpecRef("C1")
    void lossIsNonNegativeAndEqualsTheExpandedForm(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Objective f = backend().objective(inst.problem());
                double value = f.value(inst.theta());
                double expanded = ExpandedLoss.value(inst.problem(), (FactoredTruth) inst.problem().truth(), inst.theta());
                double scale = ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), inst.theta());
                assertThat(value).as("f ≥ 0 for %s", inst).isGreaterThanOrEqualTo(0.0);
                assertThat(value).as("f equals E2.8 for %s", inst).isCloseTo(expanded, within(EXPANDED_FORM_REL * scale));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C1")
    @SpecRef("C1")
    void lossVanishesAtAnExactFit(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            final int l = order;
            ClaimSettings.theory(EXAMPLES).forAll(org.quicktheories.generators.SourceDSL.longs().all()).checkAssert(seed -> {
                var rng = Generators.rng(seed);
                int d = 1 + rng.nextInt(5);
                int r = 1 + rng.nextInt(3);
                FactoredTruth truth = new FactoredTruth(l, d, r, Generators.unitRows(rng, r, d), Generators.gaussian(rng, 1, r, 1.0));
                Instance inst = Instances.exactFit(seed, model, truth);
                Objective f = backend().objective(inst.problem());
                double magnitude = ExpandedLoss.magnitude(inst.problem(), truth, inst.theta());
                assertThat(f.value(inst.theta())).as("f at the exact fit (S = %s, ‖T*‖² = %s), %s", magnitude,
                        truth.normSquared(), inst).isCloseTo(0.0, within(EXACT_FIT_LOSS_REL * magnitude));
                assertThat(f.residualNorm(inst.theta())).as("‖T − T*‖ at the exact fit (S = %s), %s", magnitude, inst)
                        .isLessThanOrEqualTo(EXACT_FIT_RESIDUAL_REL * Math.sqrt(magnitude));
            });
        }
    }
}
