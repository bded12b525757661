package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.lazy.TangentSpectrum;

/**
 * The fast path's {@link Backend}: {@link GramObjective} for every model, with the truth term in Gram
 * form for a factored T* (E8.3) and as a packed symmetric contraction for a dense T* (E8.4). BLAS
 * through dev.ludovic.netlib ({@link Blas}), factorizations through {@link Lapack}; {@link #name()}
 * reports which BLAS library runs.
 */
@SpecRef({"E8.1", "E8.6"})
public final class GramBackend implements Backend {
    private final BLAS blas;
    private final Lapack lapack;

    /** On {@link Blas#best()} and {@link Lapack#best()}: native OpenBLAS (bundled, else system) when it loads, pure Java otherwise. */
    public GramBackend() {
        this(Blas.best());
    }

    /** On the given BLAS (e.g. {@link Blas#pureJava()}) and the LAPACK that goes with it ({@link Lapack#forBlas}). */
    public GramBackend(BLAS blas) {
        this(blas, Lapack.forBlas(blas));
    }

    /** On the given BLAS and LAPACK. */
    public GramBackend(BLAS blas, Lapack lapack) {
        this.blas = blas;
        this.lapack = lapack;
    }

    /** The LAPACK in use (tangent-space SVD and the kernel form's eigendecompositions). */
    public Lapack lapack() {
        return lapack;
    }

    /** The BLAS in use. */
    public BLAS blas() {
        return blas;
    }

    /**
     * {@code gram[<BLAS class>: <library>]}, e.g. {@code gram[dev.ludovic.netlib.blas.JNIBLAS: OpenBLAS 0.3.31
     * (bundled: org.bytedeco:openblas 0.3.31-1.5.13, linux-x86_64), 2 threads]}.
     */
    @Override
    public String name() {
        return "gram[" + Blas.bindingClass(blas) + ": " + Blas.describe(blas) + "]";
    }

    /**
     * {@code threads}: OpenBLAS's thread count (OPENBLAS_NUM_THREADS or OMP_NUM_THREADS, else the available
     * processors) for a native BLAS, 1 for pure Java; {@code blas} and {@code lapack}: the libraries loaded.
     */
    @Override
    public java.util.Map<String, Object> runtime() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("threads", blas instanceof dev.ludovic.netlib.blas.NativeBLAS ? Blas.library().threads() : 1);
        out.put("blas", Blas.describe(blas));
        out.put("lapack", lapack.describe());
        return out;
    }

    @Override
    public Objective objective(Problem problem) {
        return new GramObjective(problem, blas, truthTerm(problem));
    }

    /**
     * The linearized objective of the plain model around θ₀ (f̄(w) = ½‖T(w₀) + J(w₀)(w − w₀) − T*‖² +
     * (λ/2)‖W‖²) in Gram form (E8.7).
     *
     * @param theta0 w₀, m×d row-major; copied
     */
    @Override
    public Objective linearizedObjective(Problem problem, double[] theta0) {
        return new GramLinearizedObjective(problem, theta0, blas, truthTerm(problem));
    }

    /** The tangent space V(W₀) in packed symmetric coordinates (E8.8). */
    @Override
    public TangentSpace tangentSpace(Problem problem, double[] theta0) {
        return new PackedTangentSpace(problem, theta0, lapack);
    }

    /** The tangent space from its kernel JᵀJ (E8.10, E8.11, A8.1), never forming N(d,l) coordinates. */
    public KernelTangentSpace kernelTangentSpace(Problem problem, double[] theta0) {
        return new KernelTangentSpace(problem, theta0, blas, lapack);
    }

    /** Largest packed Jacobian N(d,l)·m·d the route rule falls back to when the kernel's rank is unresolved (doubles; ~160 MB). */
    public static final long PACKED_FALLBACK_ENTRIES = 20_000_000L;

    /**
     * The faster of the two routes by flop count (A8.1, last paragraph): the kernel form when
     * (m·k)³ ≤ N(d,l)·m·d·min(N(d,l), m·d) (its eigendecomposition against the packed SVD), else the packed
     * Jacobian (E8.8). When the kernel's rank is not resolved ({@link KernelTangentSpace#rankIsResolved()}) and
     * the packed Jacobian has at most {@link #PACKED_FALLBACK_ENTRIES} entries, the packed SVD answers instead.
     */
    @Override
    public TangentSpectrum tangentSpectrum(Problem problem, double[] theta0) {
        if (!prefersKernel(problem.dim(), problem.order(), problem.width())) {
            return tangentSpace(problem, theta0);
        }
        KernelTangentSpace kernel = kernelTangentSpace(problem, theta0);
        if (!kernel.rankIsResolved()
                && Sizes.symmetricDimension(problem.dim(), problem.order()) * problem.parameterCount() <= PACKED_FALLBACK_ENTRIES) {
            return tangentSpace(problem, theta0);
        }
        return kernel;
    }

    /** The route rule of {@link #tangentSpectrum}: true when the kernel form costs fewer flops. */
    @SpecRef("A8.1")
    public static boolean prefersKernel(int dim, int order, int width) {
        double n = Sizes.symmetricDimension(dim, order);
        double md = (double) width * dim;
        double mk = (double) width * Math.min(width, dim);
        return mk * mk * mk <= n * md * Math.min(n, md);
    }

    private TruthTerm truthTerm(Problem problem) {
        if (problem.truth() instanceof FactoredTruth f) {
            return new FactoredTruthTerm(blas, f, problem.width());
        }
        return new PackedDenseTruthTerm(blas, (DenseTruth) problem.truth(), problem.width());
    }
}
