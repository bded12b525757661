package org.beyondlazy.fast;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.netlib.util.intW;

/**
 * The dense factorizations of the fast path (spec E8.6): thin SVD ({@code dgesdd}), symmetric
 * eigendecomposition ({@code dsyevd}), Cholesky ({@code dpotrf}) and thin QR ({@code dgeqrf} +
 * {@code dorgqr}). {@link #best()} runs them in native LAPACK — the same library as {@link Blas#best()}
 * (the bundled OpenBLAS includes LAPACK) — when that library is native and exports LAPACK, and in
 * Hipparchus otherwise; {@link #hipparchus()} always uses Hipparchus (the reference's own choice).
 * Both return the same quantities in the same layout and order, so callers do not depend on which
 * runs; singular and eigenvectors are determined up to sign only.
 *
 * <p>Matrices are dense column-major {@code double[]} with leading dimension = rows (LAPACK's
 * layout; a row-major array is its transpose). The input array may be overwritten by the native
 * implementation and is not modified by the Hipparchus one: callers treat it as consumed.
 */
@SpecRef("E8.6")
public abstract class Lapack {
    /**
     * A thin SVD A = U Σ Vᵀ.
     *
     * @param values  σ₁ ≥ σ₂ ≥ … ≥ 0, min(rows, cols) of them
     * @param left    U, rows × min(rows, cols) column-major; null when not requested
     * @param rows    rows of A (and U)
     */
    public record Svd(double[] values, double[] left, int rows) {
    }

    /**
     * A symmetric eigendecomposition A = Q Λ Qᵀ.
     *
     * @param values  λ₁ ≤ λ₂ ≤ … ≤ λ_n (ascending, LAPACK's order)
     * @param vectors Q, n × n column-major, column k the eigenvector of values[k]; null when not requested
     */
    public record Eigen(double[] values, double[] vectors) {
    }

    /**
     * A thin QR factorization A = Q R (rows ≥ cols).
     *
     * @param q rows × cols column-major with orthonormal columns
     * @param r cols × cols column-major, upper triangular (zeros below the diagonal)
     */
    public record Qr(double[] q, double[] r) {
    }

    private static Lapack best;

    Lapack() {
    }

    /** Native LAPACK when {@link Blas#best()} is a native library that exports it, else Hipparchus. */
    public static synchronized Lapack best() {
        if (best == null) {
            best = Blas.nativeAvailable() ? NativeLapack.load() : null;
            if (best == null) {
                best = HIPPARCHUS;
            }
        }
        return best;
    }

    /** The pure-Java implementation (Hipparchus 4). */
    public static Lapack hipparchus() {
        return HIPPARCHUS;
    }

    /** The LAPACK matching a BLAS: native for {@link Blas#best()}'s native instance, Hipparchus for pure Java. */
    public static Lapack forBlas(dev.ludovic.netlib.blas.BLAS blas) {
        return blas instanceof dev.ludovic.netlib.blas.NativeBLAS ? best() : HIPPARCHUS;
    }

    /** One line naming the implementation. */
    public abstract String describe();

    /** Whether this runs native code. */
    public abstract boolean isNative();

    /**
     * Singular values and, when {@code wantLeft}, the thin left singular vectors of the rows × cols
     * matrix {@code a} (column-major; consumed).
     */
    public abstract Svd svd(double[] a, int rows, int cols, boolean wantLeft);

    /** Eigenvalues (ascending) and, when {@code wantVectors}, eigenvectors of the symmetric n × n {@code a} (column-major, both triangles set; consumed). */
    public abstract Eigen symmetricEigen(double[] a, int n, boolean wantVectors);

    /**
     * The Cholesky factor L (A = L Lᵀ, n × n column-major, zeros above the diagonal) of the symmetric
     * positive-definite {@code a} (consumed); {@link ErrorCode#NUMERICAL_FAILURE} when it is not.
     */
    public abstract double[] cholesky(double[] a, int n);

    /** The thin QR factorization of the rows × cols {@code a} (rows ≥ cols; column-major; consumed). */
    public abstract Qr qr(double[] a, int rows, int cols);

    static void checkShape(String what, double[] a, int rows, int cols) {
        if (rows < 1 || cols < 1 || a == null || (long) rows * cols != a.length) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, what, rows + "×" + cols + " = " + ((long) rows * cols) + " entries",
                    a == null ? "null" : a.length + " entries");
        }
    }

    private static final Lapack HIPPARCHUS = new HipparchusLapack();

    /** LAPACK through dev.ludovic.netlib's JNI, bound to the same shared library as the native BLAS. */
    static final class NativeLapack extends Lapack {
        private final LAPACK lapack;
        private final String library;

        private NativeLapack(LAPACK lapack, String library) {
            this.lapack = lapack;
            this.library = library;
        }

        /** The routines used, as Fortran symbols; netlib's JNI jumps to a null pointer when one is missing. */
        static final java.util.List<String> SYMBOLS = java.util.List.of("dgesdd_", "dsyevd_", "dpotrf_", "dgeqrf_", "dorgqr_");

        /**
         * The native LAPACK, or null when the BLAS library's own file does not export the routines
         * (e.g. Debian's reference libblas3, which has no LAPACK), netlib's JNI does not load, or a
         * 2 × 2 case comes out wrong.
         */
        static NativeLapack load() {
            java.nio.file.Path file = java.nio.file.Path.of(Blas.library().path());
            if (!Blas.scan(file, SYMBOLS).keySet().containsAll(SYMBOLS)) {
                return null;
            }
            try {
                LAPACK l = NativeLAPACK.getInstance();
                NativeLapack n = new NativeLapack(l, Blas.library().describe().replaceAll(", \\d+ threads?.*$", ""));
                double[] s = n.svd(new double[] {3, 0, 0, 4}, 2, 2, true).values();
                double[] e = n.symmetricEigen(new double[] {2, 1, 1, 2}, 2, true).values();
                double[] c = n.cholesky(new double[] {4, 2, 2, 5}, 2);
                Qr q = n.qr(new double[] {3, 4, 1, 2}, 2, 2);
                boolean ok = Math.abs(s[0] - 4) < 1e-12 && Math.abs(s[1] - 3) < 1e-12 && Math.abs(e[0] - 1) < 1e-12
                        && Math.abs(e[1] - 3) < 1e-12 && Math.abs(c[0] - 2) < 1e-12 && Math.abs(c[1] - 1) < 1e-12
                        && Math.abs(Math.abs(q.r()[0]) - 5) < 1e-12;
                return ok ? n : null;
            } catch (Throwable e) { // missing symbols or JNI library: fall back to Hipparchus
                return null;
            }
        }

        @Override
        public String describe() {
            return library + " (netlib " + lapack.getClass().getSimpleName() + ")";
        }

        @Override
        public boolean isNative() {
            return true;
        }

        private static void ok(String routine, intW info) {
            if (info.val != 0) {
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, routine, "LAPACK info = " + info.val);
            }
        }

        /**
         * Below this many flops (≈ min(m,n)²·max(m,n)) a factorization runs on one OpenBLAS thread
         * ({@link Blas#singleThreaded}); above it the thread synchronizations are amortized.
         */
        static final double SMALL_WORK = 1e9;

        private static <T> T sized(double work, java.util.function.Supplier<T> action) {
            return work < SMALL_WORK ? Blas.singleThreaded(action) : action.get();
        }

        @Override
        public Svd svd(double[] a, int rows, int cols, boolean wantLeft) {
            checkShape("svd input", a, rows, cols);
            double k2 = Math.min(rows, cols);
            return sized(k2 * k2 * Math.max(rows, cols), () -> svdNow(a, rows, cols, wantLeft));
        }

        private Svd svdNow(double[] a, int rows, int cols, boolean wantLeft) {
            int k = Math.min(rows, cols);
            String jobz = wantLeft ? "S" : "N";
            double[] s = new double[k];
            double[] u = wantLeft ? new double[Math.multiplyExact(rows, k)] : new double[1];
            double[] vt = wantLeft ? new double[Math.multiplyExact(k, cols)] : new double[1];
            int ldu = wantLeft ? rows : 1;
            int ldvt = wantLeft ? k : 1;
            int[] iwork = new int[8 * k];
            double[] query = new double[1];
            intW info = new intW(0);
            lapack.dgesdd(jobz, rows, cols, a, rows, s, u, ldu, vt, ldvt, query, -1, iwork, info);
            ok("dgesdd (workspace query)", info);
            double[] work = new double[(int) Math.min(Integer.MAX_VALUE - 8, Math.ceil(query[0]))];
            lapack.dgesdd(jobz, rows, cols, a, rows, s, u, ldu, vt, ldvt, work, work.length, iwork, info);
            ok("dgesdd", info);
            return new Svd(s, wantLeft ? u : null, rows);
        }

        @Override
        public Eigen symmetricEigen(double[] a, int n, boolean wantVectors) {
            checkShape("symmetric eigendecomposition input", a, n, n);
            return sized((double) n * n * n, () -> eigenNow(a, n, wantVectors));
        }

        private Eigen eigenNow(double[] a, int n, boolean wantVectors) {
            String jobz = wantVectors ? "V" : "N";
            double[] w = new double[n];
            double[] query = new double[1];
            int[] iquery = new int[1];
            intW info = new intW(0);
            lapack.dsyevd(jobz, "U", n, a, n, w, query, -1, iquery, -1, info);
            ok("dsyevd (workspace query)", info);
            double[] work = new double[(int) Math.ceil(query[0])];
            int[] iwork = new int[Math.max(1, iquery[0])];
            lapack.dsyevd(jobz, "U", n, a, n, w, work, work.length, iwork, iwork.length, info);
            ok("dsyevd", info);
            return new Eigen(w, wantVectors ? a : null);
        }

        @Override
        public double[] cholesky(double[] a, int n) {
            checkShape("Cholesky input", a, n, n);
            return sized((double) n * n * n, () -> choleskyNow(a, n));
        }

        private double[] choleskyNow(double[] a, int n) {
            intW info = new intW(0);
            lapack.dpotrf("L", n, a, n, info);
            if (info.val > 0) {
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "Cholesky (dpotrf)",
                        "not positive definite (leading minor " + info.val + ")");
            }
            ok("dpotrf", info);
            for (int c = 1; c < n; c++) {
                for (int r = 0; r < c; r++) {
                    a[r + c * n] = 0.0; // dpotrf leaves the strict upper triangle untouched
                }
            }
            return a;
        }

        @Override
        public Qr qr(double[] a, int rows, int cols) {
            checkShape("QR input", a, rows, cols);
            if (rows < cols) {
                throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "QR input", "rows ≥ cols", rows + "×" + cols);
            }
            return sized((double) cols * cols * rows, () -> qrNow(a, rows, cols));
        }

        private Qr qrNow(double[] a, int rows, int cols) {
            double[] tau = new double[cols];
            double[] query = new double[1];
            intW info = new intW(0);
            lapack.dgeqrf(rows, cols, a, rows, tau, query, -1, info);
            ok("dgeqrf (workspace query)", info);
            double[] work = new double[(int) Math.ceil(query[0])];
            lapack.dgeqrf(rows, cols, a, rows, tau, work, work.length, info);
            ok("dgeqrf", info);
            double[] r = new double[cols * cols];
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i <= c; i++) {
                    r[i + c * cols] = a[i + c * rows];
                }
            }
            lapack.dorgqr(rows, cols, cols, a, rows, tau, query, -1, info);
            ok("dorgqr (workspace query)", info);
            work = new double[(int) Math.ceil(query[0])];
            lapack.dorgqr(rows, cols, cols, a, rows, tau, work, work.length, info);
            ok("dorgqr", info);
            return new Qr(a, r);
        }
    }

    /** Hipparchus 4 decompositions, converted to the same layout and order as the native ones. */
    static final class HipparchusLapack extends Lapack {
        @Override
        public String describe() {
            return "Hipparchus (pure Java)";
        }

        @Override
        public boolean isNative() {
            return false;
        }

        private static RealMatrix matrix(double[] a, int rows, int cols) {
            double[][] data = new double[rows][cols];
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    data[r][c] = a[r + c * rows];
                }
            }
            return new Array2DRowRealMatrix(data, false);
        }

        private static double[] columnMajor(RealMatrix m, int rows, int cols) {
            double[] out = new double[rows * cols];
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    out[r + c * rows] = m.getEntry(r, c);
                }
            }
            return out;
        }

        @Override
        public Svd svd(double[] a, int rows, int cols, boolean wantLeft) {
            checkShape("svd input", a, rows, cols);
            SingularValueDecomposition svd;
            try {
                svd = new SingularValueDecomposition(matrix(a, rows, cols));
            } catch (RuntimeException e) {
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "SVD (Hipparchus)", e.getMessage());
            }
            int k = Math.min(rows, cols);
            double[] values = Arrays.copyOf(svd.getSingularValues(), k);
            return new Svd(values, wantLeft ? columnMajor(svd.getU(), rows, k) : null, rows);
        }

        @Override
        public Eigen symmetricEigen(double[] a, int n, boolean wantVectors) {
            checkShape("symmetric eigendecomposition input", a, n, n);
            EigenDecompositionSymmetric eig;
            try {
                eig = new EigenDecompositionSymmetric(matrix(a, n, n));
            } catch (RuntimeException e) {
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "symmetric eigendecomposition (Hipparchus)", e.getMessage());
            }
            double[] raw = eig.getEigenvalues();
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y])); // ascending, as dsyevd
            double[] values = new double[n];
            double[] vectors = wantVectors ? new double[n * n] : null;
            for (int k = 0; k < n; k++) {
                values[k] = raw[order[k]];
                if (wantVectors) {
                    double[] v = eig.getEigenvector(order[k]).toArray();
                    System.arraycopy(v, 0, vectors, k * n, n);
                }
            }
            return new Eigen(values, vectors);
        }

        @Override
        public double[] cholesky(double[] a, int n) {
            checkShape("Cholesky input", a, n, n);
            try {
                return columnMajor(new CholeskyDecomposition(matrix(a, n, n)).getL(), n, n);
            } catch (RuntimeException e) {
                throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "Cholesky (Hipparchus)", e.getMessage());
            }
        }

        @Override
        public Qr qr(double[] a, int rows, int cols) {
            checkShape("QR input", a, rows, cols);
            if (rows < cols) {
                throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "QR input", "rows ≥ cols", rows + "×" + cols);
            }
            QRDecomposition qr = new QRDecomposition(matrix(a, rows, cols));
            return new Qr(columnMajor(qr.getQ(), rows, cols), columnMajor(qr.getR(), cols, cols));
        }
    }
}
