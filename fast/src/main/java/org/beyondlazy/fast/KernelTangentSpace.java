package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.core.lazy.TangentSpectrum;

/**
 * The tangent space of the plain model from its kernel JᵀJ (spec E8.10–E8.11, A8.1), never forming the
 * N(d,l) packed coordinates: what makes it fast is the block structure of JᵀJ along span(W₀).
 *
 * <p>With g_ij = w_i·w_j, the d×d block (i, j) of JᵀJ is s_i s_j l [g_ij^{l−1} I_d + (l−1) g_ij^{l−2} w_j w_iᵀ]
 * (E8.10). Let Q (d×k, k = min(m, d)) be an orthonormal basis containing the rows of W₀. On directions
 * with every row ⊥ span(Q) the second term vanishes, so (E8.11)
 * <pre>
 *   JᵀJ = (A ⊗ I_{d−k}) ⊕ M_∥,   A = l·S G^{∘(l−1)} S (m×m),   M_∥ (mk×mk) = the blocks above in the coordinates Qᵀw_i,
 * </pre>
 * and with b = Jᵀ vec T* (rows b_i = s_i l T*(w_i^{⊗(l−1)}), E5.5) split as b_i = Q b_i^∥ + b_i^⊥,
 * ‖P_V T*‖² = tr(B⊥ᵀ A⁺ B⊥) + b_∥ᵀ M_∥⁺ b_∥. Cost: O(m²d) for the Grams, the eigenvalues of A (m×m, with
 * vectors) and of M_∥ (mk×mk, values only; LAPACK dsyevd, O((mk)³)), then per residual one contraction of T*
 * (E8.3/E8.4) and a Cholesky solve with M_∥ (its eigenvectors instead when M_∥ is rank-deficient).
 *
 * <p>Accuracy (A8.1): eigenvalues of JᵀJ are computed with absolute error about n·ε·λ₁ (n = mk), i.e. the
 * Gram squares J's condition number: singular values σ_k = √λ_k are resolved only down to σ_k/σ₁ ≈ 3e-7,
 * and |ρ̂² − ρ²| is about n·ε·λ₁/λ_r (λ_r the smallest kept eigenvalue), returned by
 * {@link #residualSquareAccuracy()}. When the numerical rank equals N(d,l), V is the whole space and ρ = 0.
 */
@SpecRef({"E8.10", "E8.11", "A8.1"})
public final class KernelTangentSpace implements TangentSpectrum {
    /**
     * Relative eigenvalue threshold of A8.1: eigenvalues of JᵀJ at most this times λ₁ count as zero. It is the
     * square of a singular-value threshold 3.2e-7 — far above A5.1's 1e-9, because the eigenvalues of a Gram
     * matrix carry an absolute error of about n·ε·λ₁: on the 248 cases of C5 the dropped ones measure
     * ≤ 5.4e-16·λ₁ and the kept ones ≥ 3.2e-12·λ₁ (proofs-notes/C16.md), so the threshold sits in that gap.
     */
    public static final double EIGENVALUE_TOLERANCE = 1e-13;

    private static final double EPS = Math.ulp(1.0);

    private final Problem problem;
    private final BLAS blas;
    private final int m;
    private final int d;
    private final int l;
    private final int k;
    private final double[] w;     // W₀, m×d row-major
    private final double[] q;     // Q, d×k row-major; null when k = d (Q = I)
    private final double[] aVectors; // eigenvectors of A, column-major m×m
    private final double[] aValues;  // eigenvalues of A, ascending
    private final Lapack lapack;
    private final double[] parallelBlock; // M_∥, mk×mk, kept for the solves of A8.1 step 6
    private double[] pVectors; // eigenvectors of M_∥, column-major mk×mk; computed on first need
    private double[] cholesky; // Cholesky factor of M_∥ when it has full numerical rank; computed on first need
    private final double[] pValues;  // eigenvalues of M_∥, ascending
    private final double lambdaMax;
    private final double threshold;
    private final int rank;
    private final long ambient;

    /**
     * @param problem plain model; its signs are S
     * @param theta0  W₀, m×d row-major; copied
     * @param blas    for the contraction of T* (E8.3, E8.4)
     * @param lapack  for the two symmetric eigendecompositions
     */
    KernelTangentSpace(Problem problem, double[] theta0, BLAS blas, Lapack lapack) {
        if (problem.model() != ModelKind.PLAIN) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model of the tangent space",
                    "plain (spec 05-lazy.md)", problem.model().id());
        }
        this.problem = problem;
        this.blas = blas;
        this.lapack = lapack;
        this.w = problem.checkParameters(theta0).clone();
        this.m = problem.width();
        this.d = problem.dim();
        this.l = problem.order();
        this.k = Math.min(m, d);
        this.ambient = Sizes.symmetricDimension(d, l);
        long parallel = (long) m * k;
        if (parallel * parallel > Sizes.MAX_ARRAY_LENGTH) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "kernel block M_∥ (m·k)²", parallel * parallel, Sizes.MAX_ARRAY_LENGTH);
        }
        // A8.1 step 1: G = W₀W₀ᵀ
        double[] g = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += w[i * d + a] * w[j * d + a];
                }
                g[i * m + j] = s;
                g[j * m + i] = s;
            }
        }
        // A8.1 step 2: Q, an orthonormal basis containing the rows (first k columns of a Householder QR of W₀ᵀ)
        double[] wt; // Qᵀw_i, m×k row-major
        if (k < d) {
            // k = m here; the thin factor only (d×m), never the full d×d Q, so d can be large
            double[] wTransposed = new double[d * m]; // W₀ᵀ, d×m column-major = W₀ row-major
            System.arraycopy(w, 0, wTransposed, 0, d * m);
            double[] thin = lapack.qr(wTransposed, d, m).q(); // d×m column-major: column c at thin[c·d …]
            this.q = new double[d * k];
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < k; c++) {
                    q[a * k + c] = thin[c * d + a];
                }
            }
            wt = new double[m * k];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int a = 0; a < d; a++) {
                        s += q[a * k + c] * w[i * d + a];
                    }
                    wt[i * k + c] = s;
                }
            }
        } else {
            this.q = null;
            wt = w;
        }
        // A8.1 step 3: A = l S G^{∘(l−1)} S and its eigendecomposition (the block on R^m ⊗ span(Q)^⊥)
        if (k < d) {
            this.aVectors = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    aVectors[i * m + j] = problem.sign(i) * problem.sign(j) * l * GramObjective.power(g[i * m + j], l - 1);
                }
            }
            this.aValues = new double[m];
            Lapack.Eigen eigenA = lapack.symmetricEigen(aVectors.clone(), m, true);
            System.arraycopy(eigenA.values(), 0, aValues, 0, m);
            System.arraycopy(eigenA.vectors(), 0, aVectors, 0, m * m);
        } else {
            this.aVectors = new double[0];
            this.aValues = new double[0];
        }
        // A8.1 step 4: M_∥ = the E8.10 blocks in the coordinates Qᵀw_i, and its eigendecomposition
        int n = m * k;
        this.parallelBlock = kernelBlocks(wt, g, k);
        this.pValues = new double[n];
        if (n > 0) { // eigenvalues only: vectors on demand
            System.arraycopy(lapack.symmetricEigen(parallelBlock.clone(), n, false).values(), 0, pValues, 0, n);
        }
        // A8.1 step 5: rank = (d − k)·#{μ > τλ₁} + #{ν > τλ₁}
        double max = n > 0 ? pValues[n - 1] : 0;
        if (aValues.length > 0) {
            max = Math.max(max, aValues[m - 1]);
        }
        this.lambdaMax = max;
        this.threshold = EIGENVALUE_TOLERANCE * max;
        long count = 0;
        for (double mu : aValues) {
            if (mu > threshold) {
                count += d - k;
            }
        }
        for (double nu : pValues) {
            if (nu > threshold) {
                count++;
            }
        }
        this.rank = (int) count;
    }

    /**
     * The E8.10 blocks s_i s_j l [g_ij^{l−1} I_p + (l−1) g_ij^{l−2} v_j v_iᵀ] for rows v_i ∈ R^p (m×p row-major),
     * as one symmetric mp×mp array (row (i,a) = i·p + a): entry ((i,a),(j,b)) = s_i s_j l [g^{l−1} δ_ab + (l−1) g^{l−2} v_j[a] v_i[b]].
     */
    @SpecRef("E8.10")
    private double[] kernelBlocks(double[] v, double[] g, int p) {
        int n = m * p;
        double[] out = new double[n * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double gij = g[i * m + j];
                double scale = problem.sign(i) * problem.sign(j) * l;
                double diagonal = scale * GramObjective.power(gij, l - 1);
                double rankOne = scale * (l - 1) * (l >= 2 ? GramObjective.power(gij, l - 2) : 0);
                for (int a = 0; a < p; a++) {
                    int row = (i * p + a) * n + j * p;
                    double va = rankOne * v[j * p + a];
                    for (int b = 0; b < p; b++) {
                        out[row + b] = va * v[i * p + b];
                    }
                    out[row + a] += diagonal;
                }
            }
        }
        return out;
    }

    /** The full md×md Gram JᵀJ of E8.10 (parameter order of E2.9), for the differential suite; O((md)²) memory. */
    @SpecRef("E8.10")
    double[] gramMatrix() {
        double[] g = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += w[i * d + a] * w[j * d + a];
                }
                g[i * m + j] = s;
            }
        }
        return kernelBlocks(w, g, d);
    }

    /** k = min(m, d), the dimension of the subspace span(Q) ⊇ span(W₀) (A8.1 step 2). */
    public int spanDimension() {
        return k;
    }

    /** N(d,l), the dimension of the space of symmetric tensors (it may exceed an int's range of arrays). */
    public long ambientDimension() {
        return ambient;
    }

    @Override
    public int parameterCount() {
        return m * d;
    }

    /**
     * The m·d eigenvalues of JᵀJ in descending order (A8.1 step 5): those of M_∥ once each, those of A with
     * multiplicity d − k. Absolute error about m·k·ε·λ₁ each; negative round-off is kept as computed.
     */
    public double[] eigenvalues() {
        double[] all = new double[m * d];
        int pos = 0;
        for (double nu : pValues) {
            all[pos++] = nu;
        }
        for (double mu : aValues) {
            for (int c = 0; c < d - k; c++) {
                all[pos++] = mu;
            }
        }
        Arrays.sort(all);
        for (int i = 0, j = all.length - 1; i < j; i++, j--) {
            double t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return all;
    }

    /**
     * σ_k = √max(0, λ_k), descending, min(m·d, N(d,l)) of them (as many as the packed SVD of A5.1 returns).
     * Absolute error about √(m·k·ε)·σ₁ for the small ones (the square root of the eigenvalue error).
     */
    @Override
    public double[] singularValues() {
        double[] lambda = eigenvalues();
        int count = (int) Math.min(lambda.length, ambient);
        double[] sigma = new double[count];
        for (int i = 0; i < count; i++) {
            sigma[i] = Math.sqrt(Math.max(0.0, lambda[i]));
        }
        return sigma;
    }

    /** The numerical rank of A8.1: #{eigenvalues of JᵀJ &gt; {@link #EIGENVALUE_TOLERANCE}·λ₁} (with multiplicity). */
    @Override
    public int rank() {
        return rank;
    }

    /**
     * Whether the kernel certifies its rank (A8.1, threshold paragraph): only a full rank, min(m·d, N(d,l)), is
     * certified. Through the Gram a singular value below about √(nε)·σ₁ ≈ 1e-7·σ₁ cannot be told from an exact
     * zero (measured: (d, l, m) = (6, 4, 21), σ_min = 1.9e-8·σ₁, whose eigenvalue 3.5e-16·λ₁ is round-off), so an
     * apparent deficiency — a defective case, l = 2, or such a small σ — is left to the packed SVD by
     * {@link GramBackend#tangentSpectrum} where that is affordable.
     */
    public boolean rankIsResolved() {
        return rank == Math.min((long) m * d, ambient);
    }

    /** λ₁, the largest eigenvalue of JᵀJ (σ₁²). */
    public double largestEigenvalue() {
        return lambdaMax;
    }

    /**
     * The smallest eigenvalue of JᵀJ above the threshold (λ_r, r = rank), or 0 when the rank is 0.
     */
    public double smallestKeptEigenvalue() {
        double min = Double.POSITIVE_INFINITY;
        for (double mu : aValues) {
            if (mu > threshold) {
                min = Math.min(min, mu);
            }
        }
        for (double nu : pValues) {
            if (nu > threshold) {
                min = Math.min(min, nu);
            }
        }
        return Double.isInfinite(min) ? 0.0 : min;
    }

    /**
     * The first-order accuracy of ρ̂² stated by A8.1: (m·k + m)·ε·λ₁/λ_r. A perturbation E of JᵀJ with
     * ‖E‖ ≤ n·ε·λ₁ (formation and backward error of the eigensolver) changes bᵀM⁺b by at most
     * ‖M⁺b‖²·‖E‖ ≤ ‖T*‖²·‖E‖/λ_r; divided by ‖T*‖² this bounds |ρ̂² − ρ²| to first order. 0 at full rank N(d,l),
     * where ρ = 0 is exact.
     */
    @Override
    public double residualSquareAccuracy() {
        if (rank == ambient || rank == 0) {
            return 0.0;
        }
        return (double) (m * k + m) * EPS * lambdaMax / smallestKeptEigenvalue();
    }

    /**
     * b̃ᵀ M_∥⁺ b̃ over the kept eigenvalues (A8.1 step 6). When every eigenvalue of M_∥ is kept, M_∥⁺ = M_∥⁻¹ and
     * the form is ‖L⁻¹b̃‖² with the Cholesky factor L (n³/3 flops instead of the eigenvectors' ~3n³); otherwise,
     * or when Cholesky finds M_∥ not numerically positive definite, Σ_{ν_j kept} (v_jᵀb̃)²/ν_j with the eigenvectors.
     */
    private double parallelProjection(double[] bPar) {
        int n = m * k;
        if (n == 0) {
            return 0;
        }
        boolean fullRank = pValues[0] > threshold;
        if (fullRank && pVectors == null) {
            if (cholesky == null) {
                try {
                    cholesky = lapack.cholesky(parallelBlock.clone(), n);
                } catch (BeyondLazyException notPositiveDefinite) {
                    cholesky = null; // fall back to the eigenvectors below
                }
            }
            if (cholesky != null) {
                return squaredNormOfForwardSolve(cholesky, n, bPar.clone());
            }
        }
        if (pVectors == null) {
            pVectors = lapack.symmetricEigen(parallelBlock.clone(), n, true).vectors();
        }
        double projected = 0;
        for (int j = 0; j < n; j++) {
            if (!(pValues[j] > threshold)) {
                continue;
            }
            double c = 0;
            for (int r = 0; r < n; r++) {
                c += pVectors[j * n + r] * bPar[r];
            }
            projected += c * c / pValues[j]; // eigenvector j of M_∥
        }
        return projected;
    }

    /**
     * ρ_lazy by A8.1 step 6: b_i = s_i l T*(w_i^{⊗(l−1)}) (E5.5, through the fast truth term E8.3/E8.4),
     * ‖P_V T*‖² = tr(B⊥ᵀ A⁺ B⊥) + b_∥ᵀ M_∥⁺ b_∥ over the kept eigenvalues, ρ² = max(0, ‖T*‖² − ‖P_V T*‖²)/‖T*‖².
     * Exactly 0 when the rank equals N(d,l). Accuracy: {@link #residualSquareAccuracy()} on ρ², hence about its
     * square root on ρ near 0.
     */
    @Override
    public double lazyResidual(Truth truth) {
        if (truth.order() != l || truth.dim() != d) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truth of the lazy residual",
                    "l = " + l + ", d = " + d, "l = " + truth.order() + ", d = " + truth.dim());
        }
        TruthTerm term = truth instanceof FactoredTruth f
                ? new FactoredTruthTerm(blas, f, m)
                : new PackedDenseTruthTerm(blas, (DenseTruth) truth, m);
        double normSquared = term.normSquared();
        if (!(normSquared > 0)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "truth of the lazy residual", "non-zero", "0");
        }
        if (rank == ambient) {
            return 0.0; // V = Sym^l: P_V = I
        }
        double[] b = new double[m * d];
        term.contract(w, 0, b); // T*(w_i^{⊗(l−1)})
        for (int i = 0; i < m; i++) {
            double scale = problem.sign(i) * l;
            for (int a = 0; a < d; a++) {
                b[i * d + a] *= scale; // E5.5: b_i = s_i l T*(w_i^{⊗(l−1)})
            }
        }
        double[] bPar;
        double[] bPerp = null;
        if (q != null) {
            bPar = new double[m * k];
            bPerp = b.clone();
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int a = 0; a < d; a++) {
                        s += q[a * k + c] * b[i * d + a];
                    }
                    bPar[i * k + c] = s; // b_i^∥ = Qᵀb_i
                }
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        s += q[a * k + c] * bPar[i * k + c];
                    }
                    bPerp[i * d + a] -= s; // b_i^⊥ = b_i − Q b_i^∥
                }
            }
        } else {
            bPar = b;
        }
        double projected = 0;
        if (bPerp != null) {
            double[] c = new double[d];
            for (int j = 0; j < m; j++) {
                if (!(aValues[j] > threshold)) {
                    continue;
                }
                Arrays.fill(c, 0);
                for (int i = 0; i < m; i++) {
                    double u = aVectors[j * m + i];
                    for (int a = 0; a < d; a++) {
                        c[a] += u * bPerp[i * d + a];
                    }
                }
                double sq = 0;
                for (double x : c) {
                    sq += x * x;
                }
                projected += sq / aValues[j]; // tr(B⊥ᵀ A⁺ B⊥), eigenvector j of A
            }
        }
        projected += parallelProjection(bPar);
        double rest = Math.max(0.0, normSquared - projected);
        return Math.min(1.0, Math.sqrt(rest / normSquared));
    }

    /**
     * ‖L⁻¹b‖² by forward substitution, L lower triangular n×n column-major (the Cholesky factor of M_∥).
     *
     * @param b length n; overwritten with L⁻¹b
     */
    private static double squaredNormOfForwardSolve(double[] lower, int n, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = b[i];
            for (int j = 0; j < i; j++) {
                v -= lower[j * n + i] * b[j];
            }
            b[i] = v / lower[i * n + i];
            s += b[i] * b[i];
        }
        return s;
    }
}
