package org.beyondlazy.experiments.run;

/**
 * One metrics line of a run (spec E9.8): after {@code step} optimizer steps, the loss f and the relative
 * error ‖T − T*‖/‖T*‖. Variant runs have one line per epoch and also report the epoch, the number of
 * active components (E7.4) and the component re-initialized at the epoch's start; other runs leave
 * those {@code null}.
 */
public record Metric(Integer epoch, long step, double loss, double relativeError, Integer active, Integer reinitialized) {
}
