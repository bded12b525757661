package org.beyondlazy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.Tables;
import org.beyondlazy.experiments.run.RunDirectory;
import org.beyondlazy.experiments.run.Sweep;
import org.beyondlazy.experiments.run.SweepDirectory;
import org.beyondlazy.experiments.run.SweepPlan;
import org.beyondlazy.experiments.scaling.LocalTrialEngine;
import org.beyondlazy.experiments.scaling.ScalingLawConfig;
import org.beyondlazy.experiments.scaling.ScalingLawDirectory;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.beyondlazy.fast.Blas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Spark engine (spec E9.20) on a real standalone cluster on 127.0.0.1 — one master and two one-core workers, each
 * a JVM of its own — against the local engine ({@code sweep --threads 2}, {@link Sweep#execute} with 2 threads) on the
 * same 12-run config: a sweep interrupted by killing its driver is finished by the local engine; a sweep started by
 * the local engine is finished on Spark (in 4 partitions) while one worker is killed. Each time every planned run has exactly one result
 * line and its {@code finalLoss} and {@code weights.npy} are bitwise the local sweep's. First, while both workers are up, the
 * scaling-law experiment (spec E9.21) on a tiny config: a study whose journal was cut mid-line after a third of its trials (what
 * a killed driver of either engine leaves) is finished on Spark; its directory's journal (as a set of lines: Spark drives all
 * points at once), study and records are then bitwise those of the local engine (2 threads, one point at a time).
 *
 * <p>Outside CI the test is skipped (with the reason) when the cluster cannot start at all; under {@code CI=true}
 * that is a failure.
 */
@Tag("spark-cluster")
@SpecRef({"E9.20", "E9.21"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterIT {
    /** 12 tiny runs (fast backend, plain model, d = m = 10): a second or so each, seeds from the grid. */
    static final String CONFIG = """
            {"base": {"model": "plain", "order": 3, "dim": 10, "width": 10, "rank": 2, "initScale": 0.5, "lr": 0.02,
                      "steps": 8000, "logEvery": 1000, "implementation": "fast"},
             "grid": {"seed": [0, 1, 2, 3, 4, 5], "lambda": [0.0, 0.001]}}
            """;
    static final int RUNS = 12;
    /** A driver on 2 one-core executors of a loaded machine finishes 12 tiny runs well within this. */
    static final long DRIVER_SECONDS = 420;

    /**
     * A tiny scaling-law config (E7.11; the spec of the experiments module's TrialEngineTest): l = 3, d = 4, 6, r = 1,
     * widths 1, 2, 4, 4 seeds a point at a lower bound of 0.5 (so widths pass and the controls run), 300-step epochs, the
     * rank side at d = 4 with r = 1, 2: about a hundred trials of well under a second each.
     */
    static final String SCALING_CONFIG = """
            {"grids": [{"order": 3, "dims": [4, 6], "fixedWidth": 4}], "rank": 1, "widths": [1, 2, 4],
             "rankGrid": {"order": 3, "dim": 4, "ranks": [1, 2]}, "seedsPerPoint": 4, "firstSeed": 100, "epsilon": 5e-3,
             "requiredLowerBound": 0.5, "controls": true, "fixedWidthSeeds": 2, "lazySeeds": 1, "lazyFirstSeed": 0,
             "schedule": {"eta": 0.2, "lambda": 1e-3, "vanillaInitNorm": 0.1,
                          "orders": [{"order": 3, "calibrationDim": 4, "stepsPerEpoch": 300, "epochs": 3, "delta": 1e-3}]}}
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    static Path work;
    static Path config;
    static Path submitJar;
    static SweepPlan plan;
    static Path local;
    static LoopbackCluster cluster;

    @BeforeAll
    static void startClusterAndRunLocally() throws Exception {
        work = Path.of("target", "spark-cluster-it").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        config = work.resolve("sweep.json");
        Files.writeString(config, CONFIG);
        submitJar = Path.of(System.getProperty("beyondlazy.spark.submitJar", "target/missing-submit.jar")).toAbsolutePath();
        assertThat(submitJar).as("the shaded jar (built by package, before this test)").exists();
        plan = SweepPlan.read("sweep.json", config);
        assertThat(plan.runs()).hasSize(RUNS);

        local = work.resolve("local");
        try (SweepDirectory directory = SweepDirectory.open("local", local, notice -> { })) {
            Sweep.Outcome outcome = Sweep.execute(plan, directory, 2, new Sweep.Listener() { });
            assertThat(outcome.ran()).isEqualTo(RUNS);
        }

        try {
            cluster = LoopbackCluster.start(work.resolve("cluster"), 2);
        } catch (IllegalStateException e) {
            if (!"true".equals(System.getenv("CI"))) {
                Assumptions.abort("skipped: the Spark standalone cluster did not start here (a failure under CI=true): " + e.getMessage());
            }
            throw e;
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSweepWhoseDriverIsKilledIsFinishedByTheLocalEngine() throws Exception {
        Path out = work.resolve("driver-killed");
        Process driver = cluster.submit("driver-killed", submitJar, "--config", config.toString(), "--out", out.toString());
        cluster.await("2 result lines before killing the driver", () -> lines(out).size() >= 2 || !driver.isAlive(), DRIVER_SECONDS);
        assertThat(driver.isAlive()).as("the driver is still running when it is killed" + cluster.logTails()).isTrue();
        driver.destroyForcibly();
        driver.waitFor(60, TimeUnit.SECONDS);
        int before = lines(out).size();
        assertThat(before).as("the kill interrupted the sweep").isLessThan(RUNS);

        try (SweepDirectory directory = SweepDirectory.open("resume", out, notice -> { })) {
            Sweep.Outcome outcome = Sweep.execute(plan, directory, 2, new Sweep.Listener() { });
            assertThat(outcome.skipped()).isEqualTo(before);
            assertThat(outcome.ran()).isEqualTo(RUNS - before);
        }
        assertSameAsLocal(out);
    }

    @Test
    @Order(2)
    void aSweepStartedLocallyIsFinishedOnSparkThoughAWorkerIsKilled() throws Exception {
        Path out = work.resolve("worker-killed");
        SweepPlan seedZero = SweepPlan.of("seed 0", JSON.readTree(CONFIG.replace("\"seed\": [0, 1, 2, 3, 4, 5], \"lambda\": [0.0, 0.001]",
                "\"seed\": [0], \"lambda\": [0.0, 0.001]")));
        try (SweepDirectory directory = SweepDirectory.open("started locally", out, notice -> { })) {
            Sweep.execute(seedZero, directory, 2, new Sweep.Listener() { });
        }
        int started = lines(out).size();
        assertThat(started).isEqualTo(2);

        // 10 pending runs in 4 partitions of 2–3 runs: the results do not depend on the partitioning either
        Process driver = cluster.submit("worker-killed", submitJar, "--config", config.toString(), "--out", out.toString(), "--partitions", "4");
        cluster.await("a line from Spark before killing a worker", () -> lines(out).size() > started || !driver.isAlive(), DRIVER_SECONDS);
        int atKill = lines(out).size();
        cluster.killWorker(2);
        assertThat(atKill).as("the worker was killed mid-sweep").isLessThan(RUNS);
        assertThat(driver.waitFor(DRIVER_SECONDS, TimeUnit.SECONDS)).as("the driver finishes" + cluster.logTails()).isTrue();
        assertThat(driver.exitValue()).as("the driver's exit status" + cluster.logTails()).isZero();
        String report = cluster.log("worker-killed.log");
        assertThat(report).contains("\"engine\":\"spark\"").contains("\"skipped\":" + started).contains("\"ran\":" + (RUNS - started));
        assertSameAsLocal(out);
    }

    @Test
    @Order(0)
    void aScalingLawStudyInterruptedMidJournalIsFinishedOnSparkWithTheLocalRecords() throws Exception {
        Path scalingConfig = work.resolve("scaling-config.json");
        Files.writeString(scalingConfig, SCALING_CONFIG);
        ScalingLawStudy.Spec spec = ScalingLawConfig.resolve(null, scalingConfig);
        Path localOut = work.resolve("scaling-local");
        Backend fast = Backends.get("fast");
        try (ScalingLawDirectory directory = ScalingLawDirectory.open("local", localOut, spec, "fast", notice -> { });
                LocalTrialEngine engine = new LocalTrialEngine(fast, 2)) {
            ScalingLawStudy.Result result = Blas.singleThreaded(() -> ScalingLawStudy.run(fast, spec, directory.recording(engine), line -> { }));
            directory.publish(result, Tables.scalingLaw(result));
        }
        List<String> localTrials = Files.readAllLines(localOut.resolve(ScalingLawDirectory.TRIALS));

        // the study as a killed driver leaves it (either engine's driver: the journal is written the same way), its
        // journal cut after a third of the trials in the middle of a line; Spark finishes it
        Path out = work.resolve("scaling-spark");
        Files.createDirectories(out);
        Files.copy(localOut.resolve(ScalingLawDirectory.STUDY), out.resolve(ScalingLawDirectory.STUDY));
        int kept = localTrials.size() / 3;
        StringBuilder cut = new StringBuilder();
        localTrials.subList(0, kept).forEach(line -> cut.append(line).append('\n'));
        cut.append(localTrials.get(kept), 0, localTrials.get(kept).length() / 2);
        Path journal = out.resolve(ScalingLawDirectory.TRIALS);
        Files.writeString(journal, cut.toString(), StandardCharsets.UTF_8);

        Process driver = cluster.submit("scaling-resumed", SparkScalingLaw.class, submitJar, "--config", scalingConfig.toString(),
                "--implementation", "fast", "--out", out.toString());
        assertThat(driver.waitFor(DRIVER_SECONDS, TimeUnit.SECONDS)).as("the driver finishes" + cluster.logTails()).isTrue();
        assertThat(driver.exitValue()).as("the driver's exit status" + cluster.logTails()).isZero();
        String log = cluster.log("scaling-resumed.log");
        assertThat(log).as("the torn line is cut").contains("cut a torn last line");
        JsonNode report = JSON.readTree(log.lines().filter(l -> l.startsWith("{\"engine\":\"spark\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no result line" + cluster.logTails())));
        assertThat(report.get("replayed").asInt()).as("trials replayed from the journal").isEqualTo(kept);

        // the Spark driver scans all points at once (--concurrent-points defaults to all), the local one point after point:
        // the same lines, in another order
        assertThat(Files.readAllLines(journal).stream().sorted().toList()).as("the journal: the same trials and attempts")
                .isEqualTo(localTrials.stream().sorted().toList());
        assertThat(Files.readAllBytes(out.resolve(ScalingLawDirectory.STUDY))).isEqualTo(Files.readAllBytes(localOut.resolve(ScalingLawDirectory.STUDY)));
        assertThat(ScalingLawDirectory.records(Files.readString(out.resolve(ScalingLawDirectory.RESULT))))
                .as("the records of scaling-law.json, wall times aside")
                .isEqualTo(ScalingLawDirectory.records(Files.readString(localOut.resolve(ScalingLawDirectory.RESULT))));
        try (Stream<Path> spark = Files.list(out); Stream<Path> local = Files.list(localOut)) {
            assertThat(spark.map(p -> p.getFileName().toString()).sorted().toList()).as("the directory's layout")
                    .isEqualTo(local.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Every planned run exactly once, its finalLoss and weights bitwise the local sweep's. */
    static void assertSameAsLocal(Path out) throws IOException {
        List<JsonNode> lines = lines(out);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            assertThat(byId.put(line.get("id").asText(), line)).as("a second line for " + line.get("id")).isNull();
        }
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        lines(local).forEach(l -> expected.put(l.get("id").asText(), l));
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(plan.runs().stream().map(SweepPlan.PlannedRun::id).toList());
        for (String id : expected.keySet()) {
            double want = expected.get(id).get("finalLoss").doubleValue();
            double got = byId.get(id).get("finalLoss").doubleValue();
            assertThat(Double.doubleToRawLongBits(got)).as("finalLoss of " + id + ": " + got + " vs local " + want)
                    .isEqualTo(Double.doubleToRawLongBits(want));
            assertThat(Files.readAllBytes(out.resolve(SweepDirectory.RUNS).resolve(id).resolve(RunDirectory.WEIGHTS)))
                    .as("weights.npy of " + id).isEqualTo(Files.readAllBytes(local.resolve(SweepDirectory.RUNS).resolve(id).resolve(RunDirectory.WEIGHTS)));
        }
    }

    static List<JsonNode> lines(Path out) {
        Path file = out.resolve(SweepDirectory.RESULTS);
        List<JsonNode> nodes = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return nodes;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            return nodes; // a line being written: the next poll reads it whole
        }
        return nodes;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
