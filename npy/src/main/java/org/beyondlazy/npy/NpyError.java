package org.beyondlazy.npy;

/**
 * The error vocabulary of this module: every failure to read or write a {@code .npy} file is an
 * {@link NpyException} carrying exactly one of these codes.
 *
 * <p>The constant names are the stable codes: tests and the command line match on them, never
 * on message text, and they are never renamed or reused. Each code has a one-line message
 * template ({@link java.util.Formatter} syntax); the exception prefixes the formatted message
 * with the name of the offending source, e.g.
 * {@code W.npy: unsupported dtype '<i8' (expected float64 or float32: '<f8', '>f8', '<f4', '>f4')}.
 */
public enum NpyError {

    /** The file does not exist. Template arguments: none. */
    NOT_FOUND("file not found"),

    /**
     * The input does not start with the magic string {@code \x93NUMPY} (includes empty input).
     * Template arguments: the bytes found, quoted and escaped, or {@code empty input}.
     */
    NOT_NPY("not a .npy file: expected magic \\x93NUMPY, found %s"),

    /** The format version is not 1.0, 2.0 or 3.0. Template arguments: major, minor. */
    UNSUPPORTED_VERSION("unsupported .npy format version %d.%d (supported: 1.0, 2.0, 3.0)"),

    /**
     * The header is not a valid dictionary literal with exactly the keys {@code 'descr'},
     * {@code 'fortran_order'} and {@code 'shape'}, or its declared length exceeds
     * {@link NpyReader#MAX_HEADER_LENGTH}. Template arguments: what is wrong and where.
     */
    MALFORMED_HEADER("malformed header: %s"),

    /**
     * The dtype is not float64 or float32 (either byte order). Template arguments: the dtype
     * found, as written in the header.
     */
    UNSUPPORTED_DTYPE("unsupported dtype %s (expected a float ('<f8', '<f4', '<f2') or an integer ('<i8', '|i1', '<u4', ...) dtype)"),

    /**
     * The shape has a negative dimension, more than {@link NpyArray#MAX_DIMENSIONS} dimensions,
     * a dimension above {@link NpyArray#MAX_ELEMENTS} (even next to a zero dimension: shapes are
     * {@code int[]}), or more than {@link NpyArray#MAX_ELEMENTS} elements. Template arguments:
     * the shape, the reason.
     */
    BAD_SHAPE("bad shape %s: %s"),

    /**
     * The input ends before the part it declares is complete. Template arguments: the part
     * ({@code preamble}, {@code header} or {@code data}), expected bytes, bytes found.
     */
    TRUNCATED("truncated %s: expected %d bytes, found %d"),

    /**
     * The input continues after the data the shape and dtype declare. Template arguments:
     * expected data bytes, data bytes found.
     */
    TRAILING_DATA("trailing data: expected %d data bytes, found %d"),

    /**
     * The array the header declares does not fit in the memory the JVM can still allocate (checked before any
     * data is read). Template arguments: elements, MiB needed, MiB available.
     */
    TOO_LARGE("%d elements need %d MiB, more than the %d MiB the JVM can still allocate (raise the heap with -Xmx)"),

    /**
     * The operating system or the stream reported an error (permission denied, a directory,
     * disk full, ...). Template arguments: the underlying reason.
     */
    IO_ERROR("I/O error: %s");

    private final String messageTemplate;

    NpyError(String messageTemplate) {
        this.messageTemplate = messageTemplate;
    }

    /**
     * The one-line {@link java.util.Formatter} template of this code's message (without the
     * source prefix).
     *
     * @return the template, never null
     */
    public String messageTemplate() {
        return messageTemplate;
    }
}
