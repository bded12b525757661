package org.beyondlazy.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.Sizes;
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
 * The floor of a gradient-descent step: only the BLAS calls that {@link FactoredGdStepBenchmark} and
 * {@link DenseGdStepBenchmark} make per step, with the same shapes, on random operands, and none of the
 * step's Java-side work (powers of G, monomials, row assembly): the floor of the step <em>as it is made of
 * BLAS calls today</em> (spec E8.2/E8.3, E8.4). A step built from other calls of the same flops can be
 * faster (measured: Q = G·Y with G on the left, {@code dsymm("L", …)}, about 0.28 ms under the
 * {@code dsymm("R", …)} used here at d = 100, m = 1000), so "target time &lt; floor" says a target is out of
 * reach for these calls, not for every implementation.
 * <ul>
 *   <li>{@code factored}: G = VVᵀ ({@code dsyrk} m×d, m²d flops), Qᵀ = Yᵀ·G^{∘(l−1)} ({@code dsymm}, 2m²d),
 *       and the factored truth's two m×r×d products ({@code dgemm}, 4mrd) — the same calls for l = 3 and 4;</li>
 *   <li>{@code dense}: the first two, and tᵀ = P·Mᵀ ({@code dgemm} d×m×N(d,l−1), 2·m·N·d) of E8.4.</li>
 * </ul>
 * Every output is overwritten (β = 0), so no state carries over between invocations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class StepFloorBenchmark {
    /** case:d:m:l, the shapes of the two step benchmarks' targets. */
    @Param({"factored:100:1000:3", "dense:64:1000:3"})
    public String shape;
    @Param({"best"})
    public String blas;

    public int rank = 10;

    private BLAS b;
    private boolean dense;
    private int d;
    private int m;
    private int packed;
    private double[] v;
    private double[] gram;
    private double[] y;
    private double[] q;
    private double[] factors;
    private double[] h;
    private double[] t;
    private double[] weights;
    private double[] monomials;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split(":");
        dense = switch (parts[0]) {
            case "factored" -> false;
            case "dense" -> true;
            default -> throw new IllegalArgumentException("case must be factored or dense, found " + parts[0]);
        };
        d = Integer.parseInt(parts[1]);
        m = Integer.parseInt(parts[2]);
        int l = Integer.parseInt(parts[3]);
        b = BenchInstances.blas(blas);
        BenchInstances.report("floor " + shape, b);
        v = Generators.gaussian(Generators.rng(1), m, d, 1.0 / Math.sqrt(d));
        y = Generators.gaussian(Generators.rng(2), m, d, 1.0);
        gram = Generators.gaussian(Generators.rng(3), m, m, 1.0);
        q = new double[m * d];
        t = new double[m * d];
        factors = Generators.gaussian(Generators.rng(4), rank, d, 1.0);
        h = new double[m * rank];
        packed = (int) Sizes.symmetricDimension(d, l - 1);
        weights = dense ? Generators.gaussian(Generators.rng(5), packed, d, 1.0) : null;
        monomials = dense ? Generators.gaussian(Generators.rng(6), m, packed, 1.0) : null;
    }

    @Benchmark
    public double[] blasCallsOfOneStep() {
        b.dsyrk("U", "T", m, d, 1.0, v, 0, d, 0.0, gram, 0, m);
        b.dsymm("R", "U", d, m, 1.0, gram, 0, m, y, 0, d, 0.0, q, 0, d);
        if (dense) {
            b.dgemm("N", "N", d, m, packed, 1.0, weights, 0, d, monomials, 0, packed, 0.0, t, 0, d);
        } else {
            b.dgemm("T", "N", rank, m, d, 1.0, factors, 0, d, v, 0, d, 0.0, h, 0, rank);
            b.dgemm("N", "N", d, m, rank, 1.0, factors, 0, d, h, 0, rank, 0.0, t, 0, d);
        }
        return q;
    }
}
