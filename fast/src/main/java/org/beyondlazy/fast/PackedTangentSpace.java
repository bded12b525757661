package org.beyondlazy.fast;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.lazy.TangentSpace;

/**
 * The tangent space of spec E5.7 with the Jacobian matrix written directly in packed coordinates
 * (spec E8.8) instead of packing m·d dense d^l tensors: for a sorted multi-index α and column (i, a),
 * <pre>
 *   J_{α,(i,a)} = √mult(α) · s_i · n_a(α) · w_i^{α∖a}
 * </pre>
 * (n_a(α) the count of a in α, w_i^{α∖a} the monomial of α with one a removed), O(N(d,l)·l·m) work; a
 * factored truth is packed the same way without forming d^l. The rank (A5.1) and lazy residual (A5.2)
 * are those of the reference; the SVD runs in {@link Lapack} (spec E8.6: native {@code dgesdd} on the
 * native path, Hipparchus — the reference's own SVD — on the pure-Java one).
 */
@SpecRef({"E8.8", "E8.6"})
public final class PackedTangentSpace implements TangentSpace {
    private final Problem problem;
    private final int[][] multiIndices;
    private final double[] rootMultiplicity;
    private final double[][] jacobian;
    private final double[] singularValues;
    private final double[] leftVectors; // U, N × min(N, m·d) column-major
    private final int rank;

    PackedTangentSpace(Problem problem, double[] theta0) {
        this(problem, theta0, Lapack.best());
    }

    PackedTangentSpace(Problem problem, double[] theta0, Lapack lapack) {
        if (problem.model() != ModelKind.PLAIN) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model of the tangent space",
                    "plain (spec 05-lazy.md)", problem.model().id());
        }
        double[] w = problem.checkParameters(theta0).clone();
        this.problem = problem;
        int d = problem.dim();
        int l = problem.order();
        long n = Sizes.symmetricDimension(d, l);
        if (n * problem.parameterCount() > Sizes.MAX_ARRAY_LENGTH) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "Jacobian matrix N(d,l)×m·d", n * problem.parameterCount(),
                    Sizes.MAX_ARRAY_LENGTH);
        }
        this.multiIndices = new int[(int) n][];
        this.rootMultiplicity = new double[(int) n];
        int[] alpha = new int[l];
        for (int k = 0; k < n; k++) { // E5.7: sorted multi-indices in lexicographic order
            multiIndices[k] = alpha.clone();
            rootMultiplicity[k] = Math.sqrt(multiplicity(alpha));
            int pos = l - 1;
            while (pos >= 0 && alpha[pos] == d - 1) {
                pos--;
            }
            if (pos >= 0) {
                int value = alpha[pos] + 1;
                for (int j = pos; j < l; j++) {
                    alpha[j] = value;
                }
            }
        }
        int columns = problem.parameterCount();
        this.jacobian = new double[(int) n][columns];
        for (int k = 0; k < n; k++) {
            int[] a = multiIndices[k];
            double[] row = jacobian[k];
            for (int i = 0; i < problem.width(); i++) {
                double scale = rootMultiplicity[k] * problem.sign(i);
                for (int p = 0; p < l; p++) {
                    if (p > 0 && a[p] == a[p - 1]) {
                        continue; // one column per distinct index a; its count is added below
                    }
                    int count = 0;
                    double monomial = 1.0;
                    boolean removed = false;
                    for (int q = 0; q < l; q++) {
                        if (a[q] == a[p]) {
                            count++;
                        }
                        if (a[q] == a[p] && !removed) {
                            removed = true; // α∖a: drop one occurrence of a
                        } else {
                            monomial *= w[i * d + a[q]];
                        }
                    }
                    row[i * d + a[p]] = scale * count * monomial; // E8.8: √mult(α) s_i n_a(α) w_i^{α∖a}
                }
            }
        }
        int rows = (int) n;
        double[] columnMajor = new double[rows * columns];
        for (int k = 0; k < rows; k++) {
            double[] row = jacobian[k];
            for (int c = 0; c < columns; c++) {
                columnMajor[k + c * rows] = row[c];
            }
        }
        Lapack.Svd svd = lapack.svd(columnMajor, rows, columns, true); // A5.1 step 2
        this.singularValues = svd.values();
        this.leftVectors = svd.left();
        int count = 0;
        for (double s : singularValues) {
            if (s > RANK_TOLERANCE * singularValues[0]) { // A5.1 step 3
                count++;
            }
        }
        this.rank = count;
    }

    private static double multiplicity(int[] alpha) {
        double result = factorial(alpha.length);
        int run = 1;
        for (int k = 1; k <= alpha.length; k++) {
            if (k < alpha.length && alpha[k] == alpha[k - 1]) {
                run++;
            } else {
                result /= factorial(run);
                run = 1;
            }
        }
        return result;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    @Override
    public int ambientDimension() {
        return multiIndices.length;
    }

    @Override
    public int parameterCount() {
        return problem.parameterCount();
    }

    @Override
    public double[][] jacobianMatrix() {
        double[][] copy = new double[jacobian.length][];
        for (int k = 0; k < jacobian.length; k++) {
            copy[k] = jacobian[k].clone();
        }
        return copy;
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public int rank() {
        return rank;
    }

    /** T* in packed coordinates (E5.7): a factored truth as √mult(α) Σ_j c_j u_j^α, a dense one by lookup. */
    @SpecRef("E8.8")
    double[] packTruth(Truth truth) {
        int d = problem.dim();
        double[] t = new double[multiIndices.length];
        for (int k = 0; k < t.length; k++) {
            int[] alpha = multiIndices[k];
            double value = 0;
            if (truth instanceof FactoredTruth f) {
                for (int j = 0; j < f.rank(); j++) {
                    double monomial = f.coeffs()[j];
                    for (int index : alpha) {
                        monomial *= f.factors()[j * d + index];
                    }
                    value += monomial;
                }
            } else {
                int offset = 0;
                for (int index : alpha) {
                    offset = offset * d + index;
                }
                value = ((DenseTruth) truth).entries()[offset];
            }
            t[k] = rootMultiplicity[k] * value;
        }
        return t;
    }

    @Override
    public double lazyResidual(Truth truth) {
        if (truth.order() != problem.order() || truth.dim() != problem.dim()) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truth of the lazy residual",
                    "l = " + problem.order() + ", d = " + problem.dim(), "l = " + truth.order() + ", d = " + truth.dim());
        }
        double[] t = packTruth(truth); // A5.2 step 1
        double[] residual = t.clone();
        int rows = t.length;
        for (int j = 0; j < rank; j++) {
            int col = j * rows;
            double coefficient = 0;
            for (int k = 0; k < rows; k++) {
                coefficient += leftVectors[col + k] * t[k]; // A5.2 step 2
            }
            for (int k = 0; k < rows; k++) {
                residual[k] -= coefficient * leftVectors[col + k]; // A5.2 step 3
            }
        }
        double norm = 0;
        double rest = 0;
        for (int k = 0; k < t.length; k++) {
            norm += t[k] * t[k];
            rest += residual[k] * residual[k];
        }
        if (norm == 0) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "truth of the lazy residual", "non-zero", "0");
        }
        return Math.sqrt(rest / norm); // A5.2 step 4
    }
}
