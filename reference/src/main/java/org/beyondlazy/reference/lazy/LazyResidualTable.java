package org.beyondlazy.reference.lazy;

import java.util.Locale;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentRank;

/**
 * Prints the Markdown table of proofs-notes/C6.md: the mean lazy residual (A5.2) over seeded instances of
 * A5.3 against m, next to the prediction 1 − m·d/N (E5.10) and the threshold m* (E5.9).
 *
 * <p>Arguments: optional number of seeds (default 5; seeds 1..n). Regenerate with the command in C6.md.
 */
@SpecRef({"A5.2", "A5.3", "E5.9", "E5.10"})
public final class LazyResidualTable {
    private LazyResidualTable() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[][] shapes = {{8, 3}, {10, 3}, {6, 4}};
        StringBuilder out = new StringBuilder();
        out.append("| d | l | N | m* | m | m·d/N | mean ρ_lazy | mean ρ_lazy² | 1 − m·d/N | min ρ_lazy | max ρ_lazy |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int[] shape : shapes) {
            int d = shape[0];
            int l = shape[1];
            long n = Sizes.symmetricDimension(d, l);
            int mStar = TangentRank.threshold(d, l);
            int[] widths = {1, 5, (mStar + 1) / 2 - 1, mStar / 2, mStar - 1, mStar};
            java.util.SortedSet<Integer> set = new java.util.TreeSet<>();
            for (int m : widths) {
                set.add(Math.max(1, m));
            }
            for (int m : set) {
                double sum = 0;
                double sumSquares = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (int seed = 1; seed <= seeds; seed++) {
                    LazyInstances.Instance inst = LazyInstances.rankOneTarget(seed, d, l, m);
                    Problem p = Problem.of(ModelKind.PLAIN, m, 0.0, inst.truth());
                    double rho = new ReferenceTangentSpace(p, inst.initialization(m)).lazyResidual(inst.truth());
                    sum += rho;
                    sumSquares += rho * rho;
                    min = Math.min(min, rho);
                    max = Math.max(max, rho);
                }
                out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.2e | %.2e |%n",
                        d, l, n, mStar, m, (double) m * d / n, sum / seeds, sumSquares / seeds,
                        TangentRank.predictedMeanSquare(d, l, m), min, max));
            }
        }
        System.out.print(out);
    }
}
