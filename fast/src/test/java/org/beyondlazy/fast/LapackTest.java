package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LAPACK facade of spec E8.6 on each implementation (native when the BLAS is native, and
 * Hipparchus): every factorization reconstructs its input and has orthonormal factors, and the
 * sign-invariant results (singular values, eigenvalues, the projector U Uᵀ, |R|) agree between the
 * two implementations. Seeded random matrices, tall, wide and square.
 */
@SpecRef("E8.6")
class LapackTest {
    /** Backward-stable factorizations of O(1) matrices of size ≤ 60: residuals ~ n·ε ≈ 1e-14. */
    static final double RECONSTRUCTION_ABS = 1e-11;
    /** Values from two stable algorithms on the same matrix: within a few n·ε·‖A‖. */
    static final double AGREEMENT_ABS = 1e-10;
    static final int[][] SHAPES = {{1, 1}, {7, 3}, {3, 7}, {40, 40}, {60, 17}};

    static Stream<Lapack> implementations() {
        List<Lapack> all = new ArrayList<>(List.of(Lapack.hipparchus()));
        if (Lapack.best().isNative()) {
            all.add(Lapack.best());
        }
        return all.stream();
    }

    static double[] random(long seed, int rows, int cols) {
        RandomGenerator rng = new Well19937c(seed);
        double[] a = new double[rows * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian();
        }
        return a;
    }

    /** C = op(A)·op(B) for column-major A (r×k after op) and B (k×c after op), plain loops. */
    static double[] multiply(double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb) {
        int r = ta ? ac : ar;
        int k = ta ? ar : ac;
        int c = tb ? br : bc;
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p + i * ar] : a[i + p * ar];
                    double y = tb ? b[j + p * br] : b[p + j * br];
                    s += x * y;
                }
                out[i + j * r] = s;
            }
        }
        return out;
    }

    static void assertClose(double[] x, double[] y, double tol, String what) {
        assertThat(x).as(what).hasSameSizeAs(y);
        for (int k = 0; k < x.length; k++) {
            assertThat(Math.abs(x[k] - y[k])).as("%s[%d]: %s vs %s", what, k, x[k], y[k]).isLessThanOrEqualTo(tol);
        }
    }

    static double[] identity(int n) {
        double[] e = new double[n * n];
        for (int k = 0; k < n; k++) {
            e[k + k * n] = 1;
        }
        return e;
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void svdHasOrthonormalLeftVectorsAndMatchesHipparchus(Lapack lapack) {
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = Math.min(m, n);
            double[] a = random(m * 100L + n, m, n);
            Lapack.Svd svd = lapack.svd(a.clone(), m, n, true);
            Lapack.Svd ref = Lapack.hipparchus().svd(a.clone(), m, n, true);
            assertThat(svd.values()).hasSize(k);
            for (int j = 1; j < k; j++) {
                assertThat(svd.values()[j]).isLessThanOrEqualTo(svd.values()[j - 1]);
            }
            assertClose(svd.values(), ref.values(), AGREEMENT_ABS, lapack.describe() + " σ " + m + "×" + n);
            assertClose(multiply(svd.left(), m, k, true, svd.left(), m, k, false), identity(k), RECONSTRUCTION_ABS, "UᵀU");
            // Uᵀ A = Σ Vᵀ has rows of norm σ_j: sign-free check that U holds the left singular vectors
            double[] uta = multiply(svd.left(), m, k, true, a, m, n, false);
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += uta[j + c * k] * uta[j + c * k];
                }
                assertThat(Math.abs(Math.sqrt(s) - svd.values()[j])).as("‖(UᵀA)_j‖ = σ_j").isLessThanOrEqualTo(AGREEMENT_ABS);
            }
            assertClose(multiply(svd.left(), m, k, false, svd.left(), m, k, true),
                    multiply(ref.left(), m, k, false, ref.left(), m, k, true), AGREEMENT_ABS, "U Uᵀ vs Hipparchus");
            assertClose(lapack.svd(a.clone(), m, n, false).values(), svd.values(), AGREEMENT_ABS, "values only");
            assertThat(lapack.svd(a.clone(), m, n, false).left()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void symmetricEigenReconstructsAndMatchesHipparchus(Lapack lapack) {
        for (int n : new int[] {1, 2, 9, 40}) {
            double[] b = random(n, n, n);
            double[] a = multiply(b, n, n, false, b, n, n, true); // B Bᵀ: symmetric
            for (int i = 0; i < n; i++) {
                a[i + i * n] -= 1.0; // and indefinite
            }
            Lapack.Eigen e = lapack.symmetricEigen(a.clone(), n, true);
            Lapack.Eigen ref = Lapack.hipparchus().symmetricEigen(a.clone(), n, true);
            for (int j = 1; j < n; j++) {
                assertThat(e.values()[j]).isGreaterThanOrEqualTo(e.values()[j - 1]);
            }
            assertClose(e.values(), ref.values(), AGREEMENT_ABS * n, lapack.describe() + " λ n=" + n);
            double[] q = e.vectors();
            assertClose(multiply(q, n, n, true, q, n, n, false), identity(n), RECONSTRUCTION_ABS, "QᵀQ");
            double[] ql = q.clone();
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    ql[i + j * n] *= e.values()[j];
                }
            }
            assertClose(multiply(ql, n, n, false, q, n, n, true), a, RECONSTRUCTION_ABS * n, "Q Λ Qᵀ = A");
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void choleskyReconstructsAndRejectsIndefinite(Lapack lapack) {
        int n = 30;
        double[] b = random(7, n, n);
        double[] a = multiply(b, n, n, false, b, n, n, true);
        for (int i = 0; i < n; i++) {
            a[i + i * n] += n; // well conditioned
        }
        double[] l = lapack.cholesky(a.clone(), n);
        for (int c = 1; c < n; c++) {
            for (int r = 0; r < c; r++) {
                assertThat(l[r + c * n]).as("L above the diagonal").isZero();
            }
        }
        assertClose(multiply(l, n, n, false, l, n, n, true), a, RECONSTRUCTION_ABS * n, "L Lᵀ = A");
        assertClose(l, Lapack.hipparchus().cholesky(a.clone(), n), AGREEMENT_ABS, "L vs Hipparchus (unique with positive diagonal)");
        double[] indefinite = {1, 2, 2, 1};
        assertThatThrownBy(() -> lapack.cholesky(indefinite, 2)).isInstanceOf(BeyondLazyException.class)
                .satisfies(e -> assertThat(((BeyondLazyException) e).code()).isEqualTo(ErrorCode.NUMERICAL_FAILURE));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void qrReconstructsAndMatchesHipparchusUpToSigns(Lapack lapack) {
        for (int[] shape : new int[][] {{5, 5}, {50, 12}, {9, 1}}) {
            int m = shape[0];
            int n = shape[1];
            double[] a = random(m + 31L * n, m, n);
            Lapack.Qr qr = lapack.qr(a.clone(), m, n);
            assertClose(multiply(qr.q(), m, n, true, qr.q(), m, n, false), identity(n), RECONSTRUCTION_ABS, "QᵀQ");
            assertClose(multiply(qr.q(), m, n, false, qr.r(), n, n, false), a, RECONSTRUCTION_ABS, "Q R = A");
            double[] r = qr.r();
            double[] rRef = Lapack.hipparchus().qr(a.clone(), m, n).r();
            for (int k = 0; k < r.length; k++) {
                assertThat(Math.abs(Math.abs(r[k]) - Math.abs(rRef[k]))).as("|R| entry %d", k).isLessThanOrEqualTo(AGREEMENT_ABS);
            }
        }
        assertThatThrownBy(() -> lapack.qr(new double[6], 2, 3)).isInstanceOf(BeyondLazyException.class);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void aWrongShapeIsACodedError(Lapack lapack) {
        assertThatThrownBy(() -> lapack.svd(new double[5], 2, 3, true)).isInstanceOf(BeyondLazyException.class)
                .satisfies(e -> assertThat(((BeyondLazyException) e).code()).isEqualTo(ErrorCode.SHAPE_MISMATCH));
    }
}
