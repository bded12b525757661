package org.beyondlazy.properties;

import org.beyondlazy.core.Problem;

/**
 * A generated problem and a parameter point, reproducible from its seed. {@link #toString()} prints the
 * seed and the sizes, so a failing property names the instance that reproduces it.
 *
 * @param seed    the seed that {@link Instances#random} turns into this instance
 * @param problem the problem
 * @param theta   a parameter point (shared; copy before modifying)
 */
public record Instance(long seed, Problem problem, double[] theta) {
    @Override
    public String toString() {
        return "Instance[seed=" + seed + "L, " + problem + "]";
    }
}
