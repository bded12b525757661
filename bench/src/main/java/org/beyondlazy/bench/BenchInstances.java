package org.beyondlazy.bench;

import dev.ludovic.netlib.blas.BLAS;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.fast.Blas;
import org.beyondlazy.reference.DenseTensor;

/** Seeded problem instances of the benchmarks (plain model, λ = 0, unit truth rows, c* = 1). */
final class BenchInstances {
    static final long SEED = 20201122L;

    private BenchInstances() {
    }

    /** Plain model, factored truth with r unit rows and c* = 1. */
    static Problem factored(int d, int m, int r, int l) {
        FactoredTruth truth = new FactoredTruth(l, d, r, Generators.unitRows(Generators.rng(SEED), r, d), Generators.constant(r, 1.0));
        return Problem.of(ModelKind.PLAIN, m, 0.0, truth);
    }

    /** Plain model, the dense form of {@link #factored}'s truth. */
    static Problem dense(int d, int m, int r, int l) {
        Problem f = factored(d, m, r, l);
        return Problem.of(ModelKind.PLAIN, m, 0.0, new DenseTruth(l, d, DenseTensor.of(f.truth()).entries()));
    }

    /** W₀ with N(0, 1/d) entries (rows of norm ≈ 1). */
    static double[] theta(Problem p) {
        return Generators.gaussian(Generators.rng(SEED + 1), p.width(), p.dim(), 1.0 / Math.sqrt(p.dim()));
    }

    /**
     * {@code best} (the bundled OpenBLAS, else a system one, else pure Java; {@code -jvmArgs
     * -Dbeyondlazy.blas=system} forces the system library) or {@code java} (pure Java).
     */
    static BLAS blas(String name) {
        return switch (name) {
            case "best" -> Blas.best();
            case "java" -> Blas.pureJava();
            default -> throw new IllegalArgumentException("blas must be best or java, found " + name);
        };
    }

    /** Prints the BLAS class once per trial, so the log records the backend of every result. */
    static void report(String benchmark, BLAS blas) {
        System.out.println("# " + benchmark + " BLAS backend: " + Blas.bindingClass(blas) + ": " + Blas.describe(blas));
        System.out.println("# fast path " + Blas.describe());
    }
}
