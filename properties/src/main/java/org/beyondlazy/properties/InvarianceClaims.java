package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;

import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C3 (invariances): f is invariant, and ∇f equivariant, under a permutation of the components
 * (with their signs or coefficients) and under an orthogonal Q applied to the rows of W and of U*.
 */
public abstract class InvarianceClaims implements BackendUnderTest {
    /** |f − f'| relative to the magnitude of E2.8's terms: summation order changes only. */
    public static final double LOSS_REL = 1e-12;
    /** Per-coordinate gradient difference relative to max(1, ‖g‖_∞). */
    public static final double GRADIENT_REL = 1e-11;
    /** Examples per (model, l). */
    public static final int EXAMPLES = 30;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C3")
    @SpecRef("C3")
    void permutingComponentsChangesNothing(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            // m ≥ 2 and a non-identity permutation: otherwise the check is empty
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order)))
                    .assuming(inst -> inst.problem().width() >= 2).checkAssert(inst -> {
                Problem p = inst.problem();
                int m = p.width();
                int d = p.dim();
                int off = p.weightsOffset();
                int[] perm = nonIdentityPermutation(Generators.rng(inst.seed() ^ 0x5DEECE66DL), m);
                double[] signs = p.model().hasSigns() ? new double[m] : null;
                double[] theta = new double[inst.theta().length];
                for (int i = 0; i < m; i++) {
                    int from = perm[i];
                    if (signs != null) {
                        signs[i] = p.sign(from);
                    }
                    if (off > 0) {
                        theta[i] = inst.theta()[from];
                    }
                    System.arraycopy(inst.theta(), off + from * d, theta, off + i * d, d);
                }
                Problem permuted = new Problem(p.model(), m, signs, p.lambda(), p.truth());
                double[] g = new double[theta.length];
                double[] gPermuted = new double[theta.length];
                double f = backend().objective(p).valueAndGradient(inst.theta(), g);
                double fPermuted = backend().objective(permuted).valueAndGradient(theta, gPermuted);
                double scale = ExpandedLoss.magnitude(p, (FactoredTruth) p.truth(), inst.theta());
                assertThat(Math.abs(f - fPermuted)).as("f after permuting %s", inst).isLessThanOrEqualTo(LOSS_REL * scale);
                double gScale = gradientScale(g);
                for (int i = 0; i < m; i++) {
                    int from = perm[i];
                    if (off > 0) {
                        assertThat(Math.abs(gPermuted[i] - g[from])).as("coef gradient %d, %s", i, inst)
                                .isLessThanOrEqualTo(GRADIENT_REL * gScale);
                    }
                    for (int a = 0; a < d; a++) {
                        assertThat(Math.abs(gPermuted[off + i * d + a] - g[off + from * d + a]))
                                .as("gradient row %d col %d, %s", i, a, inst).isLessThanOrEqualTo(GRADIENT_REL * gScale);
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C3")
    @SpecRef("C3")
    void rotatingWeightsAndTruthTogetherChangesNothing(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            // d ≥ 2: in dimension 1 the only orthogonal maps are ±1
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order)))
                    .assuming(inst -> inst.problem().dim() >= 2).checkAssert(inst -> {
                Problem p = inst.problem();
                FactoredTruth truth = (FactoredTruth) p.truth();
                int d = p.dim();
                int off = p.weightsOffset();
                double[] q = Generators.orthonormalRows(Generators.rng(inst.seed() ^ 0x9E3779B97F4A7C15L), d, d);
                double[] theta = inst.theta().clone();
                rotateRows(theta, off, p.width(), d, q);
                double[] factors = truth.factors().clone();
                rotateRows(factors, 0, truth.rank(), d, q);
                Problem rotated = new Problem(p.model(), p.width(), p.signs(), p.lambda(),
                        new FactoredTruth(truth.order(), d, truth.rank(), factors, truth.coeffs()));
                double[] g = new double[theta.length];
                double[] gRotated = new double[theta.length];
                double f = backend().objective(p).valueAndGradient(inst.theta(), g);
                double fRotated = backend().objective(rotated).valueAndGradient(theta, gRotated);
                double scale = ExpandedLoss.magnitude(p, truth, inst.theta());
                assertThat(Math.abs(f - fRotated)).as("f after rotating, %s", inst).isLessThanOrEqualTo(LOSS_REL * scale);
                double[] expected = g.clone();
                rotateRows(expected, off, p.width(), d, q); // ∇f(WQ) = ∇f(W)·Q
                double gScale = gradientScale(g);
                for (int k = 0; k < g.length; k++) {
                    assertThat(Math.abs(gRotated[k] - expected[k])).as("rotated gradient coordinate %d, %s", k, inst)
                            .isLessThanOrEqualTo(GRADIENT_REL * gScale);
                }
            });
        }
    }

    /** Replaces each row x (rows×d block at offset) by x·Q, Q given row-major d×d. */
    static void rotateRows(double[] x, int offset, int rows, int d, double[] q) {
        double[] out = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += x[offset + i * d + a] * q[a * d + b];
                }
                out[b] = s;
            }
            System.arraycopy(out, 0, x, offset + i * d, d);
        }
    }

    /** A uniformly random permutation of m ≥ 2 elements other than the identity (redrawn until it moves something). */
    static int[] nonIdentityPermutation(org.hipparchus.random.RandomGenerator rng, int m) {
        while (true) {
            int[] perm = permutation(rng, m);
            for (int i = 0; i < m; i++) {
                if (perm[i] != i) {
                    return perm;
                }
            }
        }
    }

    static int[] permutation(org.hipparchus.random.RandomGenerator rng, int m) {
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        for (int i = m - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    static double gradientScale(double[] g) {
        double s = 1.0;
        for (double x : g) {
            s = Math.max(s, Math.abs(x));
        }
        return s;
    }

}
