package org.beyondlazy.core;

/** An error of the project's vocabulary: a stable {@link ErrorCode} and a one-line message. */
public final class BeyondLazyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public BeyondLazyException(ErrorCode code, Object... args) {
        super(code.format(args));
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
