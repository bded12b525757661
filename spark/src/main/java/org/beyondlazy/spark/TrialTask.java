package org.beyondlazy.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.scaling.ScalingTrial;
import org.beyondlazy.experiments.scaling.SeedTrials;

/**
 * One trial of the scaling-law experiment as a Spark task ships it (spec E9.21): the trial (its kind, (l, d, r, m),
 * seed, ε and the schedule of E7.9) and the registry name of the backend; the executor computes it with
 * {@link ScalingTrial#attempt}, the function the local engine calls, so the attempt does not depend on which executor,
 * partition or task attempt computed it.
 *
 * @param implementation the backend's registry name (fast, reference, …), bound on the executor
 * @param trial          what to compute
 */
@SpecRef("E9.21")
public record TrialTask(String implementation, ScalingTrial trial) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One backend per name and executor JVM (binding the native BLAS once). */
    private static final Map<String, Backend> BACKENDS = new ConcurrentHashMap<>();

    /**
     * Computes the trial on this JVM. A trial that cannot be computed comes back as a failure value, not a task failure,
     * so that Spark does not retry a deterministic error; a lost executor is what Spark retries.
     */
    public ShippedAttempt compute() {
        try {
            Backend backend = BACKENDS.computeIfAbsent(implementation, Backends::get);
            return new ShippedAttempt(trial.attempt(backend), null);
        } catch (RuntimeException e) {
            return new ShippedAttempt(null, e instanceof BeyondLazyException b ? b
                    : new IllegalStateException(trial.label() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        } catch (OutOfMemoryError e) {
            return new ShippedAttempt(null, new IllegalStateException(trial.label() + ": out of memory: " + e.getMessage()));
        }
    }

    /**
     * A trial's outcome on its way to the driver: the attempt, or the error that stopped it (an exception of the
     * project's vocabulary keeps its code; any other is reduced to its message, its cause may not serialize).
     */
    public record ShippedAttempt(SeedTrials.Attempt attempt, RuntimeException error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
