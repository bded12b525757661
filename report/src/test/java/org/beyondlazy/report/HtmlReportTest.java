package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written report from a fixed set of results ({@link ReportFixture}): first-screen elements, every link
 * of every page resolves inside the report, SVG beside each PNG, spec ids link to their declarations.
 */
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void theFirstPageHasTheGridTheHeadlineAndTheRunFacts() throws Exception {
        ReportFixture.write(dir, null);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("id=\"verdicts\"", "Every tested claim holds", "<img src=\"figures/fixture-chart.png\"",
                "seed <code>20201122</code>", "BLAS: fixture BLAS", "cores", "19/20 [0.76, 0.99]", "href=\"spec/claims.html#C8\"",
                "href=\"proofs-notes/C8.html\"", "C8 fails if the variant's error rises above ε.");
        assertThat(html.indexOf("id=\"headline\"")).as("headline before the claim blocks").isLessThan(html.indexOf("id=\"claims\""));
        assertThat(dir.resolve("figures/fixture-chart.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("figures/fixture-chart.svg"))).contains("<svg");
        assertThat(ReportLinks.broken(dir)).isEmpty();
    }

    @Test
    void aFailingClaimShowsItsFailureAndTheCommandThatReproducesIt() throws Exception {
        Audit.Report report = ReportFixture.write(dir, "C3");
        assertThat(report.claimIds().get("failing")).containsExactly("C3 (fails)");
        assertThat(report.claimIds().get("holds")).contains("C1").doesNotContain("C3");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Some claims fail or did not run", "seed 7 breaks the bound",
                "./beyondlazy audit --profile quick --claims C3 --seed 20201122", "<span class=\"badge fails\">fails</span>");
    }

    @Test
    void theRenderedSpecAnchorsItsIdsAndLinksMentionsAndClaimsBack() throws Exception {
        ReportFixture.write(dir, null);
        String claims = Files.readString(dir.resolve("spec/claims.html"));
        assertThat(claims).contains("id=\"C8\"", "href=\"../index.html#C8\"", "<h3");
        String lazy = Files.readString(dir.resolve("spec/05-lazy.html"));
        assertThat(lazy).contains("id=\"E5.10\"");
        String note = Files.readString(dir.resolve("proofs-notes/C8.html"));
        assertThat(note).contains("href=\"../spec/05-lazy.html#E5.10\"").doesNotContain("href=\"http");
        assertThat(dir.resolve("spec/claims.md")).isNotEmptyFile();
    }
}
