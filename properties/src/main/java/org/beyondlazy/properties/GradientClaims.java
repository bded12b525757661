package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Claim C2 (gradient): the analytic gradient equals central finite differences, every model, l = 2, 3, 4. */
public abstract class GradientClaims implements BackendUnderTest {
    /** Central-difference step. */
    public static final double FD_STEP = 1e-5;
    /**
     * Allowed |g_fd − g| per coordinate, relative to max(1, |f|, ‖g‖_∞): truncation h²·f'''/6 ≈ 6e-9·|f| for
     * degree-8 polynomials with unit-size rows, round-off ε|f|/h ≈ 2e-11·|f|; 1e-6 leaves a margin of ~100.
     */
    public static final double GRADIENT_FD_REL = 1e-6;
    /** Examples per (model, l). */
    public static final int EXAMPLES = 40;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C2")
    @SpecRef("C2")
    void gradientMatchesCentralDifferences(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Objective f = backend().objective(inst.problem());
                double[] theta = inst.theta().clone();
                double[] gradient = new double[theta.length];
                double value = f.valueAndGradient(theta, gradient);
                double scale = Math.max(1.0, Math.abs(value));
                for (double g : gradient) {
                    scale = Math.max(scale, Math.abs(g));
                }
                for (int p = 0; p < theta.length; p++) {
                    double saved = theta[p];
                    theta[p] = saved + FD_STEP;
                    double plus = f.value(theta);
                    theta[p] = saved - FD_STEP;
                    double minus = f.value(theta);
                    theta[p] = saved;
                    double finiteDifference = (plus - minus) / (2 * FD_STEP);
                    assertThat(Math.abs(finiteDifference - gradient[p]))
                            .as("|fd − g| at coordinate %d for %s (fd=%s, g=%s)", p, inst, finiteDifference, gradient[p])
                            .isLessThanOrEqualTo(GRADIENT_FD_REL * scale);
                }
            });
        }
    }
}
