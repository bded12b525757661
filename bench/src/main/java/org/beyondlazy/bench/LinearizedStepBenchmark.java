package org.beyondlazy.bench;

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
 * One gradient-descent step on the linearized (lazy) objective of the plain model (spec E5.6, fast form
 * E8.7), d = 100, m = 1000, l = 3, factored truth r = 10. Flops per step counted as 6m²d (three m×m×d
 * products). The step starts from w = w₀ + a fixed move, copied into θ inside the measured region.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LinearizedStepBenchmark {
    @Param({"best", "java"})
    public String blas;

    public int dim = 100;
    public int width = 1000;
    public int rank = 10;
    public int order = 3;

    private Objective objective;
    private GradientDescent gd;
    private double[] start;
    private double[] theta;

    @Setup(Level.Trial)
    public void setUp() {
        GramBackend backend = new GramBackend(BenchInstances.blas(blas));
        BenchInstances.report("linearized", backend.blas());
        Problem p = BenchInstances.factored(dim, width, rank, order);
        double[] theta0 = BenchInstances.theta(p);
        objective = backend.linearizedObjective(p, theta0);
        gd = new GradientDescent(1e-4);
        start = theta0.clone();
        for (int k = 0; k < start.length; k++) {
            start[k] += 0.01 * Math.sin(k); // a fixed move away from w₀
        }
        theta = start.clone();
    }

    @Benchmark
    public double gdStep() {
        System.arraycopy(start, 0, theta, 0, theta.length); // fresh state per invocation
        return gd.step(objective, theta);
    }
}
