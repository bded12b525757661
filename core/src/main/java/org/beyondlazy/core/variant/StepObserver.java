package org.beyondlazy.core.variant;

/**
 * Sees the iterate before every gradient step of the variant's second phase (A7.1 step 5), e.g. to
 * record a staircase loss curve (claim C10). Must not modify θ.
 */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param step    global step counter (0-based, over all epochs, counting only all-component steps)
     * @param epoch   current epoch k
     * @param signs   the current signs a (not to be modified)
     * @param theta   the current W, m×d row-major (not to be modified)
     * @param loss    f(θ) at this iterate
     */
    void observe(long step, int epoch, double[] signs, double[] theta, double loss);

    /** Observes nothing. */
    StepObserver NONE = (step, epoch, signs, theta, loss) -> { };
}
