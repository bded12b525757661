package org.beyondlazy.npy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the header of a {@code .npy} file: a Python dictionary literal with exactly the keys
 * {@code 'descr'} (a string, or a list for structured dtypes), {@code 'fortran_order'}
 * ({@code True} or {@code False}) and {@code 'shape'} (a tuple of non-negative integers).
 *
 * <p>Strict about syntax (no expressions, escapes, unknown or repeated keys; {@code (3)} is not a
 * tuple), tolerant of whitespace, key order, trailing commas, either quote character and the
 * {@code L} suffix Python 2 wrote after integers. Dimensions are parsed as longs that saturate at
 * {@link #SATURATED}; checking their range is left to the caller, so that a parse error and a
 * bad shape get different codes.
 */
final class NpyHeaderParser {

    /** A dimension with more digits than fit a long is reported as this value. */
    static final long SATURATED = Long.MAX_VALUE;

    /** The parsed header fields, not yet validated. */
    static final class Header {
        /** The dtype as written in the header, e.g. {@code '<f8'} (with quotes), for messages. */
        final String descrAsWritten;
        /** The dtype string without quotes, or null if descr is not a string (structured). */
        final String descr;
        final boolean fortranOrder;
        /** The dimensions, possibly negative or saturated. */
        final long[] dimensions;

        Header(String descrAsWritten, String descr, boolean fortranOrder, long[] dimensions) {
            this.descrAsWritten = descrAsWritten;
            this.descr = descr;
            this.fortranOrder = fortranOrder;
            this.dimensions = dimensions;
        }
    }

    private final String text;
    private final String source;
    private int position;

    private NpyHeaderParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses a header.
     *
     * @param text   the header text (after the length field, padding included); not modified
     * @param source the source name for error messages
     * @return the fields
     * @throws NpyException MALFORMED_HEADER if the text is not a valid header dictionary
     */
    static Header parse(String text, String source) throws NpyException {
        return new NpyHeaderParser(text, source).parseDictionary();
    }

    private Header parseDictionary() throws NpyException {
        String descrAsWritten = null;
        String descr = null;
        Boolean fortranOrder = null;
        long[] dimensions = null;

        skipWhitespace();
        expect('{');
        while (true) {
            skipWhitespace();
            if (peek() == '}') {
                position++;
                break;
            }
            int keyStart = position;
            String key = parseString("a key");
            skipWhitespace();
            expect(':');
            skipWhitespace();
            switch (key) {
                case "descr":
                    rejectRepeated(descrAsWritten != null, key, keyStart);
                    int valueStart = position;
                    if (peek() == '[') {
                        skipBracketedList();
                        descr = null;
                    } else {
                        descr = parseString("the descr string");
                    }
                    descrAsWritten = text.substring(valueStart, position);
                    break;
                case "fortran_order":
                    rejectRepeated(fortranOrder != null, key, keyStart);
                    fortranOrder = parseBoolean();
                    break;
                case "shape":
                    rejectRepeated(dimensions != null, key, keyStart);
                    dimensions = parseShapeTuple();
                    break;
                default:
                    throw malformed("unexpected key '" + printable(key) + "' at offset " + keyStart
                            + " (expected 'descr', 'fortran_order', 'shape')");
            }
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                position++;
            } else if (next != '}') {
                throw malformed("expected ',' or '}' at offset " + position + ", found " + describe(next));
            }
        }
        skipWhitespace();
        if (position < text.length()) {
            throw malformed("unexpected " + describe(peek()) + " after the dictionary at offset " + position);
        }
        if (descrAsWritten == null) {
            throw malformed("missing key 'descr'");
        }
        if (fortranOrder == null) {
            throw malformed("missing key 'fortran_order'");
        }
        if (dimensions == null) {
            throw malformed("missing key 'shape'");
        }
        return new Header(descrAsWritten, descr, fortranOrder, dimensions);
    }

    /** A Python string literal in single or double quotes, without escapes or line breaks. */
    private String parseString(String what) throws NpyException {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw malformed("expected " + what + " in quotes at offset " + position + ", found " + describe(quote));
        }
        int start = ++position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == quote) {
                return text.substring(start, position++);
            }
            if (c == '\\' || c == '\n' || c == '\r') {
                throw malformed("unsupported character " + describe(c) + " in a string at offset " + position);
            }
            position++;
        }
        throw malformed("unterminated string starting at offset " + (start - 1));
    }

    /** Skips a list literal (a structured dtype), respecting nesting and quotes. */
    private void skipBracketedList() throws NpyException {
        int start = position;
        int depth = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\'' || c == '"') {
                parseString("a string");
                continue;
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    position++;
                    return;
                }
            }
            position++;
        }
        throw malformed("unterminated list starting at offset " + start);
    }

    private boolean parseBoolean() throws NpyException {
        int start = position;
        String word = identifier();
        if (word.equals("True")) {
            return true;
        }
        if (word.equals("False")) {
            return false;
        }
        throw malformed("expected True or False at offset " + start + ", found "
                + (word.isEmpty() ? describe(peek()) : "'" + printable(word) + "'"));
    }

    private String identifier() {
        int start = position;
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    /** {@code ()}, {@code (n,)}, {@code (n, m)}, {@code (n, m,)}: a tuple, never {@code (n)}. */
    private long[] parseShapeTuple() throws NpyException {
        expect('(');
        List<Long> dimensions = new ArrayList<>();
        skipWhitespace();
        if (peek() == ')') {
            position++;
            return new long[0];
        }
        boolean sawComma = false;
        while (true) {
            skipWhitespace();
            dimensions.add(parseInteger());
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                position++;
                sawComma = true;
                skipWhitespace();
                if (peek() == ')') {
                    position++;
                    break;
                }
            } else if (next == ')') {
                position++;
                if (!sawComma) {
                    throw malformed("shape (n) is not a tuple, expected (n,) at offset " + (position - 1));
                }
                break;
            } else {
                throw malformed("expected ',' or ')' in shape at offset " + position + ", found " + describe(next));
            }
        }
        long[] result = new long[dimensions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = dimensions.get(i);
        }
        return result;
    }

    /**
     * A decimal integer literal: optional sign, digits without leading zeros (except 0 itself),
     * optional Python 2 {@code L} suffix. Saturates at +-{@link #SATURATED}.
     */
    private long parseInteger() throws NpyException {
        int start = position;
        boolean negative = false;
        char first = peek();
        if (first == '-' || first == '+') {
            negative = first == '-';
            position++;
        }
        int digitsStart = position;
        long value = 0;
        while (position < text.length() && isAsciiDigit(text.charAt(position))) {
            int digit = text.charAt(position) - '0';
            value = value > (SATURATED - digit) / 10 ? SATURATED : value * 10 + digit;
            position++;
        }
        int digitCount = position - digitsStart;
        if (digitCount == 0) {
            throw malformed("expected an integer at offset " + start + ", found " + describe(peek()));
        }
        if (digitCount > 1 && text.charAt(digitsStart) == '0') {
            throw malformed("integer with a leading zero at offset " + start);
        }
        if (peek() == 'L' || peek() == 'l') {
            position++;
        }
        if (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            throw malformed("unexpected " + describe(peek()) + " in an integer at offset " + position);
        }
        return negative ? -value : value;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void rejectRepeated(boolean seen, String key, int offset) throws NpyException {
        if (seen) {
            throw malformed("repeated key '" + key + "' at offset " + offset);
        }
    }

    private void expect(char expected) throws NpyException {
        if (peek() != expected) {
            throw malformed("expected '" + expected + "' at offset " + position + ", found " + describe(peek()));
        }
        position++;
    }

    /** The current character, or {@code \0} at the end (NUL never appears in a valid header). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return;
            }
            position++;
        }
    }

    private String describe(char c) {
        if (position >= text.length()) {
            return "end of header";
        }
        return "'" + printable(String.valueOf(c)) + "'";
    }

    private NpyException malformed(String detail) {
        return new NpyException(NpyError.MALFORMED_HEADER, source, detail);
    }

    /**
     * The text with control, non-ASCII and backslash characters escaped as {@code \xNN} or
     * {@code \\uNNNN}, cut to 60 characters, so it can appear in a one-line message.
     */
    static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < raw.length() && out.length() < 60; i++) {
            char c = raw.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (i < raw.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
