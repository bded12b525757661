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
                        "abstract class P { @Test @Tag(\"C91\") @SpecRef(\"C91\") void a() {}\n"
                                + " @Test @Tag(\"C92\") @SpecRef(\"C92\") void b() {} }"),
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
                new Traceability.Source("properties/src/main/java/Q.java", true, "class Q { @Test @SpecRef(\"C93\") void t() {} }"),
                new Traceability.Source("properties/src/main/java/R.java", true,
                        "public abstract class R { @Test @Tag(\"C94\") @SpecRef(\"C94\") void t() {} }"));
        Traceability.Report report = Traceability.check(Map.of("y.md", spec), sources, List.of("C93", "C94", "C96"));
        assertThat(report.problems()).anyMatch(p -> p.contains("C93") && p.contains("without @Tag"));
        assertThat(report.problems()).anyMatch(p -> p.contains("R") && p.contains("no test class extends it"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C94") && p.contains("no property"));
        assertThat(report.problems()).anyMatch(p -> p.contains("malformed id heading"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("C96") && p.contains("never removed"));
    }

    @Test
    void theCheckerMatchesTagsToTheMethodAndSkipsDisabledNonTestAndQuotedCitations() {
        String spec = String.join("\n",
                "### E9.1 · Implemented", "Provenance: paper (X)", "",
                "### C80 · Fine", "Provenance: paper", "Status: tested", "",
                "### C81 · Tag on another method", "Provenance: paper", "Status: tested", "",
                "### C82 · Disabled test", "Provenance: paper", "Status: tested", "",
                "### C83 · Test in a disabled class", "Provenance: paper", "Status: tested", "",
                "### C84 · Helper method", "Provenance: paper", "Status: tested", "",
                "### C85 · Only in strings", "Provenance: paper", "Status: tested", "",
                "### C86 · Class-level citation", "Provenance: paper", "Status: tested", "");
        String suite = String.join("\n",
                "import org.junit.jupiter.api.*;",
                "public abstract class S {",
                "    @ParameterizedTest(name = \"m={0}\") @ValueSource(ints = {1, 2})",
                "    @Tag(\"C80\")",
                "    @SpecRef({\"C80\", \"E9.1\"})",
                "    void fine(int m) { String s = \"@SpecRef(\\\"E99.9\\\") @Tag(\\\"C81\\\")\"; }",
                "    @Test @Tag(\"C81\") void tagged() {}",
                "    @Test @SpecRef(\"C81\") void untagged() {}",
                "    @Disabled(\"flaky\") @Test @Tag(\"C82\") @SpecRef(\"C82\") void disabled() {}",
                "    @Disabled @Nested class Off {",
                "        @Test @Tag(\"C83\") @SpecRef(\"C83\") void inside() {}",
                "    }",
                "    @Tag(\"C84\") @SpecRef(\"C84\") static double helper() { return 0; }",
                "    String quoted = \"@SpecRef(\\\"C85\\\")\";",
                "    String block = \"\"\"",
                "        @Test @Tag(\"C85\") @SpecRef(\"C85\") void t() {}",
                "        \"\"\";",
                "    char quote = '\"'; // @SpecRef(\"C85\")",
                "}",
                "@Tag(\"C86\") @SpecRef(\"C86\") class T { @Test void t() {} }");
        List<Traceability.Source> sources = List.of(
                new Traceability.Source("properties/src/main/java/S.java", true, suite),
                new Traceability.Source("properties/src/test/java/ST.java", true, "class ST extends S {}"));
        Traceability.Report report = Traceability.check(Map.of("z.md", spec), sources);
        List<String> problems = report.problems();
        assertThat(problems).noneMatch(p -> p.contains("C80") || p.contains("E99.9") || p.contains("E9.1"));
        assertThat(report.properties().get("C80")).containsExactly("S");
        assertThat(problems).anyMatch(p -> p.contains("(untagged)") && p.contains("C81") && p.contains("without @Tag"));
        assertThat(problems).anyMatch(p -> p.contains("(disabled)") && p.contains("C82") && p.contains("@Disabled"));
        assertThat(problems).anyMatch(p -> p.startsWith("C82") && p.contains("no property"));
        assertThat(problems).anyMatch(p -> p.contains("(inside)") && p.contains("C83") && p.contains("@Disabled"));
        assertThat(problems).anyMatch(p -> p.startsWith("C83") && p.contains("no property"));
        assertThat(problems).anyMatch(p -> p.contains("(helper)") && p.contains("C84") && p.contains("outside a test method"));
        assertThat(problems).anyMatch(p -> p.startsWith("C84") && p.contains("no property"));
        assertThat(problems).anyMatch(p -> p.startsWith("C85") && p.contains("no property"));
        assertThat(problems).noneMatch(p -> p.contains("cites claim C85"));
        assertThat(problems).anyMatch(p -> p.contains("(T)") && p.contains("C86") && p.contains("outside a test method"));
        assertThat(problems).hasSize(10);
    }

    @Test
    void theLexerBlanksCommentsAndLiteralsButKeepsOffsets() {
        String text = "a /* x */ b // y\n\"q\\\"r\" 'c' \"\"\"\nz\n\"\"\" e";
        String masked = JavaText.lex(text).masked();
        assertThat(masked).hasSameSizeAs(text);
        assertThat(masked).isEqualTo("a         b     \n\"    \" ' ' \"\"\"\n \n\"\"\" e");
    }
}
