package org.beyondlazy.core.lazy;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.SpecRef;
import org.hipparchus.random.RandomGenerator;

/**
 * The seeded lazy-failure instance of spec A5.3: a rank-one target T* = u^{⊗l} with u uniform on the sphere
 * and an initialization W₀ with independent N(0, 1/d) entries (rows of norm ≈ 1). Rows are drawn one after
 * the other from the same stream, so the first m rows do not depend on how many rows are drawn: the
 * instances for m and m + 1 are nested (the second adds one component).
 */
@SpecRef("A5.3")
public final class LazyInstances {
    private LazyInstances() {
    }

    /** One instance: the target and the first {@code maxWidth} rows of W₀. */
    public record Instance(long seed, FactoredTruth truth, double[] rows, int dim) {
        /** The first m rows of W₀ (m×d, a fresh array). */
        public double[] initialization(int width) {
            double[] w = new double[width * dim];
            System.arraycopy(rows, 0, w, 0, w.length);
            return w;
        }

        @Override
        public String toString() {
            return "LazyInstance[seed=" + seed + "L, d=" + dim + ", l=" + truth.order() + "]";
        }
    }

    /**
     * A5.3: rng = Well19937c(seed); step 1 u ← unit vector (A3.2); step 2 W₀ ← maxWidth×d Gaussian with sd
     * 1/√d (A3.3), row by row.
     */
    @SpecRef("A5.3")
    public static Instance rankOneTarget(long seed, int dim, int order, int maxWidth) {
        Check.atLeast("dimension d", dim, 1);
        Check.atLeast("width m", maxWidth, 1);
        RandomGenerator rng = Generators.rng(seed);
        double[] u = Generators.unitVector(rng, dim); // A5.3 step 1
        double[] rows = Generators.gaussian(rng, maxWidth, dim, 1.0 / Math.sqrt(dim)); // A5.3 step 2
        return new Instance(seed, new FactoredTruth(order, dim, 1, u, new double[] {1.0}), rows, dim);
    }
}
