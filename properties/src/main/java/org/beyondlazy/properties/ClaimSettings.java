package org.beyondlazy.properties;

import static org.quicktheories.QuickTheory.qt;

import org.quicktheories.QuickTheory;

/**
 * Seeds and example counts of the property runs. CI uses the fixed defaults; a deeper run on demand:
 * {@code -Dbeyondlazy.examples=1000 -Dbeyondlazy.seed=7}.
 */
public final class ClaimSettings {
    /** The fixed QuickTheories seed of CI runs. */
    public static final long DEFAULT_SEED = 20201122L;

    private ClaimSettings() {
    }

    /** The QuickTheories seed: system property {@code beyondlazy.seed}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("beyondlazy.seed", DEFAULT_SEED);
    }

    /** Examples per property: {@code beyondlazy.examples} if set, else the property's default. */
    public static int examples(int defaultCount) {
        return Integer.getInteger("beyondlazy.examples", defaultCount);
    }

    /** A QuickTheory with the fixed seed and the example count; shrinking is off (seeds do not shrink meaningfully). */
    public static QuickTheory theory(int defaultExamples) {
        return qt().withFixedSeed(seed()).withExamples(examples(defaultExamples)).withShrinkCycles(0);
    }
}
