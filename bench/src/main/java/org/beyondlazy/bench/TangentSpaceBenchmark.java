package org.beyondlazy.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.fast.GramBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lazy residual of the fast path (spec E8.8: packed Jacobian, its SVD through the LAPACK facade of
 * E8.6, the projection of A5.2), plain model, factored truth of rank 3, one whole computation per
 * operation (single shot: at l = 3, d = 40, m = 30 the Jacobian is 11480 × 1200). {@code blas=best}
 * runs the SVD in native LAPACK ({@code dgesdd}), {@code blas=java} in Hipparchus — the latter only at
 * the small shape (it did not finish the large one in 12 minutes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class TangentSpaceBenchmark {
    /** l:d:m. */
    @Param({"3:20:10", "3:40:30"})
    public String shape;
    @Param({"best"})
    public String blas;

    private GramBackend backend;
    private Problem problem;
    private FactoredTruth truth;
    private double[] theta0;

    @Setup
    public void setUp() {
        String[] s = shape.split(":");
        int l = Integer.parseInt(s[0]);
        int d = Integer.parseInt(s[1]);
        int m = Integer.parseInt(s[2]);
        BLAS b = BenchInstances.blas(blas);
        BenchInstances.report("tangent space", b);
        backend = new GramBackend(b);
        System.out.println("# tangent space LAPACK: " + backend.lapack().describe());
        truth = Generators.truth(0, l, d, Generators.constant(3, 1.0), false);
        problem = Problem.of(ModelKind.PLAIN, m, 0.0, truth);
        theta0 = Generators.gaussian(Generators.rng(1), m, d, 1.0 / Math.sqrt(d));
    }

    @Benchmark
    public double lazyResidual() {
        return backend.tangentSpace(problem, theta0).lazyResidual(truth);
    }
}
