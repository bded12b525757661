package org.beyondlazy.properties.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the spec's declared ids and the sources' {@code @SpecRef} citations and checks the rules of
 * spec/README.md § Traceability. Pure logic over texts, so it is itself testable on synthetic input.
 */
final class Traceability {
    /** A declared id: {@code ### E2.5 · Title}. */
    static final Pattern HEADING = Pattern.compile("^#{2,4} ([EAC]\\d+(?:\\.\\d+)*) · (.*)$");
    static final Pattern SPEC_REF = Pattern.compile("@SpecRef\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    static final Pattern QUOTED_ID = Pattern.compile("\"([^\"]*)\"");
    /** Anything that looks like an id heading; one not matching {@link #HEADING} exactly is malformed. */
    static final Pattern ID_LIKE_HEADING = Pattern.compile("^#{1,6}\\s*[EAC]\\d.*$");
    static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|interface)\\s+(\\w+)");
    static final Pattern ABSTRACT_CLASS = Pattern.compile("\\babstract\\s+class\\s+(\\w+)");

    /** One declared spec element. */
    record Declared(String id, String title, String file, String provenance, String status) {
        boolean retired() {
            return title.contains("(retired)");
        }

        boolean claim() {
            return id.startsWith("C");
        }
    }

    /** A source file: its repository-relative path, whether it is a property (test code or the properties module), its text. */
    record Source(String path, boolean property, String text) {
    }

    /** The result: declared ids, citations, problems. */
    record Report(Map<String, Declared> declared, Map<String, List<String>> code, Map<String, List<String>> properties,
                  List<String> problems) {
        String table() {
            StringBuilder out = new StringBuilder("| id | title | provenance | status | code | properties |\n|---|---|---|---|---|---|\n");
            for (Declared d : declared.values()) {
                out.append("| ").append(d.id()).append(" | ").append(d.title()).append(" | ").append(d.provenance())
                        .append(" | ").append(d.claim() ? d.status() : "-").append(" | ")
                        .append(String.join(", ", code.getOrDefault(d.id(), List.of()))).append(" | ")
                        .append(String.join(", ", properties.getOrDefault(d.id(), List.of()))).append(" |\n");
            }
            return out.toString();
        }
    }

    private Traceability() {
    }

    /** Parses spec Markdown files (name → text) into declared ids; problems are appended to {@code problems}. */
    static Map<String, Declared> parseSpec(Map<String, String> specFiles, List<String> problems) {
        Map<String, Declared> declared = new TreeMap<>(Traceability::compareIds);
        for (Map.Entry<String, String> file : specFiles.entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            for (int n = 0; n < lines.length; n++) {
                Matcher h = HEADING.matcher(lines[n].strip());
                if (!h.matches()) {
                    if (ID_LIKE_HEADING.matcher(lines[n].strip()).matches()) {
                        problems.add(file.getKey() + ": malformed id heading '" + lines[n].strip()
                                + "' (expected '### E2.5 · Title')");
                    }
                    continue;
                }
                String id = h.group(1);
                String provenance = null;
                String status = null;
                for (int k = n + 1; k < lines.length && !lines[k].startsWith("#"); k++) {
                    String line = lines[k].strip();
                    if (line.startsWith("Provenance:") && provenance == null) {
                        provenance = line.substring("Provenance:".length()).strip();
                        if (k != n + 1) {
                            problems.add(id + " (" + file.getKey() + "): the provenance line must follow the heading");
                        }
                    } else if (line.startsWith("Status:") && status == null) {
                        status = line.substring("Status:".length()).strip();
                    }
                }
                Declared d = new Declared(id, h.group(2).strip(), file.getKey(), provenance, status);
                if (declared.containsKey(id)) {
                    problems.add(id + " is declared twice: " + declared.get(id).file() + " and " + file.getKey());
                }
                declared.put(id, d);
                if (provenance == null || !provenance.matches("(paper|reconstruction|derived|convention)\\b.*")) {
                    problems.add(id + " (" + file.getKey() + ") has no valid provenance line (paper | reconstruction | derived | convention)");
                }
                if (d.claim() && !d.retired() && (status == null || !(status.equals("tested") || status.startsWith("pending")))) {
                    problems.add(id + " (" + file.getKey() + ") has no valid status line (tested | pending …)");
                }
            }
        }
        return declared;
    }

    /** Checks the citations of the sources against the declared ids, without an id registry. */
    static Report check(Map<String, String> specFiles, List<Source> sources) {
        return check(specFiles, sources, null);
    }

    /**
     * Checks the citations of the sources against the declared ids and, when {@code registry} is given
     * (the lines of spec/ids.txt), that ids are never removed (every registered id is still declared,
     * possibly retired) and every declared id is registered.
     */
    static Report check(Map<String, String> specFiles, List<Source> sources, List<String> registry) {
        List<String> problems = new ArrayList<>();
        Map<String, Declared> declared = parseSpec(specFiles, problems);
        if (registry != null) {
            List<String> registered = registry.stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
            for (String id : registered) {
                if (!declared.containsKey(id)) {
                    problems.add(id + " is in spec/ids.txt but no longer declared: ids are never removed (mark it retired)");
                }
            }
            for (String id : declared.keySet()) {
                if (!registered.contains(id)) {
                    problems.add(id + " is declared but not registered in spec/ids.txt (append it)");
                }
            }
        }
        Map<String, List<String>> code = new LinkedHashMap<>();
        Map<String, List<String>> properties = new LinkedHashMap<>();
        List<String> testTexts = new ArrayList<>();
        for (Source source : sources) {
            if (source.path().contains("/src/test/")) {
                testTexts.add(withoutComments(source.text()));
            }
        }
        // a main-tree binding of the kit (an abstract class whose nested classes extend the suites, e.g.
        // ConformanceKitTests) runs the suites when a test class extends it
        List<String> bindingTexts = new ArrayList<>();
        for (Source source : sources) {
            String text = withoutComments(source.text());
            Matcher binding = ABSTRACT_CLASS.matcher(text);
            if (source.path().contains("/src/main/") && binding.find()) {
                String bindingName = binding.group(1);
                if (testTexts.stream().anyMatch(t -> t.matches("(?s).*\\bextends\\s+" + bindingName + "\\b.*"))) {
                    bindingTexts.add(text);
                }
            }
        }
        testTexts.addAll(bindingTexts);
        for (Source source : sources) {
            String text = withoutComments(source.text());
            Matcher abstractClass = ABSTRACT_CLASS.matcher(text);
            String abstractName = abstractClass.find() ? abstractClass.group(1) : null;
            Matcher ref = SPEC_REF.matcher(text);
            while (ref.find()) {
                Matcher ids = QUOTED_ID.matcher(ref.group(1));
                while (ids.find()) {
                    String id = ids.group(1);
                    String name = Path.of(source.path()).getFileName().toString().replace(".java", "");
                    if (!declared.containsKey(id)) {
                        problems.add(source.path() + " cites " + id + ", which the spec does not declare");
                        continue;
                    }
                    if (source.property() && id.startsWith("C") && !text.contains("@Tag(\"" + id + "\")")) {
                        problems.add(source.path() + " cites claim " + id + " without @Tag(\"" + id + "\")");
                    }
                    if (source.property() && id.startsWith("C") && abstractName != null
                            && testTexts.stream().noneMatch(t -> t.matches("(?s).*\\bextends\\s+" + abstractName + "\\b.*"))) {
                        problems.add(source.path() + ": suite " + abstractName + " cites " + id
                                + " but no test class extends it, so it never runs");
                        continue;
                    }
                    // main code anywhere (the properties module's experiment code too) implements E/A ids;
                    // the properties module and test code are the properties
                    if (source.property()) {
                        addOnce(properties, id, name);
                    }
                    if (source.path().contains("/src/main/")) {
                        addOnce(code, id, name);
                    }
                }
            }
        }
        for (Declared d : declared.values()) {
            if (d.retired()) {
                continue;
            }
            if (!d.claim() && !code.containsKey(d.id())) {
                problems.add(d.id() + " (" + d.title() + ") has no implementing code citing it");
            }
            if (d.claim() && "tested".equals(d.status()) && !properties.containsKey(d.id())) {
                problems.add(d.id() + " is marked tested but no property cites it");
            }
            if (d.claim() && d.status() != null && d.status().startsWith("pending") && properties.containsKey(d.id())) {
                problems.add(d.id() + " is marked pending but properties cite it: " + properties.get(d.id()));
            }
        }
        return new Report(declared, code, properties, problems);
    }

    private static void addOnce(Map<String, List<String>> map, String id, String name) {
        List<String> list = map.computeIfAbsent(id, k -> new ArrayList<>());
        if (!list.contains(name)) {
            list.add(name);
        }
    }

    /** The text with block and line comments removed, so commented-out citations do not count. */
    static String withoutComments(String text) {
        return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll("");
    }

    /** Reads spec/*.md and every .java file under src/main/java and src/test/java of the modules. */
    static Report checkRepository(Path root) {
        Map<String, String> spec = new TreeMap<>();
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> specFiles = Files.list(root.resolve("spec"))) {
            for (Path p : specFiles.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                spec.put(p.getFileName().toString(), Files.readString(p));
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (rel.contains("/target/") || rel.startsWith(".") || !rel.contains("/src/")) {
                        continue;
                    }
                    boolean property = rel.startsWith("properties/") || rel.contains("/src/test/");
                    if (rel.endsWith("Traceability.java") || rel.endsWith("TraceabilityTest.java")) {
                        continue; // the checker's own synthetic examples are not citations
                    }
                    sources.add(new Source(rel, property, Files.readString(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> registry;
        try {
            registry = Files.readAllLines(root.resolve("spec/ids.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(spec, sources, registry);
    }

    /** Orders ids by letter (E, A, C as declared order of kinds) then numerically by component. */
    static int compareIds(String a, String b) {
        String kinds = "EAC";
        int ka = kinds.indexOf(a.charAt(0));
        int kb = kinds.indexOf(b.charAt(0));
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        String[] pa = a.substring(1).split("\\.");
        String[] pb = b.substring(1).split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    /** Every declared id, for tests. */
    static TreeSet<String> ids(Report report) {
        return new TreeSet<>(report.declared().keySet());
    }
}
