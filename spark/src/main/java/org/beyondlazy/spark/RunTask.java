package org.beyondlazy.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.CompletedRun;
import org.beyondlazy.experiments.run.RunConfig;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.run.RunSpec;
import org.beyondlazy.experiments.run.Runner;
import org.beyondlazy.experiments.run.SweepPlan;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;

/**
 * One run as a Spark task ships it (spec E9.20): the run's id and its complete config in JSON (E9.10, defaults
 * filled in). The executor rebuilds the {@link RunSpec} from the JSON and computes the run with the local sweep's
 * runner ({@link Runner#execute}); the seed is the config's, so the result does not depend on which executor,
 * partition or attempt computed it.
 *
 * @param id         the planned run's id (SHA-256 prefix of {@code configJson}, checked again on the executor)
 * @param configJson the filled config, {@link RunConfigs#toJson} of the planned run's config
 */
@SpecRef("E9.20")
public record RunTask(String id, String configJson) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The task of a planned run. */
    public static RunTask of(PlannedRun run) {
        return new RunTask(run.id(), RunConfigs.toJson(run.config()));
    }

    /**
     * Computes the run on this JVM. A run that cannot be computed (an exception that is not a divergence, out of
     * memory) is returned as a failure rather than thrown, so that Spark does not retry a deterministic failure; a
     * lost executor is what Spark retries.
     */
    public ShippedRun compute() {
        String label = "run " + id;
        try {
            RunConfig config = RunConfigs.convert(label, RunConfigs.parse(label, configJson.getBytes(StandardCharsets.UTF_8)));
            String rebuilt = SweepPlan.id(config);
            if (!rebuilt.equals(id)) {
                // the config did not survive the trip unchanged: its result would be recorded under the wrong id
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, label, "the shipped config has id " + rebuilt);
            }
            RunSpec spec = RunConfigs.spec(label, config);
            CompletedRun completed = Runner.execute(config, spec);
            return ShippedRun.of(id, completed);
        } catch (RuntimeException e) {
            return ShippedRun.failed(id, e);
        } catch (OutOfMemoryError e) {
            return ShippedRun.failed(id, new IllegalStateException("out of memory: " + e.getMessage(), e));
        }
    }
}
