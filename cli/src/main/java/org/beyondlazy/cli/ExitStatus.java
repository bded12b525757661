package org.beyondlazy.cli;

import java.io.UncheckedIOException;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.NpyInputs;
import org.beyondlazy.npy.NpyException;

/**
 * The exit statuses of the command (spec E9.6) and the one table from error code to status. The switch
 * has no default: a new {@link ErrorCode} does not compile until it is given a status here.
 */
@SpecRef("E9.6")
public final class ExitStatus {
    /** Success. */
    public static final int OK = 0;
    /** A check or claim failed. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Numerical failure. */
    public static final int NUMERICAL = 3;
    /** An internal error (a bug). */
    public static final int INTERNAL = 4;
    /**
     * Ended by SIGTERM (128 + 15): the process dies of the signal after its clean-up ({@link TerminationSignals}, spec
     * E9.7); shells and {@link Process#exitValue()} report this status.
     */
    public static final int TERMINATED = 143;
    /** Ended by SIGINT, Ctrl-C (128 + 2), as {@link #TERMINATED}. */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }

    /** The status of an error code (spec E9.6). */
    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_SIZE, SIZE_OVERFLOW, SHAPE_MISMATCH, NON_FINITE, NOT_SYMMETRIC, INVALID_SIGN, INVALID_PARAMETER,
                    UNKNOWN_NAME, INVALID_INPUT, MISSING_FILE, MALFORMED_FILE, IO_FAILURE, UNSUPPORTED -> BAD_INPUT;
            case DIVERGED, NUMERICAL_FAILURE -> NUMERICAL;
        };
    }

    /** The code of an exception the command reports, or null for an internal error (a bug). */
    public static ErrorCode codeOf(Throwable ex) {
        if (ex instanceof BeyondLazyException be) {
            return be.code();
        }
        if (ex instanceof NpyException ne) {
            return NpyInputs.codeOf(ne.error());
        }
        if (ex instanceof UncheckedIOException || ex instanceof java.io.IOException) {
            return ErrorCode.IO_FAILURE;
        }
        if (ex instanceof ArithmeticException) {
            return ErrorCode.SIZE_OVERFLOW; // an exact size computation overflowed (e.g. N(d,l) for huge d, l)
        }
        return null;
    }

    /** The status of an exception: its code's, else {@link #INTERNAL}. */
    public static int of(Throwable ex) {
        ErrorCode code = codeOf(ex);
        return code == null ? INTERNAL : of(code);
    }
}
