package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beyondlazy.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code sweep} end to end: outputs, divergence, resume after a kill. */
class RunSweepTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runWritesMetricsParametersAndSummary() throws Exception {
        Path config = file("exp.json", "{\"model\": \"coef\", \"order\": 3, \"dim\": 4, \"width\": 3, \"rank\": 2, "
                + "\"optimizer\": \"heavy-ball\", \"lr\": 0.02, \"momentum\": 0.5, \"steps\": 30, \"logEvery\": 10, \"seed\": 7}");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", "--json", "--config", config.toString(), "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(4); // steps 0, 10, 20, 30
        JsonNode last = new ObjectMapper().readTree(metrics.get(3));
        assertThat(last.get("step").asInt()).isEqualTo(30);
        assertThat(NpyReader.read(out.resolve("weights.npy")).shape()).containsExactly(3, 4);
        assertThat(NpyReader.read(out.resolve("coeffs.npy")).shape()).containsExactly(3);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("finished");
        assertThat(summary.get("config").get("initScale").asDouble()).isEqualTo(0.1); // defaults filled in
        assertThat(summary.get("finalLoss").asDouble()).isEqualTo(last.get("loss").asDouble());
        assertThat(run.json().get("finalLoss").asDouble()).isEqualTo(last.get("loss").asDouble());
        // same seed, same result
        Path out2 = dir.resolve("out2");
        CliRun again = CliRun.of("run", "--json", "--config", config.toString(), "--out", out2.toString());
        assertThat(Files.readAllLines(out2.resolve("metrics.jsonl"))).isEqualTo(metrics);
        assertThat(again.status()).isZero();
    }

    @Test
    void theVariantWritesOneLinePerEpochAndItsSigns() throws Exception {
        Path config = file("var.json", "{\"model\": \"homog\", \"optimizer\": \"variant\", \"dim\": 5, \"width\": 8, \"rank\": 2, "
                + "\"lr\": 0.2, \"lambda\": 1e-3, \"stepsPerEpoch\": 200, \"epochs\": 3, \"seed\": 3, \"implementation\": \"fast\"}");
        Path out = dir.resolve("var");
        CliRun run = CliRun.of("run", "--json", "--config", config.toString(), "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(3);
        assertThat(new ObjectMapper().readTree(metrics.get(2)).get("epoch").asInt()).isEqualTo(3);
        assertThat(NpyReader.read(out.resolve("signs.npy")).shape()).containsExactly(8);
        assertThat(run.json().get("epochs").asInt()).isEqualTo(3);
        CliRun plain = CliRun.of("run", "--config", file("bad.json", "{\"optimizer\": \"variant\"}").toString(), "--out",
                dir.resolve("bad").toString());
        assertThat(plain.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(plain.err()).contains("homog");
    }

    @Test
    void divergenceExitsThreeAndKeepsTheMetrics() throws Exception {
        Path config = file("exp.json", "{\"dim\": 3, \"width\": 2, \"rank\": 1, \"initScale\": 3, \"lr\": 10, \"steps\": 200, \"logEvery\": 1}");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", "--config", config.toString(), "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.NUMERICAL);
        assertThat(run.err().strip()).doesNotContain("\n").contains("non-finite");
        assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).isNotEmpty();
        assertThat(out.resolve("weights.npy")).doesNotExist();
        assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("status").asText()).isEqualTo("diverged");
    }

    @Test
    void sweepRunsTheGridAndResumesAfterAKill() throws Exception {
        Path config = file("sweep.json", "{\"base\": {\"dim\": 3, \"width\": 3, \"rank\": 1, \"steps\": 20}, "
                + "\"grid\": {\"seed\": [1, 2, 3], \"optimizer\": [\"gd\", \"nesterov\"]}}");
        Path out = dir.resolve("sweep");
        CliRun first = CliRun.of("sweep", "--json", "--no-progress", "--threads", "2", "--config", config.toString(), "--out", out.toString());
        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.json().get("runs").asInt()).isEqualTo(6);
        assertThat(first.json().get("ran").asInt()).isEqualTo(6);
        Path results = out.resolve("results.jsonl");
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            JsonNode j = new ObjectMapper().readTree(line);
            assertThat(Files.exists(out.resolve("runs").resolve(j.get("id").asText()).resolve("summary.json"))).isTrue();
        }
        CliRun resumed = CliRun.of("sweep", "--json", "--no-progress", "--config", config.toString(), "--out", out.toString());
        assertThat(resumed.json().get("skipped").asInt()).isEqualTo(6);
        assertThat(resumed.json().get("ran").asInt()).isZero();
        // simulate a kill while the last two results were being written: drop one line and tear another
        String torn = lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n" + lines.get(3) + "\n"
                + lines.get(4).substring(0, 10);
        Files.writeString(results, torn, StandardCharsets.UTF_8);
        CliRun afterKill = CliRun.of("sweep", "--json", "--no-progress", "--config", config.toString(), "--out", out.toString());
        assertThat(afterKill.status()).as(afterKill.toString()).isZero();
        assertThat(afterKill.json().get("skipped").asInt()).isEqualTo(4);
        assertThat(afterKill.json().get("ran").asInt()).isEqualTo(2);
        long complete = Files.readAllLines(results).stream().filter(l -> l.endsWith("}")).count();
        assertThat(complete).isEqualTo(6);
    }
}
