package org.beyondlazy.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a hand-written loop, the spec's checks, the grid order and the atomic directory. */
class RunnerTest {
    @TempDir
    Path dir;

    static RunSpec spec(ModelKind model, RunOptimizer optimizer, int steps, int logEvery, double lr) {
        return new RunSpec(model, 3, 4, 3, 2, false, null, 0.1, false, 1.0, 0.0, optimizer, lr, 0.5, 1.0, 1e-3, 200, 2,
                ReinitRule.SMALLEST_NORM, ModeSwitch.FRESH_SIGN, 200, 0.2, steps, logEvery, 0.0, 7L);
    }

    @Test
    void heavyBallRunEqualsTheLoopWrittenOut() {
        RunSpec spec = spec(ModelKind.COEF, RunOptimizer.HEAVY_BALL, 30, 10, 0.02);
        List<Metric> lines = new ArrayList<>();
        RunResult result = Runner.run(spec, new ReferenceBackend(), lines::add);
        assertThat(lines).extracting(Metric::step).containsExactly(0L, 10L, 20L, 30L);
        // the same run by hand: problem and θ₀ from the spec's seeds, 30 heavy-ball steps (A4.2)
        Objective f = new ReferenceBackend().objective(Runner.problem(spec));
        double[] theta = Runner.initial(spec, Runner.problem(spec));
        HeavyBall hb = new HeavyBall(0.02, 0.5);
        for (int k = 0; k < 30; k++) {
            hb.step(f, theta);
        }
        assertThat(result.theta()).containsExactly(theta);
        assertThat(result.finalLoss()).isEqualTo(f.value(theta)).isEqualTo(lines.get(3).loss());
        assertThat(result.coeffs()).hasSize(3);
        assertThat(result.weights()).hasSize(12);
        assertThat(result.diverged()).isFalse();
    }

    @Test
    void divergenceKeepsTheLinesAndDropsTheParameters() {
        RunSpec spec = new RunSpec(ModelKind.PLAIN, 3, 3, 2, 1, false, null, 3.0, false, 1.0, 0.0, RunOptimizer.GD, 10, 0.9, 1.0,
                1e-3, 200, 2, ReinitRule.SMALLEST_NORM, ModeSwitch.FRESH_SIGN, 200, 0.2, 200, 1, 0.0, 0L);
        List<Metric> lines = new ArrayList<>();
        RunResult result = Runner.run(spec, new ReferenceBackend(), lines::add);
        assertThat(result.diverged()).isTrue();
        assertThat(result.status()).isEqualTo("diverged");
        assertThat(result.failure()).contains("non-finite");
        assertThat(result.theta()).isNull();
        assertThat(lines).isNotEmpty();
    }

    @Test
    void theVariantReportsOneLinePerEpoch() {
        RunSpec spec = spec(ModelKind.HOMOG, RunOptimizer.VARIANT, 0, 1, 0.2);
        List<Metric> lines = new ArrayList<>();
        RunResult result = Runner.run(spec, new ReferenceBackend(), lines::add);
        assertThat(lines).extracting(Metric::epoch).containsExactly(1, 2);
        assertThat(result.epochs()).isEqualTo(2);
        assertThat(result.signs()).hasSize(3);
    }

    @Test
    void badFieldsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> spec(ModelKind.PLAIN, RunOptimizer.VARIANT, 1, 1, 0.2)).isInstanceOf(BeyondLazyException.class)
                .hasMessageContaining("homog");
        assertThatThrownBy(() -> spec(ModelKind.PLAIN, RunOptimizer.GD, 1, 0, 0.2)).hasMessageContaining("logEvery");
        assertThatThrownBy(() -> spec(ModelKind.PLAIN, RunOptimizer.GD, 1, 1, -1)).hasMessageContaining("lr");
        assertThatThrownBy(() -> RunOptimizer.parse("adam")).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME));
    }

    @Test
    void theGridVariesItsLastFieldFastest() {
        Map<String, List<Integer>> grid = new LinkedHashMap<>();
        grid.put("a", List.of(1, 2));
        grid.put("b", List.of(10, 20, 30));
        assertThat(Sweep.expand(grid)).extracting(c -> c.get("a") + ":" + c.get("b"))
                .containsExactly("1:10", "1:20", "1:30", "2:10", "2:20", "2:30");
        assertThat(Sweep.expand(new LinkedHashMap<String, List<Integer>>())).containsExactly(Map.of());
    }

    @Test
    void aFailedBuildLeavesNoDirectoryAndNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> AtomicDirectory.publish(out, tmp -> {
            Files.writeString(tmp.resolve("metrics.jsonl"), "{}\n");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(out).doesNotExist();
        try (var list = Files.list(dir)) {
            assertThat(list.toList()).isEmpty();
        }
        String value = AtomicDirectory.publish(out, tmp -> {
            Files.writeString(tmp.resolve("summary.json"), "{}");
            Files.writeString(tmp.resolve("a.txt"), "a");
            return "done";
        });
        assertThat(value).isEqualTo("done");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("a.txt")).hasContent("a");
        // a second publish replaces the directory as a whole: a.txt of the first build does not survive
        AtomicDirectory.publish(out, tmp -> Files.writeString(tmp.resolve("summary.json"), "{\"second\": true}"));
        assertThat(out.resolve("a.txt")).doesNotExist();
        assertThat(out.resolve("summary.json")).hasContent("{\"second\": true}");
        Files.createDirectories(dir.resolve(".abc.tmp123/x"));
        AtomicDirectory.removeInterrupted(dir);
        assertThat(dir.resolve(".abc.tmp123")).doesNotExist();
        assertThat(out).exists();
    }

    @Test
    void aKillBetweenTheTwoRenamesIsUndoneByTheNextCleanUp() throws IOException {
        // the state a kill leaves after the old directory was renamed aside and before the new one came in
        Path aside = Files.createDirectories(dir.resolve(".out.old-1234"));
        Files.writeString(aside.resolve("summary.json"), "{}");
        AtomicDirectory.removeInterrupted(dir, "out");
        assertThat(dir.resolve("out/summary.json")).exists();
        assertThat(aside).doesNotExist();
    }

    @Test
    void aDivergenceReportedByTheOptimizerIsAResultWithItsLines() {
        // heavy ball with a huge step: the iterate overflows inside a step (the optimizer's DIVERGED), not at a logged loss
        RunSpec spec = new RunSpec(ModelKind.PLAIN, 3, 3, 2, 1, false, null, 3.0, false, 1.0, 0.0, RunOptimizer.HEAVY_BALL, 1e300, 0.9,
                1.0, 1e-3, 200, 2, ReinitRule.SMALLEST_NORM, ModeSwitch.FRESH_SIGN, 200, 0.2, 50, 10, 0.0, 0L);
        RunConfig config = new RunConfig();
        config.trajectory = true;
        CompletedRun run = Runner.execute(config, spec);
        assertThat(run.result().diverged()).isTrue();
        assertThat(run.result().failure()).contains("diverged");
        assertThat(run.metrics()).isNotEmpty();
        double[] last = run.iterates().get(run.iterates().size() - 1);
        assertThat(java.util.Arrays.stream(last).allMatch(Double::isFinite)).isFalse(); // the first non-finite iterate is kept (E9.18)
    }
}
