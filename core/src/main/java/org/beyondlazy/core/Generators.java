package org.beyondlazy.core;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Seeded generators of spec §3 (A3.1–A3.5). Every method takes its randomness explicitly; nothing
 * here reads the clock or a global generator, so a seed reproduces an instance on any machine.
 */
public final class Generators {
    private Generators() {
    }

    /** The project's pseudo-random generator for a seed: Hipparchus Well19937c (spec A3.1). */
    @SpecRef("A3.1")
    public static RandomGenerator rng(long seed) {
        return new Well19937c(seed);
    }

    /**
     * A uniformly random unit vector in R^d: a standard Gaussian vector divided by its norm (A3.2).
     *
     * @return a fresh array of length d
     */
    @SpecRef("A3.2")
    public static double[] unitVector(RandomGenerator rng, int dim) {
        Check.atLeast("dimension d", dim, 1);
        while (true) {
            double[] v = gaussian(rng, 1, dim, 1.0);
            double norm = Math.sqrt(dot(v, v));
            if (norm > 1e-300) { // redraw the measure-zero zero vector
                for (int a = 0; a < dim; a++) {
                    v[a] /= norm;
                }
                return v;
            }
        }
    }

    /**
     * A rows×cols matrix (row-major) of independent N(0, sd²) entries (A3.3).
     *
     * @return a fresh array of length rows·cols
     */
    @SpecRef("A3.3")
    public static double[] gaussian(RandomGenerator rng, int rows, int cols, double sd) {
        double[] x = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd * rng.nextGaussian();
        }
        return x;
    }

    /** r×d matrix whose rows are independent uniform unit vectors (A3.2 applied per row). */
    @SpecRef("A3.2")
    public static double[] unitRows(RandomGenerator rng, int rows, int dim) {
        double[] x = new double[Math.multiplyExact(rows, dim)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(unitVector(rng, dim), 0, x, i * dim, dim);
        }
        return x;
    }

    /**
     * r×d matrix with orthonormal rows, r ≤ d (A3.4): Q of the QR decomposition of a d×r Gaussian
     * matrix, with the sign of each column fixed so that diag(R) &gt; 0 (which makes Q Haar-distributed
     * and the result deterministic given the Gaussian draw).
     */
    @SpecRef("A3.4")
    public static double[] orthonormalRows(RandomGenerator rng, int rows, int dim) {
        Check.atLeast("rank r", rows, 1);
        if (rows > dim) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, "rank r of an orthonormal truth", "<= d = " + dim, rows);
        }
        double[] g = gaussian(rng, dim, rows, 1.0);
        double[][] a = new double[dim][rows];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(g, i * rows, a[i], 0, rows);
        }
        RealMatrix matrix = MatrixUtils.createRealMatrix(a);
        QRDecomposition qr = new QRDecomposition(matrix);
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        double[] out = new double[rows * dim];
        for (int j = 0; j < rows; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1.0 : 1.0;
            for (int a2 = 0; a2 < dim; a2++) {
                out[j * dim + a2] = sign * q.getEntry(a2, j);
            }
        }
        return out;
    }

    /**
     * A factored truth (A3.5): r components, orthonormal (A3.4) or independent unit rows (A3.2),
     * with the given coefficients.
     */
    @SpecRef("A3.5")
    public static FactoredTruth truth(long seed, int order, int dim, double[] coeffs, boolean orthonormal) {
        RandomGenerator rng = rng(seed);
        int rank = coeffs.length;
        double[] u = orthonormal ? orthonormalRows(rng, rank, dim) : unitRows(rng, rank, dim);
        return new FactoredTruth(order, dim, rank, u, coeffs.clone());
    }

    /** r equal coefficients c_j = value. */
    public static double[] constant(int rank, double value) {
        double[] c = new double[rank];
        java.util.Arrays.fill(c, value);
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
