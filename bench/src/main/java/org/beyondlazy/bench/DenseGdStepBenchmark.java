package org.beyondlazy.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.fast.GramBackend;
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
 * One gradient-descent step of the fast path with a dense truth (Gram-form model part, packed
 * symmetric contraction of T*, spec E8.4), plain model: d = 64, m = 1000, l = 3 and d = 32, m = 500,
 * l = 4. Flops per step counted as 3m²d + 2·m·N(d,l−1)·d. θ₀ is copied into θ inside the measured
 * region, as in {@link FactoredGdStepBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DenseGdStepBenchmark {
    /** d:m:l. */
    @Param({"64:1000:3", "32:500:4"})
    public String shape;
    @Param({"best", "java"})
    public String blas;

    public int rank = 10;

    private Objective objective;
    private GradientDescent gd;
    private double[] theta0;
    private double[] theta;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split(":");
        BLAS b = BenchInstances.blas(blas);
        BenchInstances.report("dense " + shape, b);
        Problem p = BenchInstances.dense(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), rank, Integer.parseInt(parts[2]));
        objective = new GramBackend(b).objective(p);
        gd = new GradientDescent(1e-4);
        theta0 = BenchInstances.theta(p);
        theta = theta0.clone();
    }

    @Benchmark
    public double gdStep() {
        System.arraycopy(theta0, 0, theta, 0, theta.length); // fresh state per invocation
        return gd.step(objective, theta);
    }
}
