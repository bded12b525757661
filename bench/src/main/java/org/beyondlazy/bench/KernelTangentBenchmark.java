package org.beyondlazy.bench;

import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.fast.KernelTangentSpace;
import org.beyondlazy.fast.Lapack;
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
 * The tangent rank and lazy residual of one A5.3 instance (T* = u^{⊗l}, Gaussian W₀) from the kernel form
 * (spec E8.10, E8.11, A8.1): the Grams, the m×m and mk×mk eigendecompositions (k = min(m, d)) and one
 * residual, i.e. what {@code beyondlazy lazy} does per trial. Each operation takes seconds, so single-shot
 * timing. Shapes {@code l:d:m} of the targets: (3, 40, 30) → 900×900 block, (3, 320, 30) → 900×900,
 * (4, 64, 40) → 1600×1600. {@code lapack} is {@code best} (native when installed) or {@code java} (Hipparchus).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(2)
public class KernelTangentBenchmark {
    @Param({"3:40:30", "3:320:30", "4:64:40"})
    public String shape;

    @Param({"best"})
    public String lapack;

    private GramBackend backend;
    private Problem problem;
    private double[] w0;

    @Setup(Level.Trial)
    public void setUp() {
        String[] s = shape.split(":");
        int l = Integer.parseInt(s[0]);
        int d = Integer.parseInt(s[1]);
        int m = Integer.parseInt(s[2]);
        backend = new GramBackend(BenchInstances.blas("best"), lapack.equals("java") ? Lapack.hipparchus() : Lapack.best());
        BenchInstances.report("kernel-tangent", backend.blas());
        System.out.println("# LAPACK backend: " + backend.lapack().describe());
        LazyInstances.Instance inst = LazyInstances.rankOneTarget(BenchInstances.SEED, d, l, m);
        problem = Problem.of(ModelKind.PLAIN, m, 0.0, inst.truth());
        w0 = inst.initialization(m);
    }

    @Benchmark
    public double rankAndResidual() {
        KernelTangentSpace v = backend.kernelTangentSpace(problem, w0);
        return v.rank() + v.lazyResidual(problem.truth());
    }
}
