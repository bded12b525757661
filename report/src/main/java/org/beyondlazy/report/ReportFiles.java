package org.beyondlazy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a finished {@link Audit.Report} into a directory (spec E9.12): {@code summary.json}, {@code index.html},
 * the spec and proofs-notes as Markdown copies and as rendered pages ({@link MarkdownPages}). The figures
 * are already there (the sections wrote them into {@code figures/}).
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * @param root the repository root (its {@code spec/} and {@code proofs-notes/})
     * @param dir  the report directory (modified: files written and replaced)
     */
    static void write(Audit.Report report, Path root, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("figures"));
        copyMarkdown(root.resolve("spec"), dir.resolve("spec"));
        copyMarkdown(root.resolve("proofs-notes"), dir.resolve("proofs-notes"));
        MarkdownPages markdown = MarkdownPages.scan(root);
        List<String> pages = markdown.write(root, dir);
        Files.writeString(dir.resolve("summary.json"), Audit.toPrettyJson(Audit.summary(report)) + "\n");
        Files.writeString(dir.resolve("index.html"), HtmlReport.render(report, pages, markdown));
    }

    private static void copyMarkdown(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
