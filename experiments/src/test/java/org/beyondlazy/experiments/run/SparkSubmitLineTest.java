package org.beyondlazy.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Test;

/** The spark-submit line of spec E9.20: safe words as they are, the others single-quoted for a POSIX shell. */
@SpecRef("E9.20")
class SparkSubmitLineTest {
    @Test
    void pathsAreAbsoluteAndQuotedWhereTheShellNeedsIt() {
        Path jar = SparkSubmitLine.jar(Path.of("/repo"));
        assertThat(jar).isEqualTo(Path.of("/repo/spark/target/beyondlazy-spark-0.1.0-SNAPSHOT-submit.jar"));
        String line = SparkSubmitLine.of("spark://127.0.0.1:7077", jar, Path.of("/tmp/sweep.json"), Path.of("/tmp/it's out"));
        assertThat(line).isEqualTo("spark-submit --master spark://127.0.0.1:7077 --class org.beyondlazy.spark.SparkSweep "
                + "/repo/spark/target/beyondlazy-spark-0.1.0-SNAPSHOT-submit.jar --config /tmp/sweep.json --out '/tmp/it'\\''s out'");
    }
}
