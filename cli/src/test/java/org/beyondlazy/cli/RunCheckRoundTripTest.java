package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.npy.NpyReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run} with {@code "trajectory": true} writes what {@code check} verifies (E9.3, E9.8): run → check exits 0. */
class RunCheckRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "plain, gd, random",
        "plain, heavy-ball, random",
        "coef, nesterov, plus",
        "homog, heavy-ball, random",
    })
    void aRunsTrajectoryChecksClean(String model, String optimizer, String signs) throws Exception {
        Path config = Files.writeString(dir.resolve("exp.json"), "{\"model\": \"" + model + "\", \"dim\": 4, \"width\": 3, \"rank\": 2, "
                + "\"optimizer\": \"" + optimizer + "\", \"lr\": 0.02, \"momentum\": 0.5, \"lambda\": 0.001, \"signs\": \"" + signs + "\", "
                + "\"steps\": 12, \"logEvery\": 4, \"seed\": 5, \"trajectory\": true}");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", "--json", "--config", config.toString(), "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        int cols = model.equals("coef") ? 5 : 4;
        assertThat(NpyReader.read(out.resolve("trajectory.npy")).shape()).containsExactly(13, 3, cols);
        List<String> args = new ArrayList<>(List.of("check", "--json", "--order", "3", "--model", model,
                "--truth-factors", out.resolve("truth-factors.npy").toString(), "--truth-coeffs", out.resolve("truth-coeffs.npy").toString(),
                "--trajectory", out.resolve("trajectory.npy").toString(), "--optimizer", optimizer, "--lr", "0.02", "--lambda", "0.001"));
        if (optimizer.equals("heavy-ball")) {
            args.addAll(List.of("--momentum", "0.5"));
        }
        if (!model.equals("coef")) {
            args.addAll(List.of("--signs", out.resolve("signs.npy").toString()));
        }
        CliRun check = CliRun.of(args.toArray(String[]::new));
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.json().get("steps").asInt()).isEqualTo(12);
    }
}
