package org.beyondlazy.core.variant;

import java.util.List;
import org.beyondlazy.core.SpecRef;

/**
 * The outcome of one run of the variant (spec A7.1, E7.4).
 *
 * @param backend        name of the backend that evaluated f
 * @param seed           the seed of the run's random draws (initialization, re-initialization, signs)
 * @param config         the options
 * @param signs          final signs a (length m)
 * @param theta          final W (m×d row-major)
 * @param epochs         one record per completed epoch
 * @param stoppedEarly   whether the early stop at ε fired
 * @param totalSteps     all-component gradient steps taken over the run
 */
@SpecRef("E7.4")
public record VariantRun(String backend, long seed, VariantConfig config, double[] signs, double[] theta,
        List<EpochRecord> epochs, boolean stoppedEarly, long totalSteps) {

    /** The relative error after the last epoch. */
    public double finalRelativeError() {
        return epochs.get(epochs.size() - 1).relativeError();
    }

    /** Whether the final relative error is at most {@code epsilon}. */
    public boolean reached(double epsilon) {
        return finalRelativeError() <= epsilon;
    }
}
