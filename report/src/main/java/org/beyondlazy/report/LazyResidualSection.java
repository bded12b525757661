package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.experiments.LazyResidualStudy;
import org.beyondlazy.properties.LazyFailureClaims;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * Audit section for C5/C6: the lazy residual ρ_lazy (A5.2) against the width m on the seeded instances of
 * A5.3, with the prediction √(1 − m·d/N) (E5.10) and the threshold m* (E5.9) marked; tangent ranks against
 * E5.8 on the same instances.
 */
@SpecRef({"C5", "C6"})
public final class LazyResidualSection implements AuditSection {
    /** Seed of the first A5.3 instance; instance s uses this + s. */
    static final long FIRST_SEED = 1000L;

    @Override
    public String id() {
        return "lazy";
    }

    @Override
    public List<String> claims() {
        return List.of("C5", "C6");
    }

    @Override
    public String title() {
        return "Lazy training needs m ≥ m*: the lazy residual against m (C5, C6)";
    }

    @Override
    public Result run(Context context) {
        int seeds = context.full() ? 40 : 8;
        int[][] cases = context.full() ? new int[][] {{8, 3}, {10, 3}, {6, 4}} : new int[][] {{8, 3}};
        Result result = Result.empty();
        List<List<String>> rows = new ArrayList<>();
        int positiveBelow = 0;
        int trialsBelow = 0;
        int zeroFrom = 0;
        int trialsFrom = 0;
        int rankMatches = 0;
        int rankTrials = 0;
        ReferenceBackend backend = new ReferenceBackend();
        for (int[] c : cases) {
            int d = c[0];
            int l = c[1];
            int maxWidth = TangentRank.threshold(d, l) + 2;
            LazyResidualStudy.Result study = LazyResidualStudy.run(backend,
                    new LazyResidualStudy.Spec(d, l, LazyResidualStudy.Spec.upTo(maxWidth), context.seed(FIRST_SEED), seeds));
            long n = study.symmetricDimension();
            int mStar = study.threshold();
            double[] ms = new double[maxWidth];
            double[] mean = new double[maxWidth];
            double[] lower = new double[maxWidth];
            double[] upper = new double[maxWidth];
            double[] predicted = new double[maxWidth];
            for (LazyResidualStudy.Width w : study.widths()) {
                int m = w.width();
                for (double rho : w.residuals()) {
                    if (w.belowThreshold()) {
                        trialsBelow++;
                        positiveBelow += rho > LazyFailureClaims.POSITIVE_FLOOR ? 1 : 0;
                    } else if (!w.defective()) {
                        trialsFrom++;
                        zeroFrom += rho <= LazyFailureClaims.ROUND_OFF ? 1 : 0;
                    }
                }
                rankTrials += seeds;
                rankMatches += w.ranksMatching();
                ms[m - 1] = m;
                double[] squares = java.util.Arrays.stream(w.residuals()).map(r -> r * r).toArray();
                Intervals.Estimate meanSquare = Intervals.mean(squares);
                mean[m - 1] = meanSquare.value();
                lower[m - 1] = meanSquare.lower();
                upper[m - 1] = meanSquare.upper();
                predicted[m - 1] = w.predictedMeanSquare();
                rows.add(List.of(Integer.toString(d), Integer.toString(l), Long.toString(n), Integer.toString(mStar), Integer.toString(m),
                        String.format(Locale.ROOT, "%.3f", w.mean()), String.format(Locale.ROOT, "%.3f", w.meanSquare()),
                        String.format(Locale.ROOT, "%.3f", predicted[m - 1])));
            }
            String file = id() + "-d" + d + "-l" + l + ".png";
            Plots.line(context.figures().resolve(file), "Lazy residual, d = " + d + ", l = " + l + " (N = " + n + ", m* = " + mStar + ")",
                    "width m", "ρ_lazy² (mean over " + seeds + " seeds)", false, List.of(
                            new Plots.Series("mean ρ_lazy² (A5.2), 95% t-interval", ms, mean, true, lower, upper),
                            new Plots.Series("1 − m·d/N (E5.10)", ms, predicted, false),
                            new Plots.Series("m* = " + mStar + " (E5.9)", new double[] {mStar, mStar}, new double[] {0, 1}, false)));
            result.figures().add(new Figure(file, "Mean of ρ_lazy² over seeds " + context.seed(FIRST_SEED) + ".." + context.seed(FIRST_SEED + seeds - 1) + " for a random unit rank-one "
                    + "target and Gaussian W₀ (A5.3), against m, with the 95% Student-t interval of the mean over seeds; the line "
                    + "1 − m·d/N and the threshold m* (vertical). Below m* the lazy limit cannot fit the target; from m* on it fits exactly.",
                    "C6 fails if the mean of ρ_lazy² is 0 somewhere below m* (the lazy limit fits although m·d < N), or if it is above "
                            + "round-off at or after m*; C5 (the rank behind the threshold) fails if the tangent ranks of the table differ from E5.8."));
        }
        result.tables().add(new Table("ρ_lazy against m", List.of("d", "l", "N", "m*", "m", "mean ρ", "mean ρ²", "1 − md/N"), rows));
        result.measurements().add(new Measurement("C6", positiveBelow + "/" + trialsBelow + " instances below m* have ρ_lazy > " + LazyFailureClaims.POSITIVE_FLOOR + "; "
                        + zeroFrom + "/" + trialsFrom + " from m* have ρ_lazy ≤ " + LazyFailureClaims.ROUND_OFF,
                context.seed(FIRST_SEED) + ".." + context.seed(FIRST_SEED + seeds - 1), positiveBelow + zeroFrom, trialsBelow + trialsFrom));
        result.measurements().add(new Measurement("C5", rankMatches + "/" + rankTrials
                + " tangent ranks (A5.1) equal the formula E5.8", context.seed(FIRST_SEED) + ".." + context.seed(FIRST_SEED + seeds - 1), rankMatches, rankTrials));
        return new Result("The lazy (NTK) limit fits the best approximation of T* in the tangent space V(W₀); its relative error is "
                + "ρ_lazy. W20's lower bound in its quantitative form: ρ_lazy > 0 below m* = ⌈N(d,l)/d⌉, ≈ 0 from m* on.",
                result.figures(), result.tables(), result.measurements());
    }
}
