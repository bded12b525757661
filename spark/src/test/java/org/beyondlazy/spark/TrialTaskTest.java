package org.beyondlazy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.scaling.ScalingSchedule;
import org.beyondlazy.experiments.scaling.ScalingTrial;
import org.junit.jupiter.api.Test;

/**
 * The trip of a scaling-law trial to an executor and back (spec E9.21), without Spark: a {@link TrialTask} and its
 * {@link TrialTask.ShippedAttempt} Java-serialized (Spark's default serializers for closures and task results) give the
 * attempt the local engine computes, for each kind of trial; a trial that cannot be computed comes back as an error
 * value keeping its code; the entry point refuses bad arguments before Spark starts.
 */
@SpecRef("E9.21")
class TrialTaskTest {
    static final ScalingSchedule SCHEDULE = new ScalingSchedule(0.2, 1e-3, 0.1, List.of(new ScalingSchedule.OrderBase(3, 4, 300, 3, 1e-3)));

    @Test
    void aShippedTrialGivesTheLocalAttemptOfEachKind() throws Exception {
        for (ScalingTrial.Kind kind : ScalingTrial.Kind.values()) {
            ScalingTrial trial = new ScalingTrial(kind, 3, 4, 1, 2, 100, 5e-3, SCHEDULE);
            TrialTask.ShippedAttempt shipped = ShippedRunTest.roundTrip(ShippedRunTest.roundTrip(new TrialTask("fast", trial)).compute());
            assertThat(shipped.error()).as(kind.name()).isNull();
            assertThat(shipped.attempt()).as(kind.name()).isEqualTo(trial.attempt(Backends.get("fast")));
        }
    }

    @Test
    void aTrialThatCannotBeComputedComesBackWithItsCode() throws Exception {
        TrialTask unknownBackend = new TrialTask("gpu", new ScalingTrial(ScalingTrial.Kind.VARIANT, 3, 4, 1, 2, 100, 5e-3, SCHEDULE));
        TrialTask.ShippedAttempt shipped = ShippedRunTest.roundTrip(unknownBackend.compute());
        assertThat(shipped.attempt()).isNull();
        assertThat(shipped.error()).isInstanceOf(BeyondLazyException.class);
        assertThat(((BeyondLazyException) shipped.error()).code()).isEqualTo(ErrorCode.UNKNOWN_NAME);
    }

    @Test
    void theEntryPointRefusesBadArgumentsBeforeSparkStarts() {
        for (String[] args : new String[][] {{}, {"--out"}, {"--out", "x", "--threads", "2"}, {"--out", "x", "--profile", "medium"},
            {"--out", "x", "--implementation", "gpu"},
            {"--out", "x", "--concurrent-points", "0"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SparkScalingLaw.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip().lines().count()).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        }
    }
}
