package org.beyondlazy.core;

/** An error of the project's vocabulary: a stable {@link ErrorCode} and a one-line message. */
public final class BeyondLazyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public BeyondLazyException(ErrorCode code, Object... args) {
        super(code.format(args));
        this.code = code;
    }

    private BeyondLazyException(String message, ErrorCode code) {
        super(message);
        this.code = code;
    }

    private BeyondLazyException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The same error about a named input: its message prefixed with {@code input + ": "}, its code kept. */
    public static BeyondLazyException within(String input, BeyondLazyException cause) {
        return new BeyondLazyException(cause.code, input + ": " + oneLine(cause.getMessage()), cause);
    }

    /**
     * An error about a named input (an option, a file, a config field) whose detail is free text: the message is
     * {@code input + ": " + detail}, on one line.
     */
    public static BeyondLazyException about(ErrorCode code, String input, String detail) {
        return new BeyondLazyException(input + ": " + oneLine(detail), code);
    }

    /** {@link #about(ErrorCode, String, String)} caused by {@code cause} (e.g. a file-format error). */
    public static BeyondLazyException about(ErrorCode code, String input, String detail, Throwable cause) {
        return new BeyondLazyException(code, input + ": " + oneLine(detail), cause);
    }

    /** An input whose value is not allowed: {@link ErrorCode#INVALID_INPUT} {@link #about} {@code input}. */
    public static BeyondLazyException invalid(String input, String detail) {
        return about(ErrorCode.INVALID_INPUT, input, detail);
    }

    /** Runs {@code body}, prefixing any error of the vocabulary it raises with the input's name ({@link #within}). */
    public static <T> T withInput(String input, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (BeyondLazyException e) {
            throw within(input, e);
        }
    }

    /** {@code message} on one line: line breaks become spaces; null becomes the empty string. */
    public static String oneLine(String message) {
        return message == null ? "" : message.replace('\r', ' ').replace('\n', ' ').trim();
    }

    public ErrorCode code() {
        return code;
    }
}
