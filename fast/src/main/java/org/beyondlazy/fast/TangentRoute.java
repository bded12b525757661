package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentSpace;
import org.beyondlazy.core.lazy.TangentSpectrum;

/**
 * Which computation of the tangent space the fast path runs (spec E9.9): the packed SVD of the N(d,l)×m·d
 * Jacobian (E8.8), the kernel form JᵀJ in block form (E8.10, E8.11, A8.1), or the one with fewer flops
 * ({@link GramBackend#tangentSpectrum}'s rule), with the sizes each route accepts.
 */
@SpecRef({"E8.8", "A8.1", "E9.9"})
public enum TangentRoute {
    AUTO, PACKED, KERNEL;

    /** Largest Jacobian matrix N(d,l) × m·d the packed route builds (doubles; ~160 MB). */
    public static final long MAX_JACOBIAN_ENTRIES = 20_000_000L;
    /**
     * Largest kernel block (m·k)² of A8.1 the kernel route decomposes (k = min(m, d)): 4000² doubles = 128 MB,
     * plus dsyevd's workspace of about twice that; about a minute of native LAPACK on 2 cores.
     */
    public static final long MAX_KERNEL_ENTRIES = 16_000_000L;

    /**
     * Cost units per second of both routes, in the unit of A8.1's route rule (packed: N·md·min(N, md); kernel:
     * (m·min(m, d))³). Measured on the project's 2-core machine under load (2026-12-02): d = 30, l = 3, m = 30,
     * one trial: packed 4.0·10⁹ units in 31.6 s wall, kernel 7.3·10⁸ units in 9.8 s wall (JVM start included).
     */
    public static final double UNITS_PER_SECOND = 1e8;

    /** A rough wall time of one tangent-space computation at (d, l, m) by this route, from its flop-count unit. */
    public double estimatedSeconds(int dim, int order, int width) {
        double n = Sizes.symmetricDimension(dim, order);
        double md = (double) width * dim;
        double mk = (double) width * Math.min(width, dim);
        return (usesKernel(dim, order, width) ? mk * mk * mk : n * md * Math.min(n, md)) / UNITS_PER_SECOND;
    }

    /** Whether this route runs the kernel form at (d, l, m). */
    public boolean usesKernel(int dim, int order, int width) {
        return this == KERNEL || this == AUTO && GramBackend.prefersKernel(dim, order, width);
    }

    /**
     * Refuses sizes the chosen route cannot hold in memory.
     *
     * @throws BeyondLazyException {@link ErrorCode#INVALID_INPUT} naming the sizes and the limit
     */
    public void checkSize(int dim, int order, int width) {
        long block = (long) width * Math.min(width, dim);
        if (usesKernel(dim, order, width)) {
            if ((double) block * block > MAX_KERNEL_ENTRIES) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, "--dim/--width",
                        "the kernel block (m·min(m,d))² = " + block + "² exceeds " + MAX_KERNEL_ENTRIES + " entries");
            }
        } else {
            long n = Sizes.symmetricDimension(dim, order);
            if ((double) n * width * dim > MAX_JACOBIAN_ENTRIES) { // in double: the long product can overflow
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, "--dim/--order/--width", "the Jacobian matrix N(d,l)×m·d = "
                        + n + "×" + ((long) width * dim) + " exceeds " + MAX_JACOBIAN_ENTRIES + " entries");
            }
        }
    }

    /** The fast backend with its {@link Backend#tangentSpectrum} answered by this route ({@code AUTO}: the backend itself). */
    public Backend on(GramBackend fast) {
        return this == AUTO ? fast : new Routed(fast, this == KERNEL);
    }

    private record Routed(GramBackend fast, boolean kernel) implements Backend {
        @Override
        public String name() {
            return fast.name() + (kernel ? "/kernel" : "/packed");
        }

        @Override
        public java.util.Map<String, Object> runtime() {
            return fast.runtime();
        }

        @Override
        public Objective objective(Problem problem) {
            return fast.objective(problem);
        }

        @Override
        public TangentSpace tangentSpace(Problem problem, double[] theta0) {
            return fast.tangentSpace(problem, theta0);
        }

        @Override
        public TangentSpectrum tangentSpectrum(Problem problem, double[] theta0) {
            return kernel ? fast.kernelTangentSpace(problem, theta0) : fast.tangentSpace(problem, theta0);
        }
    }
}
