package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --implementation NAME} (spec E9.12): the kit on a registered backend, missing capabilities as "not supported". */
class AuditImplementationTest {
    @TempDir
    Path dir;

    @Test
    void anObjectiveOnlyBackendIsAuditedWithTheLazyClaimsNotSupported() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("audit", "--json", "--implementation", "objective-only", "--claims", "C2,C5", "--examples", "2",
                "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.OK);
        JsonNode json = run.json();
        assertThat(json.get("implementation").asText()).isEqualTo("objective-only");
        assertThat(json.get("holds").toString()).contains("\"C2\"");
        assertThat(json.get("notSupported").toString()).contains("\"C5\"");
        assertThat(json.get("failing")).isEmpty();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("implementation").asText()).isEqualTo("objective-only");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("objective-only").contains("not supported");
    }

    @Test
    void anUnknownImplementationIsRefusedBeforeAnyWork() {
        Path out = dir.resolve("never");
        CliRun run = CliRun.of("audit", "--implementation", "gpu", "--out", out.toString());
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("gpu").doesNotContain("\n\tat ");
        assertThat(out).doesNotExist();
    }
}
