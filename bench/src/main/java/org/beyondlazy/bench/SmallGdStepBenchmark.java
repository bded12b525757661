package org.beyondlazy.bench;

import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.reference.ReferenceBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same gradient-descent step (plain model, factored truth r = 5, d = 20, m = 100, l = 3) on the
 * reference and on the fast path (best BLAS), for the speed-up target. θ₀ is copied into θ inside the
 * measured region.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SmallGdStepBenchmark {
    public int dim = 20;
    public int width = 100;
    public int rank = 5;
    public int order = 3;

    private Objective reference;
    private Objective fast;
    private GradientDescent gdReference;
    private GradientDescent gdFast;
    private double[] theta0;
    private double[] theta;

    @Setup(Level.Trial)
    public void setUp() {
        Problem p = BenchInstances.factored(dim, width, rank, order);
        GramBackend backend = new GramBackend();
        BenchInstances.report("small", backend.blas());
        reference = new ReferenceBackend().objective(p);
        fast = backend.objective(p);
        gdReference = new GradientDescent(1e-4);
        gdFast = new GradientDescent(1e-4);
        theta0 = BenchInstances.theta(p);
        theta = theta0.clone();
    }

    @Benchmark
    public double reference() {
        System.arraycopy(theta0, 0, theta, 0, theta.length);
        return gdReference.step(reference, theta);
    }

    @Benchmark
    public double fast() {
        System.arraycopy(theta0, 0, theta, 0, theta.length);
        return gdFast.step(fast, theta);
    }
}
