package org.beyondlazy.experiments;

import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.interval.ConfidenceInterval;

/** Markdown renderings of the studies' records (pure functions: they return text, they print nothing). */
public final class Tables {
    /** Confidence level of the Wilson intervals in {@link #rates}. */
    public static final double CONFIDENCE = 0.95;

    private Tables() {
    }

    /** The table of E7.5: one line per row, the variant's errors next to ρ_lazy. */
    public static String recovery(List<RecoveryExperiment.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| l | d | m | seeds | variant: median rel. error | range | reached ≤ ε | lazy residual (median, range) | time |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (RecoveryExperiment.Row row : rows) {
            double[] e = row.errors();
            String lazy = row.lazy() == null ? "not computed"
                    : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", row.lazyMedian(), Statistics.min(row.lazy()),
                            Statistics.max(row.lazy()));
            sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.2e | [%.2e, %.2e] | %d/%d (ε = %.0e) | %s | %.0f s |%n",
                    row.order(), row.dim(), row.width(), e.length, row.median(), Statistics.min(e), Statistics.max(e),
                    row.successes(), e.length, RecoveryExperiment.EPSILON, lazy, row.seconds()));
        }
        return sb.toString();
    }

    /** The table of proofs-notes/C6.md: ρ_lazy against m next to 1 − m·d/N (E5.10) and m* (E5.9). */
    public static String lazyResidual(List<LazyResidualStudy.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| d | l | N | m* | m | m·d/N | mean ρ_lazy | mean ρ_lazy² | 1 − m·d/N | min ρ_lazy | max ρ_lazy |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LazyResidualStudy.Result r : results) {
            int d = r.spec().dim();
            long n = r.symmetricDimension();
            for (LazyResidualStudy.Width w : r.widths()) {
                out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.2e | %.2e |%n",
                        d, r.spec().order(), n, r.threshold(), w.width(), (double) w.width() * d / n, w.mean(), w.meanSquare(),
                        w.predictedMeanSquare(), w.min(), w.max()));
            }
        }
        return out.toString();
    }

    /** One line per rate: label, successes/trials, rate, Wilson interval at {@link #CONFIDENCE}, failing seeds. */
    public static String rates(List<Rate> rates) {
        StringBuilder sb = new StringBuilder();
        for (Rate rate : rates) {
            ConfidenceInterval ci = rate.wilson(CONFIDENCE);
            sb.append(String.format(Locale.ROOT, "%s: %d/%d = %.3f, Wilson %.0f%% interval [%.3f, %.3f], failing seeds %s%n",
                    rate.label(), rate.successes(), rate.trials(), rate.rate(), 100 * CONFIDENCE, ci.getLowerBound(),
                    ci.getUpperBound(), rate.failing()));
        }
        return sb.toString();
    }
}
