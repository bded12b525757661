package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --engine spark --master URL} (spec E9.20): prints the spark-submit line, runs nothing, loads no Spark. */
@SpecRef("E9.20")
class SweepEngineOptionTest {
    @TempDir
    Path dir;

    @Test
    void theSparkEnginePrintsTheSubmitLineAndRunsNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("sweep.json"), "{\"base\": {\"dim\": 3, \"width\": 3, \"rank\": 1, \"steps\": 5}, "
                + "\"grid\": {\"seed\": [1, 2]}}");
        Path out = dir.resolve("sweep out");
        CliRun run = CliRun.of("sweep", "--json", "--engine", "spark", "--master", "spark://127.0.0.1:7077", "--config", config.toString(),
                "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.json().get("runs").asInt()).isEqualTo(2);
        assertThat(run.json().get("submit").asText()).startsWith("spark-submit --master spark://127.0.0.1:7077 --class org.beyondlazy.spark.SparkSweep ")
                .endsWith(" --out '" + out.toAbsolutePath() + "'");
        assertThat(Files.exists(out)).as("nothing is run or written").isFalse();
        assertThat(SweepCommand.class.getClassLoader().getResource("org/apache/spark/SparkContext.class")).as("Spark on the cli's class path").isNull();
    }

    @Test
    void theEngineOptionsAreChecked() throws Exception {
        Path config = Files.writeString(dir.resolve("sweep.json"), "{\"base\": {\"dim\": 3, \"width\": 3, \"rank\": 1, \"steps\": 5}}");
        assertThat(CliRun.of("sweep", "--engine", "spark", "--config", config.toString(), "--out", dir.resolve("o").toString()).err())
                .contains("--master").contains("[INVALID_INPUT]");
        assertThat(CliRun.of("sweep", "--engine", "mpi", "--config", config.toString(), "--out", dir.resolve("o").toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("sweep", "--master", "yarn", "--config", config.toString(), "--out", dir.resolve("o").toString()).status()).isEqualTo(2);
    }
}
