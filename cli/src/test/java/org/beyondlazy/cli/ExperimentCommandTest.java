package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beyondlazy.experiments.scaling.ScalingLawDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment …}: the tables the studies produce, and bad input rejected before any work. */
class ExperimentCommandTest {
    @Test
    void lazyResidualPrintsOneRowPerTableWidth() {
        CliRun run = CliRun.of("experiment", "lazy-residual", "--shapes", "6:3", "--seeds", "2");
        assertThat(run.status()).as(run.toString()).isZero();
        // m* (6, 3) = 10: widths 1, 4, 5, 9, 10 after the table's rule, and ρ_lazy at m* is round-off
        assertThat(run.out().lines().filter(l -> l.startsWith("| 6 | 3 | 56 | 10 |")).count()).isEqualTo(5);
        assertThat(run.out()).contains("| 6 | 3 | 56 | 10 | 10 | 1.071 | 0.000 | 0.000 | 0.000 |");
    }

    @Test
    void deflationCurvePrintsTheFitStepsAndTheLossCurve() {
        CliRun run = CliRun.of("experiment", "deflation-curve", "--seed", "0");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("C10 seed 0: fit steps [52, 101, 242], staircase levels [1.3125, 0.3125, 0.0625]");
        assertThat(run.out()).contains("| 0 | 1.3125 |");
    }

    @Test
    void badInputIsOneLineAndNoTable() {
        String[][] cases = {
            {"experiment", "recovery", "--dims", "3-10"},
            {"experiment", "recovery", "--dims", "1:10"},
            {"experiment", "recovery", "--seeds", "0"},
            {"experiment", "recovery", "--implementation", "gpu"},
            {"experiment", "lazy-residual", "--shapes", "6"},
            {"experiment", "lazy-residual", "--shapes", "0:3"},
            {"experiment", "variant-rates", "--seeds", "-1"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as("%s%n%s", String.join(" ", args), run).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void aStudyIsRequired() {
        CliRun run = CliRun.of("experiment");
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("recovery");
    }

    /** A scaling-law config small enough for a test: l = 3, d = 6, 8, short epochs, no rank side (E7.11). */
    private static final String TINY_SCALING = "{\"grids\": [{\"order\": 3, \"dims\": [6, 8], \"fixedWidth\": 10}], \"rankGrid\": null, "
            + "\"widths\": [3, 4, 6, 8], \"fixedWidthSeeds\": 1, \"lazySeeds\": 1, \"schedule\": {\"eta\": 0.2, \"lambda\": 1e-3, "
            + "\"vanillaInitNorm\": 0.1, \"orders\": [{\"order\": 3, \"calibrationDim\": 6, \"stepsPerEpoch\": 500, \"epochs\": 4, "
            + "\"delta\": 1e-3}]}}";

    @Test
    void scalingLawRunsFromAConfigAndWritesItsTables(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("tiny.json"), TINY_SCALING);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("experiment", "scaling-law", "--config", config.toString(), "--threads", "2", "--markdown", "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Command: `./beyondlazy experiment scaling-law --config");
        // E5.9 by hand: m*(6, 3) = ⌈56/6⌉ = 10, m*(8, 3) = ⌈120/8⌉ = 15; N = 56, 120
        assertThat(run.out()).contains("| 6 | 56 | 10 |").contains("| 8 | 120 | 15 |").contains("| lazy threshold m*(d) | d | 3 | 2 |");
        assertThat(run.err()).contains("scaling-law l=3 d=6: m_min=");
        assertThat(Files.readString(out.resolve("scaling-law.md"))).isEqualTo(run.out());

        // E9.21: the journal and the records beside the tables; the same command again replays every trial
        String records = Files.readString(out.resolve(ScalingLawDirectory.RESULT));
        long trials = Files.readAllLines(out.resolve(ScalingLawDirectory.TRIALS)).size();
        assertThat(trials).isPositive();
        CliRun again = CliRun.of("experiment", "scaling-law", "--config", config.toString(), "--threads", "1", "--out", out.toString());
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve(ScalingLawDirectory.TRIALS))).hasSize((int) trials);
        assertThat(ScalingLawDirectory.records(Files.readString(out.resolve(ScalingLawDirectory.RESULT))))
                .isEqualTo(ScalingLawDirectory.records(records));
        // another study in the same directory is refused
        Path other = Files.writeString(dir.resolve("other.json"), TINY_SCALING.replace("\"fixedWidthSeeds\": 1", "\"fixedWidthSeeds\": 2"));
        CliRun refused = CliRun.of("experiment", "scaling-law", "--config", other.toString(), "--out", out.toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(refused.err()).contains("another study");
    }

    @Test
    void scalingLawOnSparkPrintsTheSubmitLineAndRunsNothing(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("tiny.json"), TINY_SCALING);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("experiment", "scaling-law", "--config", config.toString(), "--out", out.toString(), "--engine", "spark",
                "--master", "spark://127.0.0.1:7077");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out().strip()).startsWith("spark-submit --master spark://127.0.0.1:7077 --class org.beyondlazy.spark.SparkScalingLaw ")
                .endsWith("--config " + config.toAbsolutePath() + " --implementation fast --out " + out.toAbsolutePath());
        assertThat(out).doesNotExist();
        for (String[] args : new String[][] {{"--engine", "spark", "--master", "spark://h:7077"}, {"--engine", "spark"},
            {"--master", "spark://h:7077"}, {"--engine", "yarn", "--master", "yarn", "--out", out.toString()}}) {
            String[] all = new String[args.length + 4];
            System.arraycopy(new String[] {"experiment", "scaling-law", "--config", config.toString()}, 0, all, 0, 4);
            System.arraycopy(args, 0, all, 4, args.length);
            CliRun bad = CliRun.of(all);
            assertThat(bad.status()).as("%s%n%s", String.join(" ", args), bad).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(bad.err().strip().lines().count()).as(bad.err()).isEqualTo(1);
        }
    }

    @Test
    void scalingLawBadConfigIsOneLineAndNoTable(@TempDir Path dir) throws IOException {
        String[] configs = {"{\"foo\": 1}", "{\"grids\": 3}", "{\"seedsPerPoint\": 10}", "{\"profile\": \"medium\"}",
            "{\"widths\": [4, 3]}", "{\"schedule\": {\"eta\": 0.2, \"orders\": []}}", "not json"};
        for (int k = 0; k < configs.length; k++) {
            Path config = Files.writeString(dir.resolve("bad" + k + ".json"), configs[k]);
            CliRun run = CliRun.of("experiment", "scaling-law", "--config", config.toString());
            assertThat(run.status()).as("%s%n%s", configs[k], run).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.out()).as(configs[k]).isEmpty();
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
        for (String[] args : new String[][] {{"--profile", "medium"}, {"--config", dir.resolve("missing.json").toString()},
            {"--implementation", "gpu"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "experiment";
            all[1] = "scaling-law";
            System.arraycopy(args, 0, all, 2, args.length);
            CliRun run = CliRun.of(all);
            assertThat(run.status()).as("%s%n%s", String.join(" ", args), run).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
    }
}
