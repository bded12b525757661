package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beyondlazy.report.ClaimRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} end to end (quick profile with 3 examples per property to stay within the test budget):
 * exit status, summary.json, non-empty images, and every link of index.html resolves inside the report.
 */
class AuditTest {
    @TempDir
    Path dir;

    @Test
    void theReportIsSelfContainedAndShowsPendingClaimsAsPending() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("audit", "--json", "--profile", "quick", "--examples", "3", "--out", out.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.json().get("ok").asBoolean()).isTrue();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("ok").asBoolean()).isTrue();
        List<ClaimRegister.Claim> register = ClaimRegister.parse(Files.readString(Audit_root().resolve("spec/claims.md")));
        assertThat(summary.get("claims")).hasSize(register.size());
        for (JsonNode c : summary.get("claims")) {
            ClaimRegister.Claim claim = register.stream().filter(x -> x.id().equals(c.get("id").asText())).findFirst().orElseThrow();
            if (claim.pending()) {
                assertThat(c.get("verdict").asText()).as(claim.id()).isEqualTo("pending");
            } else {
                assertThat(c.get("verdict").asText()).as(claim.id()).isEqualTo("holds");
                assertThat(c.get("propertiesPassed").asInt() + c.get("experiments").size()).as(claim.id()).isPositive();
                assertThat(c.get("propertiesFailed").asInt()).as(claim.id()).isZero();
            }
        }
        String html = Files.readString(out.resolve("index.html"));
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).isNotEmpty().anyMatch(l -> l.endsWith(".png"));
        for (String link : links) {
            assertThat(link).as("relative link").doesNotContain("://").doesNotStartWith("/");
            Path target = out.resolve(link.replaceAll("#.*", ""));
            assertThat(target).as(link).exists();
            assertThat(Files.size(target)).as(link).isPositive();
        }
        for (JsonNode section : summary.get("sections")) {
            for (JsonNode fig : section.get("figures")) {
                assertThat(Files.size(out.resolve(fig.asText()))).isGreaterThan(1000);
            }
        }
        // a second run replaces the earlier report in place
        CliRun again = CliRun.of("audit", "--json", "--profile", "quick", "--examples", "1", "--claims", "C1,C4", "--out", out.toString());
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.json().get("holds").toString()).isEqualTo("[\"C1\",\"C4\"]");
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("figures/descent-loss.png")).exists();
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotAReport() throws Exception {
        Path out = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(out.resolve("thesis.tex"), "keep me");
        CliRun run = CliRun.of("audit", "--examples", "1", "--claims", "C1", "--out", out.toString());
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(Files.readString(out.resolve("thesis.tex"))).isEqualTo("keep me");
    }

    static Path Audit_root() {
        return org.beyondlazy.report.Audit.root();
    }
}
