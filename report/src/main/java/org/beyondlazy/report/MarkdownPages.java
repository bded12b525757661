package org.beyondlazy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The spec and proofs-notes rendered to HTML pages of the report (spec E9.12) with commonmark-java
 * (tables, heading anchors). Formulas stay Unicode as written. A heading that declares a spec id
 * ({@code ### E2.5 · …}, {@code # C8 · …}) gets that id as its anchor, every mention of a declared id in the
 * text links to its declaration, links to {@code .md} files point to the rendered pages, and each claim's
 * heading links to its verdict on the report's first page ({@code index.html#C8}).
 */
final class MarkdownPages {
    /** A heading that declares an id: {@code E2.5}, {@code A4.6}, {@code C8}. */
    static final Pattern DECLARATION = Pattern.compile("^#{1,6} ([EA]\\d+\\.\\d+|C\\d+) · .*$");
    /** A mention of an id in running text. */
    static final Pattern MENTION = Pattern.compile("(?<![\\w.])([EA]\\d+\\.\\d+|C\\d+)(?![\\w]|\\.\\d)");

    private final List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    /** id → page relative to the report root, e.g. {@code spec/05-lazy.html}; claims map to spec/claims.html. */
    private final Map<String, String> declared = new LinkedHashMap<>();

    /**
     * Renders every {@code *.md} of {@code root/spec} and {@code root/proofs-notes} into {@code out/spec} and
     * {@code out/proofs-notes} (same names, {@code .html}); returns the pages written, relative to {@code out}.
     */
    static List<String> render(Path root, Path out) throws IOException {
        return scan(root).write(root, out);
    }

    /** The pages of {@code root}'s spec and proofs-notes with the ids the spec declares (nothing written yet). */
    static MarkdownPages scan(Path root) throws IOException {
        MarkdownPages pages = new MarkdownPages();
        for (Path source : sources(root)) {
            if (source.getParent().getFileName().toString().equals("spec")) {
                for (String line : Files.readAllLines(source)) {
                    Matcher m = DECLARATION.matcher(line);
                    if (m.matches()) {
                        pages.declared.putIfAbsent(m.group(1), "spec/" + htmlName(source));
                    }
                }
            }
        }
        return pages;
    }

    private static List<Path> sources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String dir : List.of("spec", "proofs-notes")) {
            Path d = root.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(sources::add);
                }
            }
        }
        return sources;
    }

    /** Writes every page of {@code root} into {@code out}; returns the pages written, relative to {@code out}. */
    List<String> write(Path root, Path out) throws IOException {
        List<String> written = new ArrayList<>();
        for (Path source : sources(root)) {
            String dir = source.getParent().getFileName().toString();
            Path target = Files.createDirectories(out.resolve(dir)).resolve(htmlName(source));
            String markdown = Files.readString(source);
            Files.writeString(target, HtmlPage.page(dir + "/" + source.getFileName(), "../", toHtml(markdown, dir)));
            written.add(dir + "/" + htmlName(source));
        }
        return written;
    }

    static String htmlName(Path md) {
        return md.getFileName().toString().replaceFirst("\\.md$", ".html");
    }

    /**
     * The HTML of Markdown shown in directory {@code dir} of the report (spec, proofs-notes, or "" for the
     * report's own pages). The line after a heading that gives the provenance or status is kept a line of its own.
     */
    String toHtml(String markdown, String dir) {
        Node document = parser.parse(markdown.replaceAll("(?m)^((?:Provenance|Status):.*?)\\s*$", "$1  "));
        List<Text> texts = new ArrayList<>();
        List<Heading> claimHeadings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(link.getDestination()));
                // link text is left as written: a mention inside a link is already a link
            }

            @Override
            public void visit(Heading heading) {
                String id = declaredId(heading);
                if (id != null && id.startsWith("C") && dir.equals("spec")) {
                    claimHeadings.add(heading);
                }
                // a heading's own id is its anchor, not a link
            }

            @Override
            public void visit(Text text) {
                texts.add(text);
            }

            @Override
            public void visit(Code code) {
                // ids in code spans are literal
            }
        });
        for (Text t : texts) {
            linkMentions(t, dir);
        }
        for (Heading h : claimHeadings) {
            Link verdict = new Link("../index.html#" + declaredId(h), "its verdict in this audit");
            verdict.appendChild(new Text("verdict ↗"));
            h.appendChild(new Text(" "));
            h.appendChild(verdict);
        }
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading h) {
                        String id = declaredId(h);
                        if (id != null) {
                            attributes.put("id", id);
                        }
                    }
                }).build();
        return renderer.render(document);
    }

    /** The id a heading declares, or null. */
    private static String declaredId(Heading heading) {
        if (heading.getFirstChild() instanceof Text t) {
            Matcher m = DECLARATION.matcher("# " + t.getLiteral());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {@code x.md} and {@code x.md#y} → {@code x.html…}; other destinations unchanged. */
    static String rewrite(String destination) {
        if (destination == null || destination.contains("://")) {
            return destination;
        }
        return destination.replaceFirst("\\.md(#|$)", ".html$1");
    }

    private void linkMentions(Text text, String dir) {
        for (Node p = text.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link || p instanceof Heading) {
                return;
            }
        }
        String literal = text.getLiteral();
        Matcher m = MENTION.matcher(literal);
        int last = 0;
        List<Node> pieces = new ArrayList<>();
        while (m.find()) {
            String page = declared.get(m.group(1));
            if (page == null) {
                continue; // not declared in the spec (e.g. a retired or future id): left as text
            }
            if (m.start() > last) {
                pieces.add(new Text(literal.substring(last, m.start())));
            }
            String href = dir.isEmpty() && m.group(1).startsWith("C") ? "#" + m.group(1) // on the report's page a claim links to its block
                    : (dir.isEmpty() ? page : page.startsWith(dir + "/") ? page.substring(dir.length() + 1) : "../" + page) + "#" + m.group(1);
            Link link = new Link(href, null);
            link.appendChild(new Text(m.group(1)));
            pieces.add(link);
            last = m.end();
        }
        if (pieces.isEmpty()) {
            return;
        }
        if (last < literal.length()) {
            pieces.add(new Text(literal.substring(last)));
        }
        for (Node piece : pieces) {
            text.insertBefore(piece);
        }
        text.unlink();
    }
}
