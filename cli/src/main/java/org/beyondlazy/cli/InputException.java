package org.beyondlazy.cli;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.npy.NpyError;
import org.beyondlazy.npy.NpyException;

/**
 * An error about one named input of the command line (an option, a file, a config field): a code of the
 * project's error vocabulary and a one-line message that starts with the input's name. The exit status
 * follows the code ({@link ExitStatus#of(ErrorCode)}, spec E9.6).
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public InputException(ErrorCode code, String input, String detail) {
        super(input + ": " + Main.oneLine(detail));
        this.code = code;
    }

    /** An input whose value is not allowed ({@link ErrorCode#INVALID_INPUT}). */
    public static InputException bad(String input, String detail) {
        return new InputException(ErrorCode.INVALID_INPUT, input, detail);
    }

    /** Wraps a vocabulary error raised while reading {@code input}; keeps its code. */
    public static InputException of(String input, BeyondLazyException cause) {
        InputException e = new InputException(cause.code(), input, cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /** A {@code .npy} error about {@code input}, with the vocabulary code of its kind. */
    public static InputException of(String input, NpyException cause) {
        InputException e = new InputException(codeOf(cause.error()), input, cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /** The vocabulary code of a {@code .npy} error (no default: a new kind must be placed here). */
    public static ErrorCode codeOf(NpyError error) {
        return switch (error) {
            case NOT_FOUND -> ErrorCode.MISSING_FILE;
            case NOT_NPY, UNSUPPORTED_VERSION, MALFORMED_HEADER, UNSUPPORTED_DTYPE, BAD_SHAPE, TRUNCATED, TRAILING_DATA -> ErrorCode.MALFORMED_FILE;
            case IO_ERROR -> ErrorCode.IO_FAILURE;
            case TOO_LARGE -> ErrorCode.INVALID_SIZE;
        };
    }

    public ErrorCode code() {
        return code;
    }
}
