package org.beyondlazy.reference.lazy;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.reference.DenseTensor;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The tangent space V(W₀) of the plain model (spec E5.7) by A5.1 (Jacobian matrix in packed coordinates,
 * Hipparchus SVD, numerical rank) and A5.2 (lazy residual by orthogonal projection on the leading left
 * singular vectors).
 */
@SpecRef({"E5.7", "A5.1", "A5.2"})
public final class ReferenceTangentSpace implements TangentSpace {
    private final Problem problem;
    private final List<int[]> sortedIndices;
    private final double[][] jacobian;
    private final double[] singularValues;
    private final RealMatrix leftVectors;
    private final int rank;

    /**
     * Builds the Jacobian matrix and its SVD.
     *
     * @param problem a plain problem (the truth only fixes l and d)
     * @param theta0  W₀, m×d; copied
     */
    public ReferenceTangentSpace(Problem problem, double[] theta0) {
        ReferenceLinearizedObjective linear = new ReferenceLinearizedObjective(problem, theta0);
        this.problem = problem;
        this.sortedIndices = sortedMultiIndices(problem.dim(), problem.order());
        int n = sortedIndices.size();
        int columns = problem.parameterCount();
        this.jacobian = new double[n][columns];
        for (int c = 0; c < columns; c++) {
            double[] unit = new double[columns];
            unit[c] = 1.0; // A5.1 step 1: Δ = e_{(i,a)}, c = i·d + a
            double[] column = pack(linear.jacobian(unit)); // column c = pack(J(e_{(i,a)})) (E5.7)
            for (int k = 0; k < n; k++) {
                jacobian[k][c] = column[k];
            }
        }
        SingularValueDecomposition svd;
        try {
            svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(jacobian)); // A5.1 step 2
        } catch (RuntimeException e) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "tangent-space SVD", e.getMessage());
        }
        this.singularValues = svd.getSingularValues();
        this.leftVectors = svd.getU();
        int count = 0;
        for (double s : singularValues) {
            if (s > RANK_TOLERANCE * singularValues[0]) { // A5.1 step 3: σ_k > τ·σ₁
                count++;
            }
        }
        this.rank = count;
    }

    @Override
    public int ambientDimension() {
        return sortedIndices.size();
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

    /**
     * A5.2: t = pack(T*); ρ_lazy = ‖t − U_k U_kᵀ t‖ / ‖t‖ with U_k the first k = rank left singular vectors.
     */
    @Override
    @SpecRef("A5.2")
    public double lazyResidual(Truth truth) {
        if (truth.order() != problem.order() || truth.dim() != problem.dim()) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truth of the lazy residual",
                    "l = " + problem.order() + ", d = " + problem.dim(), "l = " + truth.order() + ", d = " + truth.dim());
        }
        double[] t = pack(DenseTensor.of(truth)); // A5.2 step 1: t = pack(T*)
        double[] residual = t.clone();
        for (int j = 0; j < rank; j++) {
            double coefficient = 0;
            for (int k = 0; k < t.length; k++) {
                coefficient += leftVectors.getEntry(k, j) * t[k]; // A5.2 step 2: ⟨u_j, t⟩
            }
            for (int k = 0; k < t.length; k++) {
                residual[k] -= coefficient * leftVectors.getEntry(k, j); // A5.2 step 3: t − Σ_j ⟨u_j, t⟩ u_j
            }
        }
        double norm = Math.sqrt(dot(t, t));
        if (norm == 0) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "truth of the lazy residual", "non-zero", "0");
        }
        return Math.sqrt(dot(residual, residual)) / norm; // A5.2 step 4: ‖(I − P_V)t‖ / ‖t‖
    }

    /**
     * E5.7: the packed isometric coordinates of a symmetric tensor, √mult(α)·A_α over the sorted multi-indices
     * α = (i_1 ≤ … ≤ i_l) in lexicographic order, mult(α) = l!/∏_c (count of c in α)!.
     */
    @SpecRef("E5.7")
    public double[] pack(DenseTensor a) {
        double[] out = new double[sortedIndices.size()];
        int d = problem.dim();
        for (int k = 0; k < out.length; k++) {
            int[] alpha = sortedIndices.get(k);
            int offset = 0;
            for (int index : alpha) {
                offset = offset * d + index; // row-major offset (E1.1)
            }
            out[k] = Math.sqrt(multiplicity(alpha)) * a.entries()[offset];
        }
        return out;
    }

    /** The sorted multi-indices of E5.7 in lexicographic order; N(d,l) of them. */
    static List<int[]> sortedMultiIndices(int dim, int order) {
        List<int[]> out = new ArrayList<>();
        int[] alpha = new int[order];
        while (true) {
            out.add(alpha.clone());
            int k = order - 1;
            while (k >= 0 && alpha[k] == dim - 1) {
                k--;
            }
            if (k < 0) {
                return out;
            }
            alpha[k]++;
            for (int j = k + 1; j < order; j++) {
                alpha[j] = alpha[k];
            }
        }
    }

    /** mult(α) = l!/∏ counts! for a sorted multi-index. */
    static double multiplicity(int[] alpha) {
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

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
