package org.beyondlazy.experiments.run;

import java.util.List;
import org.beyondlazy.core.SpecRef;

/**
 * A run that has been computed but not yet written (spec E9.8): what {@link RunDirectory#publish} turns into a
 * run directory. Holds no file handles, so another engine can compute it and hand it to the one process that
 * writes.
 *
 * @param config   the config, defaults filled in
 * @param result   the outcome
 * @param metrics  the metrics lines, in order
 * @param iterates θ_0 … θ_T in the layout of E2.9 when the config asks for the trajectory, else {@code null};
 *                 a diverged run's last iterate is the first non-finite one (E9.18)
 */
@SpecRef("E9.8")
public record CompletedRun(RunConfig config, RunResult result, List<Metric> metrics, List<double[]> iterates) {
    public CompletedRun {
        metrics = List.copyOf(metrics);
        iterates = iterates == null ? null : List.copyOf(iterates);
    }
}
