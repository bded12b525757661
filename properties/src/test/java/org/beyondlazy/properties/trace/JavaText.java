package org.beyondlazy.properties.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Java lexer for the traceability check: it blanks comments and the contents of string,
 * text-block and character literals (so an id mentioned in a comment or in a message string is not a
 * citation), finds every {@code @SpecRef} annotation in what is left, and tells which declaration each one
 * annotates — a type, a method or a field — together with the other annotations on that declaration
 * ({@code @Test}, {@code @Tag}, {@code @Disabled}) and whether an enclosing type is {@code @Disabled}.
 * Offsets in {@link #masked()} are those of the source text.
 */
final class JavaText {
    /** What an annotation block annotates. */
    enum Kind { TYPE, METHOD, FIELD }

    /** JUnit annotations that make a method run as a test. */
    static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory",
            "TestTemplate");
    static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final", "abstract",
            "default", "synchronized", "native", "strictfp", "transient", "volatile", "sealed", "non-sealed");
    private static final Pattern ANNOTATION = Pattern.compile("@\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    /**
     * One {@code @SpecRef}: the ids it names, the declaration it annotates, and the facts about that declaration.
     *
     * @param ids      the quoted ids of the annotation, in order
     * @param kind     what it annotates
     * @param target   the name of the annotated type, method or field
     * @param test     the same declaration carries a JUnit test annotation
     * @param tags     the values of the {@code @Tag} annotations on the same declaration
     * @param disabled the declaration or an enclosing type is {@code @Disabled}
     */
    record Citation(List<String> ids, Kind kind, String target, boolean test, Set<String> tags, boolean disabled) {
    }

    private record Literal(int start, int end, String content) {
    }

    private record Annotation(String name, int start, int end) {
    }

    private record Block(List<Annotation> annotations, int start, int end, Kind kind, String target, int bodyStart,
                         int bodyEnd) {
        boolean has(String name) {
            return annotations.stream().anyMatch(a -> a.name().equals(name));
        }
    }

    private final String source;
    private final String masked;
    private final List<Literal> literals;

    private JavaText(String source, String masked, List<Literal> literals) {
        this.source = source;
        this.masked = masked;
        this.literals = literals;
    }

    /** The source with comments and literal contents replaced by spaces (line breaks kept, quotes kept). */
    String masked() {
        return masked;
    }

    /** Lexes a compilation unit. Unterminated comments or literals run to the end of the text. */
    static JavaText lex(String source) {
        char[] out = source.toCharArray();
        List<Literal> literals = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int from = i + 3;
                int end = from;
                while (end < n && !source.startsWith("\"\"\"", end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, n);
                literals.add(new Literal(from, end, source.substring(from, end)));
                blank(out, from, end);
                i = Math.min(end + 3, n);
            } else if (c == '"' || c == '\'') {
                int from = i + 1;
                int end = from;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, n);
                if (c == '"') {
                    literals.add(new Literal(from, end, source.substring(from, end)));
                }
                blank(out, from, end);
                i = Math.min(end + 1, n);
            } else {
                i++;
            }
        }
        return new JavaText(source, new String(out), literals);
    }

    private static void blank(char[] out, int from, int to) {
        for (int k = from; k < to && k < out.length; k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }

    /** Every {@code @SpecRef} of the text with the declaration it annotates. */
    List<Citation> citations() {
        List<Annotation> all = annotations();
        List<Block> blocks = blocks(all);
        List<Citation> out = new ArrayList<>();
        for (Block b : blocks) {
            boolean disabled = b.has("Disabled") || blocks.stream().anyMatch(t -> t.kind() == Kind.TYPE && t.has("Disabled")
                    && t.bodyStart() >= 0 && t.bodyStart() < b.start() && b.start() < t.bodyEnd());
            Set<String> tags = new LinkedHashSet<>();
            boolean test = false;
            for (Annotation a : all) {
                if (a.start() < b.start() || a.end() > b.end()) {
                    continue;
                }
                if (a.name().equals("Tag")) {
                    tags.addAll(quoted(a));
                }
                test |= TEST_ANNOTATIONS.contains(a.name());
            }
            for (Annotation a : b.annotations()) {
                if (a.name().equals("SpecRef")) {
                    out.add(new Citation(quoted(a), b.kind(), b.target(), test, Set.copyOf(tags), disabled));
                }
            }
        }
        return out;
    }

    /** Every annotation of the masked text, nested ones included, with its span (name and arguments). */
    private List<Annotation> annotations() {
        List<Annotation> out = new ArrayList<>();
        Matcher m = ANNOTATION.matcher(masked);
        while (m.find()) {
            String qualified = m.group(1);
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (name.equals("interface")) {
                continue; // an annotation type declaration, not an annotation
            }
            int end = m.end();
            int k = skipSpace(end);
            if (k < masked.length() && masked.charAt(k) == '(') {
                end = matching(k, '(', ')') + 1;
            }
            out.add(new Annotation(name, m.start(), end));
        }
        return out;
    }

    /** Groups the top-level annotations into blocks and finds the declaration each block annotates. */
    private List<Block> blocks(List<Annotation> all) {
        List<Annotation> top = new ArrayList<>();
        int covered = -1;
        for (Annotation a : all) {
            if (a.start() >= covered) {
                top.add(a);
                covered = a.end();
            }
        }
        List<Block> out = new ArrayList<>();
        int t = 0;
        while (t < top.size()) {
            List<Annotation> group = new ArrayList<>();
            group.add(top.get(t));
            int pos = top.get(t).end();
            t++;
            while (true) {
                int k = skipSpace(pos);
                if (t < top.size() && top.get(t).start() == k) {
                    group.add(top.get(t));
                    pos = top.get(t).end();
                    t++;
                    continue;
                }
                Matcher word = IDENTIFIER.matcher(masked).region(k, masked.length());
                if (word.lookingAt() && MODIFIERS.contains(word.group())) {
                    pos = word.end();
                    continue;
                }
                break;
            }
            out.add(declaration(group, pos));
        }
        return out;
    }

    /** Reads the declaration head after an annotation block: up to the first of ( { ; = ) , at nesting depth 0. */
    private Block declaration(List<Annotation> group, int from) {
        int k = from;
        int angle = 0;
        while (k < masked.length()) {
            char c = masked.charAt(k);
            if (c == '<') {
                angle++;
            } else if (c == '>') {
                angle--;
            } else if (angle <= 0 && "({;=),".indexOf(c) >= 0) {
                break;
            }
            k++;
        }
        String head = masked.substring(from, Math.min(k, masked.length()));
        char stop = k < masked.length() ? masked.charAt(k) : ';';
        int start = group.get(0).start();
        Matcher type = TYPE_KEYWORD.matcher(head);
        if (type.find()) {
            int brace = masked.indexOf('{', k);
            int bodyEnd = brace < 0 ? masked.length() : matching(brace, '{', '}');
            return new Block(group, start, from, Kind.TYPE, type.group(2), brace, bodyEnd);
        }
        String name = "";
        Matcher id = IDENTIFIER.matcher(head);
        while (id.find()) {
            name = id.group();
        }
        return new Block(group, start, from, stop == '(' ? Kind.METHOD : Kind.FIELD, name, -1, -1);
    }

    /** The quoted strings inside an annotation's span, from the source (its literals). */
    private List<String> quoted(Annotation a) {
        List<String> out = new ArrayList<>();
        for (Literal l : literals) {
            if (l.start() > a.start() && l.end() < a.end()) {
                out.add(l.content());
            }
        }
        return out;
    }

    private int skipSpace(int from) {
        int k = from;
        while (k < masked.length() && Character.isWhitespace(masked.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The offset of the bracket closing the one at {@code open}, or the end of the text. */
    private int matching(int open, char left, char right) {
        int depth = 0;
        for (int k = open; k < masked.length(); k++) {
            char c = masked.charAt(k);
            if (c == left) {
                depth++;
            } else if (c == right && --depth == 0) {
                return k;
            }
        }
        return masked.length() - 1;
    }

    @Override
    public String toString() {
        return source.length() + " characters";
    }
}
