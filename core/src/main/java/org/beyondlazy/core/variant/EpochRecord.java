package org.beyondlazy.core.variant;

import org.beyondlazy.core.SpecRef;

/**
 * What the variant records after each epoch (spec E7.4).
 *
 * @param epoch          k = 1..K
 * @param reinitialized  index of the component re-initialized at the start of the epoch (A7.1 step 2)
 * @param sign           its sign a after the mode switch (A7.1 step 3)
 * @param loss           f(θ) = ½‖T − T*‖² + (λ/2)‖W‖² at the end of the epoch
 * @param relativeError  ‖T − T*‖_F / ‖T*‖_F at the end of the epoch
 * @param active         number of components with ρ_i² ≥ τ·‖T*‖_F
 * @param steps          gradient steps on all components taken in this epoch (&lt; H after an early stop)
 */
@SpecRef("E7.4")
public record EpochRecord(int epoch, int reinitialized, double sign, double loss, double relativeError, int active,
        int steps) {
}
