package org.beyondlazy.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep directory (E9.10): lock, exactly-once lines, torn-line repair, diverged runs as results. */
class SweepDirectoryTest {
    @TempDir
    Path dir;

    SweepPlan plan(String json) throws Exception {
        return SweepPlan.read("sweep.json", Files.writeString(dir.resolve("sweep.json"), json));
    }

    static final String GRID = "{\"base\": {\"dim\": 3, \"width\": 2, \"rank\": 1, \"steps\": 10, \"logEvery\": 5}, "
            + "\"grid\": {\"lr\": [0.01, 1e300], \"seed\": [1, 2]}}";

    @Test
    void divergedRunsAreRecordedAndEachIdHasOneLine() throws Exception {
        SweepPlan plan = plan(GRID);
        Path out = dir.resolve("out");
        List<String> notices = new ArrayList<>();
        Sweep.Outcome outcome;
        try (SweepDirectory d = SweepDirectory.open("--out out", out, notices::add)) {
            outcome = Sweep.execute(plan, d, 2, new Sweep.Listener() { });
            // the same run handed back twice (an engine retrying a task) is written once
            SweepPlan.PlannedRun first = plan.runs().get(0);
            assertThat(d.record(first, Runner.execute(first.config(), first.spec()))).isFalse();
        }
        assertThat(outcome.runs()).isEqualTo(4);
        assertThat(outcome.ran()).isEqualTo(4);
        assertThat(outcome.diverged()).isEqualTo(2); // lr 1e300 overflows at the first step
        assertThat(outcome.complete()).isTrue();
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().map(l -> l.substring(0, 22)).distinct()).hasSize(4);
        for (String line : lines) {
            var j = new ObjectMapper().readTree(line);
            Path run = out.resolve("runs").resolve(j.get("id").asText());
            assertThat(run.resolve("summary.json")).exists();
            assertThat(run.resolve("metrics.jsonl")).exists();
            assertThat(run.resolve("weights.npy").toFile().exists()).isEqualTo(j.get("status").asText().equals("finished"));
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void aRepairInterruptedByAKillLeavesNoTemporaryFileAfterTheNextOpen() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path leftover = Files.writeString(out.resolve(".results.jsonl8123456789.tmp"), "{\"id\":");
        try (SweepDirectory d = SweepDirectory.open("--out out", out, notice -> { })) {
            assertThat(leftover).doesNotExist();
            assertThat(d.recordedIds()).isEmpty();
        }
    }

    @Test
    void aTornLastLineAndForeignLinesAreRepairedOnOpen() throws Exception {
        SweepPlan plan = plan(GRID);
        Path out = dir.resolve("out");
        try (SweepDirectory d = SweepDirectory.open("--out out", out, s -> { })) {
            Sweep.execute(plan, d, 1, new Sweep.Listener() { });
        }
        Path results = out.resolve("results.jsonl");
        List<String> lines = Files.readAllLines(results);
        // an old version's fragment in the middle, a repeated id, and a torn last line
        String damaged = lines.get(0) + "\n" + lines.get(1).substring(0, 15) + "\n" + lines.get(0) + "\n" + lines.get(2) + "\n"
                + lines.get(3).substring(0, 20);
        Files.writeString(results, damaged, StandardCharsets.UTF_8);
        List<String> notices = new ArrayList<>();
        Sweep.Outcome resumed;
        try (SweepDirectory d = SweepDirectory.open("--out out", out, notices::add)) {
            assertThat(d.recordedIds()).hasSize(2);
            resumed = Sweep.execute(plan, d, 1, new Sweep.Listener() { });
        }
        assertThat(notices).singleElement().asString().contains("torn last line").contains("repeated");
        assertThat(resumed.skipped()).isEqualTo(2);
        assertThat(resumed.ran()).isEqualTo(2);
        List<String> repaired = Files.readAllLines(results);
        assertThat(repaired).hasSize(4);
        for (String line : repaired) {
            assertThat(new ObjectMapper().readTree(line).get("id").asText()).hasSize(12); // every line is whole JSON
        }
    }

    @Test
    void aSecondOpenIsRefusedWhileTheFirstHoldsTheLockAndAStaleLockIsTakenOver() throws Exception {
        Path out = dir.resolve("out");
        try (SweepDirectory d = SweepDirectory.open("--out out", out, s -> { })) {
            assertThatThrownBy(() -> SweepDirectory.open("--out out", out, s -> { }))
                    .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageContaining("another sweep").hasMessageContaining(DirectoryLock.holder());
        }
        Files.writeString(out.resolve("sweep.lock"), "999999999@elsewhere\n"); // a holder that died without cleaning up
        List<String> notices = new ArrayList<>();
        try (SweepDirectory d = SweepDirectory.open("--out out", out, notices::add)) {
            assertThat(notices).singleElement().asString().contains("stale lock").contains("999999999@elsewhere");
        }
    }

    @Test
    void runsWhoseDirectoryCannotBeWrittenFailButTheSweepGoesOnAndTheResumeRetriesThem() throws Exception {
        SweepPlan plan = plan(GRID);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("runs"), "a file where runs/ must go"); // an injected write failure
        Sweep.Outcome failed;
        try (SweepDirectory d = SweepDirectory.open("--out out", out, s -> { })) {
            failed = Sweep.execute(plan, d, 2, new Sweep.Listener() { });
        }
        assertThat(failed.failed()).isEqualTo(4);
        assertThat(failed.complete()).isFalse();
        assertThat(failed.firstFailure()).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
        assertThat(Files.readString(out.resolve("results.jsonl"))).isEmpty();
        assertThat(Files.readAllLines(out.resolve("failed.jsonl"))).hasSize(4).allMatch(l -> l.contains("\"status\":\"failed\""));
        Files.delete(out.resolve("runs"));
        Sweep.Outcome resumed;
        try (SweepDirectory d = SweepDirectory.open("--out out", out, s -> { })) {
            resumed = Sweep.execute(plan, d, 2, new Sweep.Listener() { });
        }
        assertThat(resumed.ran()).isEqualTo(4);
        assertThat(resumed.complete()).isTrue();
    }
}
