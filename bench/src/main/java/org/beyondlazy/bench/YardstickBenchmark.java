package org.beyondlazy.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.Generators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-run yardstick: one plain dgemm C = A·B of comparable size to the factored step's dominant
 * product (m×d times d×m, m = 1000, d = 100: 2m²d = 2e8 flops) through the same BLAS. Its GFLOP/s is
 * what the fast path's kernels are compared with. C is overwritten (β = 0), so no state carries over.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class YardstickBenchmark {
    @Param({"best", "java"})
    public String blas;

    public int m = 1000;
    public int d = 100;

    private BLAS b;
    private double[] a;
    private double[] bt;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        b = BenchInstances.blas(blas);
        BenchInstances.report("yardstick", b);
        a = Generators.gaussian(Generators.rng(1), d, m, 1.0);
        bt = Generators.gaussian(Generators.rng(2), d, m, 1.0);
        c = new double[m * m];
    }

    @Benchmark
    public double[] dgemm() {
        // C (m×m) = Aᵀ (m×d) · B (d×m), column-major
        b.dgemm("T", "N", m, m, d, 1.0, a, 0, d, bt, 0, d, 0.0, c, 0, m);
        return c;
    }
}
