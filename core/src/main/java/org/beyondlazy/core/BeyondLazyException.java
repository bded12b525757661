package org.beyondlazy.core;

/** An error of the project's vocabulary: a stable {@link ErrorCode} and a one-line message. */
public final class BeyondLazyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public BeyondLazyException(ErrorCode code, Object... args) {
        super(code.format(args));
        this.code = code;
    }

    private BeyondLazyException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The same error about a named input: its message prefixed with {@code input + ": "}, its code kept. */
    public static BeyondLazyException within(String input, BeyondLazyException cause) {
        return new BeyondLazyException(cause.code, input + ": " + cause.getMessage(), cause);
    }

    public ErrorCode code() {
        return code;
    }
}
