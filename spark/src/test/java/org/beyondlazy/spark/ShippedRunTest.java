package org.beyondlazy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.CompletedRun;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.run.RunDirectory;
import org.beyondlazy.experiments.run.Runner;
import org.beyondlazy.experiments.run.SweepPlan;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trip of a run from an executor to the driver (spec E9.20), without Spark: a {@link RunTask} computed and its
 * {@link ShippedRun} Java-serialized (as Spark's default serializer ships task results) publishes a run directory
 * byte for byte that of the local engine, for a step optimizer with its trajectory and for the variant; a failure
 * keeps its error code; the entry point refuses bad arguments before Spark starts.
 */
@SpecRef("E9.20")
class ShippedRunTest {
    /** Tiny runs of a step optimizer (with its trajectory) and of the variant, on the fast path. */
    static final String SWEEP = """
            {"base": {"order": 3, "dim": 5, "width": 6, "rank": 2, "steps": 40, "logEvery": 10, "implementation": "fast",
                      "stepsPerEpoch": 30, "epochs": 2, "directionSteps": 10},
             "grid": {"model": ["plain", "coef"]}}
            """;
    static final String VARIANT = """
            {"base": {"model": "homog", "optimizer": "variant", "order": 3, "dim": 5, "width": 6, "rank": 2, "implementation": "fast",
                      "stepsPerEpoch": 30, "epochs": 2, "directionSteps": 10}}
            """;
    static final String TRAJECTORY = """
            {"base": {"order": 3, "dim": 5, "width": 6, "rank": 2, "steps": 40, "logEvery": 10, "implementation": "fast",
                      "optimizer": "heavy-ball", "trajectory": true}}
            """;

    @Test
    void aShippedRunPublishesTheLocalEnginesFiles(@TempDir Path tmp) throws Exception {
        java.util.List<PlannedRun> runs = new java.util.ArrayList<>();
        for (String config : new String[] {SWEEP, VARIANT, TRAJECTORY}) {
            runs.addAll(SweepPlan.of("test", RunConfigs.parse("test", config.getBytes(StandardCharsets.UTF_8))).runs());
        }
                assertThat(runs).hasSize(4);
        for (PlannedRun run : runs) {
            ShippedRun shipped = roundTrip(RunTask.of(run)).compute();
            assertThat(shipped.isFailure()).as("run %s: %s", run.id(), shipped.error()).isFalse();
            CompletedRun received = roundTrip(shipped).completed(run);
            CompletedRun local = Runner.execute(run.config(), run.spec());
            Path viaSpark = tmp.resolve("spark-" + run.id());
            Path viaLocal = tmp.resolve("local-" + run.id());
            RunDirectory.publish(viaSpark, received);
            RunDirectory.publish(viaLocal, local);
            assertThat(Double.doubleToRawLongBits(received.result().finalLoss())).isEqualTo(Double.doubleToRawLongBits(local.result().finalLoss()));
            assertSameFiles(viaSpark, viaLocal);
        }
    }

    @Test
    void aFailureKeepsItsCode() throws Exception {
        ShippedRun failed = roundTrip(ShippedRun.failed("abc", new BeyondLazyException(ErrorCode.IO_FAILURE, "x.npy", "disk full")));
        assertThat(failed.isFailure()).isTrue();
        assertThat(failed.error()).isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
        assertThat(roundTrip(ShippedRun.failed("abc", new IllegalArgumentException("boom"))).error()).hasMessage("boom");
    }

    @Test
    void aTaskWhoseConfigDoesNotMatchItsIdFails() {
        ShippedRun shipped = new RunTask("000000000000", RunConfigs.toJson(new org.beyondlazy.experiments.run.RunConfig())).compute();
        assertThat(shipped.isFailure()).isTrue();
        assertThat(((BeyondLazyException) shipped.error()).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void badArgumentsExit2BeforeSparkStarts(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SparkSweep.run(new String[] {"--config", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o").toString()}, out, errs))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[MISSING_FILE]");
        assertThat(SparkSweep.run(new String[] {"--config", "c.json", "--out", "o", "--partitions", "0"}, out, errs)).isEqualTo(2);
        assertThat(SparkSweep.run(new String[] {"--out", "o"}, out, errs)).isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("o"))).as("no output directory for bad input").isFalse();
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        try (Stream<Path> files = Files.list(b)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals(RunDirectory.SUMMARY)) { // the same but for the wall time, which differs between any two runs
                    var json = new com.fasterxml.jackson.databind.ObjectMapper();
                    var sa = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(a.resolve(name).toFile());
                    var sb = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(f.toFile());
                    sa.remove("seconds");
                    sb.remove("seconds");
                    assertThat(sa).as(name).isEqualTo(sb);
                    continue;
                }
                assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(f));
            }
        }
        try (Stream<Path> fa = Files.list(a); Stream<Path> fb = Files.list(b)) {
            assertThat(fa.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(fb.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
