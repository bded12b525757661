package org.beyondlazy.cli;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;

/**
 * An error about one named input of the command line (an option, a file, a config field): the one-line
 * message starts with the input's name; the exit status follows the cause (spec E9.6).
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitStatus;

    public InputException(String input, String detail, int exitStatus) {
        super(input + ": " + Main.oneLine(detail));
        this.exitStatus = exitStatus;
    }

    /** Bad input (exit 2). */
    public static InputException bad(String input, String detail) {
        return new InputException(input, detail, Main.BAD_INPUT);
    }

    /** Wraps a vocabulary error raised while reading {@code input}. */
    public static InputException of(String input, BeyondLazyException cause) {
        InputException e = new InputException(input, cause.getMessage(),
                cause.code().category() == ErrorCode.Category.NUMERICAL ? Main.NUMERICAL : Main.BAD_INPUT);
        e.initCause(cause);
        return e;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
