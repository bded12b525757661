package org.beyondlazy.core;

/** Element counts of tensors, with overflow checks. */
public final class Sizes {
    /** Largest array length the JVM reliably allocates. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * Number of entries d^l of a dense order-l tensor in dimension d (spec E1.1).
     *
     * @throws BeyondLazyException {@link ErrorCode#SIZE_OVERFLOW} when d^l exceeds {@link #MAX_ARRAY_LENGTH}
     */
    @SpecRef("E1.1")
    public static int denseLength(int dim, int order) {
        Check.atLeast("dimension d", dim, 1);
        Check.atLeast("order l", order, 1);
        long n = 1;
        for (int k = 0; k < order; k++) {
            n *= dim;
            if (n > MAX_ARRAY_LENGTH) {
                throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW,
                        "dense tensor with d=" + dim + ", l=" + order,
                        "d^l = " + java.math.BigInteger.valueOf(dim).pow(order), MAX_ARRAY_LENGTH);
            }
        }
        return (int) n;
    }

    /**
     * Dimension of the space of symmetric order-l tensors, N(d,l) = C(d+l-1, l) (spec E1.2).
     * Exact in long arithmetic; throws on overflow.
     */
    @SpecRef("E1.2")
    public static long symmetricDimension(int dim, int order) {
        Check.atLeast("dimension d", dim, 1);
        Check.atLeast("order l", order, 0);
        // C(d+l-1, l) = prod_{k=1..l} (d-1+k)/k, each partial product is itself a binomial coefficient
        long result = 1;
        try {
            for (int k = 1; k <= order; k++) {
                result = Math.multiplyExact(result, (long) dim - 1 + k) / k;
            }
        } catch (ArithmeticException overflow) {
            throw new BeyondLazyException(ErrorCode.SIZE_OVERFLOW, "symmetric dimension C(d+l-1, l) with d=" + dim
                    + ", l=" + order, "more than 2^63", Long.MAX_VALUE);
        }
        return result;
    }
}
