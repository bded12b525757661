package org.beyondlazy.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict configs (E9.8): no coercion, no duplicate keys, nothing after the object; sizes refused against the heap. */
class RunConfigsTest {
    @TempDir
    Path dir;

    RunConfig read(String json) throws Exception {
        return RunConfigs.read("--config c.json", Files.writeString(dir.resolve("c.json"), json));
    }

    ErrorCode codeOf(String json) {
        try {
            read(json);
            throw new AssertionError("accepted: " + json);
        } catch (BeyondLazyException e) {
            assertThat(e.getMessage()).startsWith("--config c.json").doesNotContain("\n");
            return e.code();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"dim\": \"8\"}|INVALID_INPUT",
        "{\"lr\": \"0.1\"}|INVALID_INPUT",
        "{\"dim\": 8.5}|INVALID_INPUT",
        "{\"model\": 3}|INVALID_INPUT",
        "{\"trajectory\": 1}|INVALID_INPUT",
        "{\"trajectory\": \"true\"}|INVALID_INPUT",
        "{\"truthCoeffs\": [\"1\"]}|INVALID_INPUT",
        "{\"dim\": 4, \"dim\": 5}|MALFORMED_FILE",
        "{\"dim\": 4} {\"dim\": 5}|MALFORMED_FILE",
        "{\"dim\": 4} x|MALFORMED_FILE",
        "''|MALFORMED_FILE",
        "[1, 2]|INVALID_INPUT",
        "{\"color\": 1}|INVALID_INPUT",
        "{\"dim\": null}|INVALID_INPUT",
        "{\"optimizer\": \"variant\", \"model\": \"homog\", \"trajectory\": true}|INVALID_PARAMETER",
        "{\"dim\": 1000, \"order\": 3, \"width\": 2}|INVALID_SIZE",
        "{\"dim\": 40000, \"order\": 2, \"width\": 2}|INVALID_SIZE",
    })
    void hostileConfigsAreRefusedWithOneCode(String json, ErrorCode expected) {
        assertThat(codeOf(json)).isEqualTo(expected);
    }

    @Test
    void anIntegerIsAcceptedWhereARealIsExpected() throws Exception {
        RunConfig c = read("{\"lr\": 1, \"initScale\": 2}");
        assertThat(c.lr).isEqualTo(1.0);
        assertThat(c.initScale).isEqualTo(2.0);
    }

    @Test
    void aMissingConfigIsMissingFile() {
        assertThatThrownBy(() -> RunConfigs.read("--config nope.json", dir.resolve("nope.json")))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FILE));
        assertThatThrownBy(() -> RunConfigs.read("--config d", dir))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
    }

    @Test
    void theIdOfAConfigIsTheOneEarlierVersionsGaveIt() {
        // measured with the sweep of commit c5c0e32 (before the trajectory field): {"dim": 3, "width": 2, "rank": 1, "steps": 5, "seed": 1}
        RunConfig c = new RunConfig();
        c.dim = 3;
        c.width = 2;
        c.rank = 1;
        c.steps = 5;
        c.seed = 1;
        assertThat(SweepPlan.id(c)).isEqualTo("515587c9a5d5");
        c.trajectory = true;
        assertThat(SweepPlan.id(c)).isNotEqualTo("515587c9a5d5");
    }

    @Test
    void anAbsurdGridIsRefusedFromItsAxesAlone() throws Exception {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        values.append(']');
        String json = "{\"grid\": {\"seed\": " + values + ", \"steps\": " + values + ", \"logEvery\": " + values + "}}"; // 10⁹ runs
        Path file = Files.writeString(dir.resolve("s.json"), json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SweepPlan.read("--config s.json", file)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIZE)).hasMessageContaining("1.000e+09");
    }
}
