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
 * One gradient-descent step of the fast path with a factored truth (Gram form, spec E8.2/E8.3), plain
 * model, d = 100, m = 1000, r = 10, l = 3 and 4. Flops per step counted as 3m²d + 4mrd.
 *
 * <p>The step updates θ in place, so each invocation first copies θ₀ into θ (an m·d = 1e5-double
 * arraycopy, about 1% of the step, inside the measured region): every invocation measures the same
 * step from the same point.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class FactoredGdStepBenchmark {
    @Param({"3", "4"})
    public int order;
    @Param({"best", "java"})
    public String blas;

    public int dim = 100;
    public int width = 1000;
    public int rank = 10;

    private Objective objective;
    private GradientDescent gd;
    private double[] theta0;
    private double[] theta;

    @Setup(Level.Trial)
    public void setUp() {
        BLAS b = BenchInstances.blas(blas);
        BenchInstances.report("factored", b);
        Problem p = BenchInstances.factored(dim, width, rank, order);
        objective = new GramBackend(b).objective(p);
        gd = new GradientDescent(1e-4);
        theta0 = BenchInstances.theta(p);
        theta = theta0.clone();
    }

    @Benchmark
    public double gdStep() {
        System.arraycopy(theta0, 0, theta, 0, theta.length); // fresh state per invocation (stated above)
        return gd.step(objective, theta);
    }
}
