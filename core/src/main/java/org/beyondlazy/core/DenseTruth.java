package org.beyondlazy.core;

/**
 * A dense symmetric target tensor (spec E2.10), stored row-major (spec E1.1). The constructor checks
 * the length d^l, finiteness and symmetry within {@link #SYMMETRY_TOLERANCE} (spec E1.7).
 *
 * @param order   l ≥ 2
 * @param dim     d ≥ 1
 * @param entries d^l values, row-major; not copied, not modified
 */
@SpecRef({"E2.10", "E1.7"})
public record DenseTruth(int order, int dim, double[] entries) implements Truth {
    /**
     * Relative symmetry tolerance of spec E1.7: entries related by a permutation of indices may
     * differ by at most this times max(1, max_i |T_i|). Loose enough for tensors summed in a different
     * order by another program, tight enough to reject a non-symmetric array.
     */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    public DenseTruth {
        Check.atLeast("order l", order, 2);
        Check.atLeast("dimension d", dim, 1);
        int n = Sizes.denseLength(dim, order);
        Check.finite("truth tensor", Check.length("truth tensor", entries, n, "d^l = " + dim + "^" + order));
        checkSymmetric(order, dim, entries, SYMMETRY_TOLERANCE);
    }

    /**
     * The symmetric projection of a tensor stored in low precision (spec E1.7): checks symmetry within
     * {@code relTolerance}·max(1, max|T|), then averages every entry over the permutations of its indices.
     * Since T(θ) is symmetric, ⟨T(θ), T*⟩ = ⟨T(θ), sym T*⟩, so the gradient of ½‖T(θ) − T*‖² is unchanged by
     * the projection (the loss changes by a constant).
     *
     * @param entries d^l values, row-major; not modified
     * @return a new array of d^l values, exactly symmetric
     */
    public static double[] symmetrized(int order, int dim, double[] entries, double relTolerance) {
        Check.atLeast("order l", order, 2);
        Check.atLeast("dimension d", dim, 1);
        int n = Sizes.denseLength(dim, order);
        Check.finite("truth tensor", Check.length("truth tensor", entries, n, "d^l = " + dim + "^" + order));
        checkSymmetric(order, dim, entries, relTolerance);
        double[] out = new double[n];
        int[] index = new int[order];
        int[] sorted = new int[order];
        java.util.Map<Integer, double[]> sums = new java.util.HashMap<>(); // sorted offset -> {sum, count}
        for (int offset = 0; offset < n; offset++) {
            decode(offset, dim, index);
            System.arraycopy(index, 0, sorted, 0, order);
            java.util.Arrays.sort(sorted);
            double[] acc = sums.computeIfAbsent(encode(sorted, dim), key -> new double[2]);
            acc[0] += entries[offset];
            acc[1] += 1;
        }
        for (int offset = 0; offset < n; offset++) {
            decode(offset, dim, index);
            System.arraycopy(index, 0, sorted, 0, order);
            java.util.Arrays.sort(sorted);
            double[] acc = sums.get(encode(sorted, dim));
            out[offset] = acc[0] / acc[1];
        }
        return out;
    }

    private static void decode(int offset, int dim, int[] index) {
        int rest = offset;
        for (int k = index.length - 1; k >= 0; k--) {
            index[k] = rest % dim;
            rest /= dim;
        }
    }

    private static int encode(int[] index, int dim) {
        int offset = 0;
        for (int i : index) {
            offset = offset * dim + i;
        }
        return offset;
    }

    @Override
    @SpecRef("E1.5")
    public double normSquared() {
        double sum = 0;
        for (double x : entries) {
            sum += x * x;
        }
        return sum;
    }

    /**
     * Symmetry test of E1.7: adjacent transpositions generate all permutations, so comparing each
     * entry with the entry whose indices k and k+1 are swapped, for every k, is enough.
     */
    private static void checkSymmetric(int order, int dim, double[] t, double relTolerance) {
        double scale = 1.0;
        for (double x : t) {
            scale = Math.max(scale, Math.abs(x));
        }
        double tol = relTolerance * scale;
        int[] index = new int[order];
        for (int offset = 0; offset < t.length; offset++) {
            int rest = offset;
            for (int k = order - 1; k >= 0; k--) {
                index[k] = rest % dim;
                rest /= dim;
            }
            for (int k = 0; k + 1 < order; k++) {
                if (index[k] == index[k + 1]) {
                    continue;
                }
                int stride = 1;
                for (int j = order - 1; j > k + 1; j--) {
                    stride *= dim;
                }
                // offset change when i_k and i_{k+1} are swapped: strides d^{l-1-k} and d^{l-2-k}
                int swapped = offset + (index[k + 1] - index[k]) * stride * dim + (index[k] - index[k + 1]) * stride;
                double diff = Math.abs(t[offset] - t[swapped]);
                if (diff > tol) {
                    throw new BeyondLazyException(ErrorCode.NOT_SYMMETRIC, "truth tensor",
                            java.util.Arrays.toString(index), "its transpose of modes " + k + "," + (k + 1),
                            diff, tol);
                }
            }
        }
    }
}
