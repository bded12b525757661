package org.beyondlazy.core;

/**
 * Up-front refusal of sizes whose arrays cannot fit in the Java heap (spec E9.6): a size that would end in
 * an {@link OutOfMemoryError} minutes into a computation is rejected before any allocation with
 * {@link ErrorCode#INVALID_SIZE}, naming what needs the memory and how much the JVM has.
 */
@SpecRef("E9.6")
public final class HeapBudget {
    private HeapBudget() {
    }

    /** Bytes the JVM can still allocate: the maximum heap ({@code -Xmx}) less what is in use now. */
    public static long availableBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Requires {@code doubles} double values (a real number: products of sizes are computed in double so they
     * cannot overflow) to fit in {@link #availableBytes()}.
     *
     * @param what what needs the memory, e.g. "dense truth d^l with d=1000, l=3 (×3 arrays)"
     * @throws BeyondLazyException {@link ErrorCode#INVALID_SIZE} when they do not
     */
    public static void requireDoubles(String what, double doubles) {
        double bytes = doubles * Double.BYTES;
        long available = availableBytes();
        if (!(bytes <= available)) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, what,
                    "at most " + mib(available) + " MiB (the heap the JVM can still allocate; raise it with -Xmx)",
                    mib(bytes) + " MiB (" + String.format(java.util.Locale.ROOT, "%.3g", doubles) + " doubles)");
        }
    }

    private static long mib(double bytes) {
        return (long) Math.ceil(bytes / (1 << 20));
    }
}
