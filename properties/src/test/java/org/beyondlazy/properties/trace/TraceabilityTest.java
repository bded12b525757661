package org.beyondlazy.properties.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traceability check of spec/README.md, on the repository and on synthetic cases. */
class TraceabilityTest {
    /** The claims of math.md §6 that the register must list, whatever their status. */
    static final List<String> REGISTERED_CLAIMS = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9",
            "C10", "C11", "C12", "C13", "C14");

    static Path root() {
        String configured = System.getProperty("beyondlazy.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("spec"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with spec/").isNotNull();
        return dir;
    }

    @Test
    void theRepositoryIsTraceable() throws IOException {
        Traceability.Report report = Traceability.checkRepository(root());
        String table = report.table();
        System.out.println("Traceability table (id -> code -> properties -> status):\n" + table);
        Path out = root().resolve("properties/target/traceability.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertThat(report.problems()).as("traceability problems").isEmpty();
        assertThat(Traceability.ids(report)).containsAll(REGISTERED_CLAIMS);
    }

    @Test
    void theCheckerFindsEachKindOfProblem() {
        String spec = String.join("\n",
                "### E9.1 · Implemented", "Provenance: paper (X)", "",
                "### E9.2 · Not implemented", "Provenance: derived", "",
                "### E9.3 · No provenance", "",
                "### C90 · Tested without property", "Provenance: paper", "Status: tested", "",
                "### C91 · Pending with property", "Provenance: paper", "Status: pending (issue 9)", "",
                "### C92 · Fine", "Provenance: paper", "Status: tested", "",
                "### E9.4 · Old (retired)", "Provenance: convention", "");
        List<Traceability.Source> sources = List.of(
                new Traceability.Source("core/src/main/java/A.java", false,
                        "@SpecRef(\"E9.1\") @SpecRef({\"E9.3\", \"E9.9\"}) // @SpecRef(\"E9.2\")"),
                new Traceability.Source("properties/src/main/java/P.java", true,
                        "abstract class P { @Tag(\"C91\") @SpecRef(\"C91\") @Tag(\"C92\") @SpecRef(\"C92\") }"),
                new Traceability.Source("properties/src/test/java/PT.java", true, "class PT extends P {}"));
        Traceability.Report report = Traceability.check(Map.of("x.md", spec), sources);
        assertThat(report.problems()).anyMatch(p -> p.contains("E9.9") && p.contains("does not declare"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("E9.2") && p.contains("no implementing code"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("E9.3") && p.contains("provenance"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C90") && p.contains("no property"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C91") && p.contains("pending"));
        assertThat(report.problems()).noneMatch(p -> p.startsWith("C92") || p.startsWith("E9.1") || p.startsWith("E9.4"));
        assertThat(report.problems()).hasSize(5);
    }

    @Test
    void theCheckerFindsUntaggedUnrunAndMalformedCitations() {
        String spec = String.join("\n",
                "### C93 · Untagged", "Provenance: paper", "Status: tested", "",
                "### C94 · Abstract suite nobody runs", "Provenance: paper", "Status: tested", "",
                "### C95 – Malformed heading", "Provenance: paper", "");
        List<Traceability.Source> sources = List.of(
                new Traceability.Source("properties/src/main/java/Q.java", true, "class Q { @SpecRef(\"C93\") void t() {} }"),
                new Traceability.Source("properties/src/main/java/R.java", true,
                        "public abstract class R { @Tag(\"C94\") @SpecRef(\"C94\") void t() {} }"));
        Traceability.Report report = Traceability.check(Map.of("y.md", spec), sources, List.of("C93", "C94", "C96"));
        assertThat(report.problems()).anyMatch(p -> p.contains("C93") && p.contains("without @Tag"));
        assertThat(report.problems()).anyMatch(p -> p.contains("R") && p.contains("no test class extends it"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C94") && p.contains("no property"));
        assertThat(report.problems()).anyMatch(p -> p.contains("malformed id heading"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C96") && p.contains("never removed"));
    }
}
