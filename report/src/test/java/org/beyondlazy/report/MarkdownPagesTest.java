package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown to HTML on a hand-written two-page spec. */
class MarkdownPagesTest {
    @TempDir
    Path root;

    @Test
    void idsBecomeAnchorsMentionsBecomeLinksAndTablesRender() throws Exception {
        Files.createDirectories(root.resolve("spec"));
        Files.createDirectories(root.resolve("proofs-notes"));
        Files.writeString(root.resolve("spec/01-a.md"), "# A\n\n### E1.2 · Inner product\nProvenance: convention\n⟨A, B⟩ = Σ A_i B_i, see E1.3 and `E1.2`.\n\n"
                + "| x | y |\n|---|---|\n| 1 | 2 |\n");
        Files.writeString(root.resolve("spec/claims.md"), "### C1 · Identity\nUses E1.2; see [the note](../proofs-notes/C1.md#why).\n");
        Files.writeString(root.resolve("proofs-notes/C1.md"), "# C1 · Identity\n\n## Why\nBecause of E1.2 (not E1.99).\n");
        Path out = root.resolve("out");
        assertThat(MarkdownPages.render(root, out)).containsExactly("spec/01-a.html", "spec/claims.html", "proofs-notes/C1.html");
        String a = Files.readString(out.resolve("spec/01-a.html"));
        assertThat(a).contains("<h3 id=\"E1.2\">", "⟨A, B⟩ = Σ A_i B_i", "<table>", "<code>E1.2</code>").doesNotContain("href=\"01-a.html#E1.3\"");
        String claims = Files.readString(out.resolve("spec/claims.html"));
        assertThat(claims).contains("href=\"01-a.html#E1.2\"", "href=\"../proofs-notes/C1.html#why\"", "href=\"../index.html#C1\"");
        String note = Files.readString(out.resolve("proofs-notes/C1.html"));
        assertThat(note).contains("href=\"../spec/01-a.html#E1.2\"", "E1.99", "id=\"why\"");
    }
}
