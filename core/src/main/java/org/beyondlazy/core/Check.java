package org.beyondlazy.core;

/** Input validation shared by every implementation; each failure is a {@link BeyondLazyException}. */
public final class Check {
    private Check() {
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, name, ">= " + min, value);
        }
        return value;
    }

    /** Requires {@code array.length == expected}. */
    public static double[] length(String name, double[] array, long expected, String shape) {
        if (array == null) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, name, shape, "null");
        }
        if (array.length != expected) {
            throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, name,
                    shape + " (" + expected + " values)", array.length + " values");
        }
        return array;
    }

    /** Requires every entry to be finite. */
    public static double[] finite(String name, double[] array) {
        for (int i = 0; i < array.length; i++) {
            if (!Double.isFinite(array[i])) {
                throw new BeyondLazyException(ErrorCode.NON_FINITE, name, array[i], i);
            }
        }
        return array;
    }

    /** Requires a finite, non-negative number. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, name, "finite and >= 0", value);
        }
        return value;
    }

    /** Requires a finite, positive number. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, name, "finite and > 0", value);
        }
        return value;
    }
}
