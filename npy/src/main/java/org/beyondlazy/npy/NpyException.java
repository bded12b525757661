package org.beyondlazy.npy;

import java.util.Objects;

/**
 * A {@code .npy} input or output could not be read or written. Carries one {@link NpyError}
 * code, the name of the offending source (usually a file path) and a one-line message of the
 * form {@code <source>: <detail>}.
 */
public final class NpyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The error code. */
    private final NpyError error;
    /** The name of the offending input or output. */
    private final String source;

    /**
     * Creates an exception whose message is {@code source + ": " + } the code's template
     * formatted with {@code arguments}; line breaks in the result are replaced by spaces so the
     * message stays on one line.
     *
     * @param error     the code, not null
     * @param source    the name of the input or output, not null
     * @param cause     the underlying exception, or null
     * @param arguments the template arguments (see each {@link NpyError} constant)
     */
    NpyException(NpyError error, String source, Throwable cause, Object... arguments) {
        super(oneLine(source + ": " + String.format(error.messageTemplate(), arguments)), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.source = source;
    }

    /**
     * Same as {@link #NpyException(NpyError, String, Throwable, Object...)} without a cause.
     *
     * @param error     the code, not null
     * @param source    the name of the input or output, not null
     * @param arguments the template arguments
     */
    NpyException(NpyError error, String source, Object... arguments) {
        this(error, source, null, arguments);
    }

    /**
     * The error code.
     *
     * @return the code, never null
     */
    public NpyError error() {
        return error;
    }

    /**
     * The name of the input or output the error is about (a file path or the name given to a
     * stream).
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
