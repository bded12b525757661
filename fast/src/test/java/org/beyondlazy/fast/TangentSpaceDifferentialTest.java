package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.Instances;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Claim C14 for the tangent space (spec E5.7, fast construction E8.8): the packed Jacobian matrix, its
 * singular values, the numerical rank and the lazy residual (factored and dense truth) equal the
 * reference's on generated plain instances, l = 2, 3, 4, with the SVD in Hipparchus (pure-Java BLAS) and
 * in native LAPACK (the best BLAS, when native).
 */
class TangentSpaceDifferentialTest {
    /**
     * Jacobian entries: each is √mult·s·n_a·(a product of l − 1 entries); the reference sums the same
     * products densely, so they agree to a few ulps of max(1, max|entry|).
     */
    public static final double JACOBIAN_REL = 1e-13;
    /** Singular values relative to σ₁: the SVD is backward stable, so equal inputs up to ulps give σ within ~ε·σ₁·(N + md). */
    public static final double SINGULAR_VALUE_REL = 1e-11;
    /** Lazy residual (a ratio in [0, 1]): projections onto the same numerical range, round-off ~1e-14. */
    public static final double LAZY_RESIDUAL_ABS = 1e-9;
    /** Instances per order. */
    public static final int EXAMPLES = 10;

    private static final Backend REFERENCE = new ReferenceBackend();

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        java.util.List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
        for (boolean nativeBlas : new boolean[] {false, true}) {
            for (int order : new int[] {2, 3, 4}) {
                out.add(org.junit.jupiter.params.provider.Arguments.of(nativeBlas ? "best" : "java", order));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} l={1}")
    @MethodSource("cases")
    @Tag("C14")
    @SpecRef("C14")
    void tangentSpaceEqualsTheReference(String blas, int order) {
        GramBackend fast = new GramBackend(blas.equals("best") ? Blas.best() : Blas.pureJava());
        System.out.println("tangent space on " + fast.name() + ", LAPACK " + fast.lapack().describe());
        ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(ModelKind.PLAIN, order))).checkAssert(inst -> {
            Problem p = inst.problem();
            TangentSpace mine = fast.tangentSpace(p, inst.theta());
            TangentSpace ref = REFERENCE.tangentSpace(p, inst.theta());
            assertThat(mine.ambientDimension()).isEqualTo(ref.ambientDimension());
            assertThat(mine.parameterCount()).isEqualTo(ref.parameterCount());
            double[][] j = mine.jacobianMatrix();
            double[][] jRef = ref.jacobianMatrix();
            double size = 1.0;
            for (double[] row : jRef) {
                for (double x : row) {
                    size = Math.max(size, Math.abs(x));
                }
            }
            for (int k = 0; k < j.length; k++) {
                for (int c = 0; c < j[k].length; c++) {
                    assertThat(Math.abs(j[k][c] - jRef[k][c])).as("J[%d][%d], %s", k, c, inst).isLessThanOrEqualTo(JACOBIAN_REL * size);
                }
            }
            double[] s = mine.singularValues();
            double[] sRef = ref.singularValues();
            assertThat(s).hasSameSizeAs(sRef);
            for (int k = 0; k < s.length; k++) {
                assertThat(Math.abs(s[k] - sRef[k])).as("σ_%d, %s", k, inst).isLessThanOrEqualTo(SINGULAR_VALUE_REL * sRef[0]);
            }
            assertThat(mine.rank()).as("rank, %s", inst).isEqualTo(ref.rank());
            assertThat(Math.abs(mine.lazyResidual(p.truth()) - ref.lazyResidual(p.truth())))
                    .as("lazy residual (factored truth), %s", inst).isLessThanOrEqualTo(LAZY_RESIDUAL_ABS);
            DenseTruth dense = new DenseTruth(order, p.dim(), DenseTensor.of(p.truth()).entries());
            assertThat(Math.abs(mine.lazyResidual(dense) - ref.lazyResidual(dense)))
                    .as("lazy residual (dense truth), %s", inst).isLessThanOrEqualTo(LAZY_RESIDUAL_ABS);
        });
    }
}
