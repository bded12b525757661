package org.beyondlazy.core;

/**
 * The project's one error vocabulary. Each code is stable (tests and scripts assert the code, never
 * the message text) and carries a message template filled with {@link String#format}.
 *
 * <p>{@link #category()} groups the codes; the command line maps each code to an exit status in one
 * table (spec E9.6): the {@code BAD_INPUT} codes exit 2, the {@code NUMERICAL} codes exit 3.
 */
public enum ErrorCode {
    /** A size is not positive or is out of its allowed range. */
    INVALID_SIZE(Category.BAD_INPUT, "%s must be %s, found %s"),
    /** d^l (or another element count) does not fit in a Java array. */
    SIZE_OVERFLOW(Category.BAD_INPUT, "%s: %s elements do not fit in one array (limit %d)"),
    /** An array does not have the length its declared shape requires. */
    SHAPE_MISMATCH(Category.BAD_INPUT, "%s: expected %s, found %s"),
    /** An input holds NaN or an infinity. */
    NON_FINITE(Category.BAD_INPUT, "%s: non-finite value %s at index %d"),
    /** A dense truth tensor is not symmetric within the stated tolerance. */
    NOT_SYMMETRIC(Category.BAD_INPUT, "%s: not symmetric: entries %s and %s differ by %s (tolerance %s)"),
    /** A sign vector holds something other than +1 or -1. */
    INVALID_SIGN(Category.BAD_INPUT, "%s: sign at index %d is %s, expected +1 or -1"),
    /** A hyper-parameter is outside its allowed range. */
    INVALID_PARAMETER(Category.BAD_INPUT, "%s must be %s, found %s"),
    /** A model, optimizer or option name is not known. */
    UNKNOWN_NAME(Category.BAD_INPUT, "unknown %s '%s' (expected one of %s)"),
    /** A named input (an option, a combination of options, a config field) has a value that is not allowed. */
    INVALID_INPUT(Category.BAD_INPUT, "%s: %s"),
    /** An input file does not exist. */
    MISSING_FILE(Category.BAD_INPUT, "%s: no such file"),
    /** An input file cannot be parsed (corrupt {@code .npy}, JSON that is not valid). */
    MALFORMED_FILE(Category.BAD_INPUT, "%s: %s"),
    /** Reading or writing a file failed (permissions, a missing directory, a full disk). */
    IO_FAILURE(Category.BAD_INPUT, "%s: %s"),
    /** An iteration produced a non-finite value (divergence). */
    DIVERGED(Category.NUMERICAL, "%s diverged at step %d: %s"),
    /** A numerical routine failed (integrator, decomposition). */
    NUMERICAL_FAILURE(Category.NUMERICAL, "%s failed: %s"),
    /**
     * A backend does not implement an optional capability (the lazy-regime section: linearized objective,
     * tangent space). Category {@code BAD_INPUT}: asking such a backend for it is a usage error (exit 2);
     * the conformance kit reports the claims that need it as "not supported" instead of failing them.
     */
    UNSUPPORTED(Category.BAD_INPUT, "backend '%s' does not support %s");

    /** How the command line reports a code. */
    public enum Category { BAD_INPUT, NUMERICAL }

    private final Category category;
    private final String template;

    ErrorCode(Category category, String template) {
        this.category = category;
        this.template = template;
    }

    public Category category() {
        return category;
    }

    /** Fills the template; the result is one line. */
    public String format(Object... args) {
        return String.format(java.util.Locale.ROOT, template, args).replace('\n', ' ');
    }
}
