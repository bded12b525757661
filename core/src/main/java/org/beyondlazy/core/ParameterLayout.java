package org.beyondlazy.core;

import java.util.List;

/**
 * The two layouts of parameters: θ (spec E2.9) and the trajectory file (spec E9.3), and the conversions
 * between them. The one place where either layout is written down in code.
 *
 * <p>E2.9: plain and homog θ = W (m×d, row-major); coef θ = (c_1…c_m, U) with U m×d row-major after the m
 * coefficients. E9.3: iterate k of a trajectory is an m×cols block of a (T+1)×m×cols C-order array, cols = d
 * (plain, homog: row i = w_i) or d+1 (coef: row i = (c_i, u_i)).
 */
@SpecRef({"E2.9", "E9.3"})
public final class ParameterLayout {
    private ParameterLayout() {
    }

    /**
     * θ from its parts (E2.9).
     *
     * @param coeffs  c, length m (coef only; ignored and may be null otherwise); not modified
     * @param weights W (U for coef), m×d row-major; not modified
     * @return a new θ of length {@link Problem#parameterCount()}
     */
    @SpecRef("E2.9")
    public static double[] theta(Problem problem, double[] coeffs, double[] weights) {
        double[] theta = new double[problem.parameterCount()];
        int off = problem.weightsOffset();
        if (off > 0) {
            System.arraycopy(coeffs, 0, theta, 0, off);
        }
        System.arraycopy(weights, 0, theta, off, problem.width() * problem.dim());
        return theta;
    }

    /** The m×d block W (U for coef) of θ, row-major, as a new array (E2.9); θ not modified. */
    @SpecRef("E2.9")
    public static double[] weights(Problem problem, double[] theta) {
        double[] w = new double[problem.width() * problem.dim()];
        System.arraycopy(theta, problem.weightsOffset(), w, 0, w.length);
        return w;
    }

    /** The coefficients c of a coef θ, as a new array of length m (E2.9); θ not modified. */
    @SpecRef("E2.9")
    public static double[] coeffs(Problem problem, double[] theta) {
        double[] c = new double[problem.weightsOffset()];
        System.arraycopy(theta, 0, c, 0, c.length);
        return c;
    }

    /** Columns of one trajectory row (E9.3): d, or d+1 for coef. */
    @SpecRef("E9.3")
    public static int trajectoryColumns(Problem problem) {
        return problem.dim() + (problem.model() == ModelKind.COEF ? 1 : 0);
    }

    /** The shape (count, m, cols) of a trajectory file holding {@code count} iterates (E9.3). */
    @SpecRef("E9.3")
    public static int[] trajectoryShape(Problem problem, int count) {
        return new int[] {count, problem.width(), trajectoryColumns(problem)};
    }

    /**
     * Splits a trajectory file's data into θ vectors (E9.3 → E2.9).
     *
     * @param data C-order data of shape (count, m, cols) (see {@link #trajectoryShape}); not modified
     * @return count new θ vectors
     */
    @SpecRef("E9.3")
    public static double[][] iterates(Problem problem, double[] data, int count) {
        int m = problem.width();
        int d = problem.dim();
        int cols = trajectoryColumns(problem);
        boolean coef = problem.model() == ModelKind.COEF;
        double[][] out = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] theta = new double[problem.parameterCount()];
            int base = k * m * cols;
            for (int i = 0; i < m; i++) {
                if (coef) {
                    theta[i] = data[base + i * cols];
                    System.arraycopy(data, base + i * cols + 1, theta, m + i * d, d);
                } else {
                    System.arraycopy(data, base + i * cols, theta, i * d, d);
                }
            }
            out[k] = theta;
        }
        return out;
    }

    /** The inverse of {@link #iterates}: θ_0 … θ_T (not modified) to C-order data of {@link #trajectoryShape}. */
    @SpecRef("E9.3")
    public static double[] trajectoryData(Problem problem, List<double[]> thetas) {
        int m = problem.width();
        int d = problem.dim();
        int cols = trajectoryColumns(problem);
        boolean coef = problem.model() == ModelKind.COEF;
        double[] data = new double[thetas.size() * m * cols];
        for (int k = 0; k < thetas.size(); k++) {
            double[] theta = thetas.get(k);
            int base = k * m * cols;
            for (int i = 0; i < m; i++) {
                if (coef) {
                    data[base + i * cols] = theta[i];
                    System.arraycopy(theta, m + i * d, data, base + i * cols + 1, d);
                } else {
                    System.arraycopy(theta, i * d, data, base + i * cols, d);
                }
            }
        }
        return data;
    }

    /**
     * Where θ's coordinate p sits in one iterate of the trajectory file: {component i, column j} of the
     * m×cols block (E9.3), both 0-based; for coef, column 0 is c_i.
     */
    @SpecRef("E9.3")
    public static int[] fileCoordinate(Problem problem, int p) {
        int m = problem.width();
        int d = problem.dim();
        if (problem.model() == ModelKind.COEF) {
            return p < m ? new int[] {p, 0} : new int[] {(p - m) / d, 1 + (p - m) % d};
        }
        return new int[] {p / d, p % d};
    }
}
