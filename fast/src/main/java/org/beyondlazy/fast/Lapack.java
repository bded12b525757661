package org.beyondlazy.fast;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.netlib.util.intW;

/**
 * The LAPACK instances the fast path runs on (spec E8.6): {@link #best()} is the system's native LAPACK
 * through dev.ludovic.netlib (liblapack.so.3, e.g. OpenBLAS's), else the pure-Java (F2J) one;
 * {@link #pureJava()} is always the pure-Java one. Used only for the symmetric eigendecompositions of
 * the kernel-form tangent space (A8.1).
 */
@SpecRef("E8.6")
public final class Lapack {
    private Lapack() {
    }

    /** Native if available, else pure Java (netlib's own choice). */
    public static LAPACK best() {
        return LAPACK.getInstance();
    }

    /** The pure-Java LAPACK. */
    public static LAPACK pureJava() {
        return JavaLAPACK.getInstance();
    }

    /** The implementation class, e.g. {@code dev.ludovic.netlib.lapack.JNILAPACK} (native) or {@code ...F2jLAPACK}. */
    public static String describe(LAPACK lapack) {
        return lapack.getClass().getName();
    }

    /**
     * All eigenvalues and eigenvectors of a symmetric n×n matrix by divide and conquer (LAPACK dsyevd,
     * backward stable: the computed pairs are exact for a matrix within p(n)·ε·‖a‖ of a).
     *
     * @param a      n×n, symmetric (row- and column-major agree); overwritten with the eigenvectors, one per column
     *               (column-major: vector j is a[j·n … j·n + n − 1])
     * @param n      order
     * @param values length n; overwritten with the eigenvalues in ascending order
     */
    static void symmetricEigen(LAPACK lapack, double[] a, int n, double[] values) {
        symmetricEigen(lapack, a, n, values, true);
    }

    /**
     * As {@link #symmetricEigen(LAPACK, double[], int, double[])}; without vectors ({@code vectors} false) only
     * the eigenvalues are computed (tridiagonalization and a root-free QR, about a third of the work) and
     * {@code a} is left destroyed.
     */
    static void symmetricEigen(LAPACK lapack, double[] a, int n, double[] values, boolean vectors) {
        if (n == 0) {
            return;
        }
        String job = vectors ? "V" : "N";
        intW info = new intW(0);
        double[] workQuery = new double[1];
        int[] iworkQuery = new int[1];
        lapack.dsyevd(job, "L", n, a, n, values, workQuery, -1, iworkQuery, -1, info);
        if (info.val != 0) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "dsyevd workspace query", "info = " + info.val);
        }
        int lwork = (int) workQuery[0];
        int liwork = iworkQuery[0];
        lapack.dsyevd(job, "L", n, a, n, values, new double[Math.max(1, lwork)], lwork, new int[Math.max(1, liwork)], liwork, info);
        if (info.val != 0) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "symmetric eigendecomposition (dsyevd)", "info = " + info.val);
        }
    }

    /**
     * ‖L⁻¹b‖² = bᵀa⁻¹b for a symmetric positive definite a = LLᵀ (LAPACK dpotrf, then one triangular solve).
     *
     * @param a n×n symmetric; overwritten with its Cholesky factor
     * @param b length n; overwritten with L⁻¹b
     * @return bᵀa⁻¹b, or NaN when dpotrf finds a not numerically positive definite
     */
    static double inverseQuadraticForm(LAPACK lapack, double[] a, int n, double[] b) {
        intW info = new intW(0);
        lapack.dpotrf("L", n, a, n, info);
        if (info.val != 0) {
            return Double.NaN;
        }
        lapack.dtrtrs("L", "N", "N", n, 1, a, n, b, n, info);
        if (info.val != 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : b) {
            s += x * x;
        }
        return s;
    }
}
