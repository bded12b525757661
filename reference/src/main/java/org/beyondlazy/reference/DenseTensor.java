package org.beyondlazy.reference;

import org.beyondlazy.core.Check;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;

/**
 * A dense tensor of order l in dimension d, all d^l entries stored row-major (spec E1.1): entry
 * (i_1, …, i_l) at offset Σ_k i_k·d^{l−k}. Mutable; the reference keeps it deliberately simple,
 * with plain loops and no symmetry tricks.
 */
@SpecRef("E1.1")
public final class DenseTensor {
    private final int order;
    private final int dim;
    private final double[] entries;

    /** A zero tensor; validates d ≥ 1, l ≥ 0 and that d^l fits in an array. */
    public DenseTensor(int order, int dim) {
        this.order = Check.atLeast("order l", order, 0);
        this.dim = Check.atLeast("dimension d", dim, 1);
        int length = order == 0 ? 1 : Sizes.denseLength(dim, order);
        org.beyondlazy.core.HeapBudget.requireDoubles("dense tensor d^l with d=" + dim + ", l=" + order, length);
        this.entries = new double[length];
    }

    /** Wraps a copy of {@code entries} (length d^l). */
    public static DenseTensor of(int order, int dim, double[] entries) {
        DenseTensor t = new DenseTensor(order, dim);
        Check.length("tensor entries", entries, t.entries.length, "d^l");
        System.arraycopy(entries, 0, t.entries, 0, entries.length);
        return t;
    }

    /** The dense form of a truth: a copy for a dense truth, Σ_j c_j u_j^{⊗l} for a factored one (E2.10). */
    @SpecRef("E2.10")
    public static DenseTensor of(Truth truth) {
        if (truth instanceof DenseTruth dense) {
            return of(dense.order(), dense.dim(), dense.entries());
        }
        FactoredTruth f = (FactoredTruth) truth;
        DenseTensor t = new DenseTensor(f.order(), f.dim());
        for (int j = 0; j < f.rank(); j++) {
            t.addRankOnePower(f.coeffs()[j], f.factor(j)); // T* += c_j u_j^{⊗l}
        }
        return t;
    }

    public int order() {
        return order;
    }

    public int dim() {
        return dim;
    }

    /** The backing array (row-major); modifications are visible. */
    public double[] entries() {
        return entries;
    }

    /** The multi-index (i_1, …, i_l) of a flat offset (E1.1). */
    public int[] indexOf(int offset) {
        int[] index = new int[order];
        int rest = offset;
        for (int k = order - 1; k >= 0; k--) {
            index[k] = rest % dim;
            rest /= dim;
        }
        return index;
    }

    /**
     * this += scale · v^{⊗l} (spec E1.3): entry (i_1..i_l) gains scale·v_{i_1}⋯v_{i_l}.
     *
     * @param v length d; not modified. Modifies this tensor.
     */
    @SpecRef("E1.3")
    public void addRankOnePower(double scale, double[] v) {
        Check.length("vector", v, dim, "d = " + dim);
        for (int offset = 0; offset < entries.length; offset++) {
            int[] index = indexOf(offset);
            double product = scale;
            for (int k = 0; k < order; k++) {
                product *= v[index[k]];
            }
            entries[offset] += product;
        }
    }

    /** v^{⊗l} as a new tensor (spec E1.3). */
    @SpecRef("E1.3")
    public static DenseTensor rankOnePower(double[] v, int order) {
        DenseTensor t = new DenseTensor(order, v.length);
        t.addRankOnePower(1.0, v);
        return t;
    }

    /**
     * A(v^{⊗k}): contracts the last k modes with v (spec E1.4); for a symmetric A which modes does not
     * matter. Returns the d^{l−k} entries of the order-(l−k) result (a single entry when k = l).
     *
     * @param v length d; not modified
     */
    @SpecRef("E1.4")
    public double[] contract(double[] v, int k) {
        Check.length("vector", v, dim, "d = " + dim);
        if (k < 0 || k > order) {
            throw new IllegalArgumentException("k must be in [0, l], found " + k);
        }
        double[] current = entries.clone();
        for (int step = 0; step < k; step++) {
            // contract the last remaining mode: out[p] = Σ_a current[p·d + a] v_a
            double[] next = new double[current.length / dim];
            for (int p = 0; p < next.length; p++) {
                double sum = 0;
                for (int a = 0; a < dim; a++) {
                    sum += current[p * dim + a] * v[a];
                }
                next[p] = sum;
            }
            current = next;
        }
        return current;
    }

    /** ⟨A, B⟩ = Σ entries A_i B_i (spec E1.5). */
    @SpecRef("E1.5")
    public double inner(DenseTensor other) {
        Check.length("tensor", other.entries, entries.length, "d^l");
        double sum = 0;
        for (int i = 0; i < entries.length; i++) {
            sum += entries[i] * other.entries[i];
        }
        return sum;
    }

    /** ‖A‖_F (spec E1.5). */
    @SpecRef("E1.5")
    public double norm() {
        return Math.sqrt(inner(this));
    }

    /** this − other as a new tensor. */
    public DenseTensor minus(DenseTensor other) {
        Check.length("tensor", other.entries, entries.length, "d^l");
        DenseTensor out = new DenseTensor(order, dim);
        for (int i = 0; i < entries.length; i++) {
            out.entries[i] = entries[i] - other.entries[i];
        }
        return out;
    }
}
