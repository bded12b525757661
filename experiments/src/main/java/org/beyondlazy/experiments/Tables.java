package org.beyondlazy.experiments;

import java.util.List;
import java.util.Locale;
import org.beyondlazy.experiments.scaling.LogLogFit;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.beyondlazy.experiments.scaling.SeedTrials;
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

    /**
     * A proofs-notes fragment: the command that produced the study and its wall time, then {@link #scalingLaw}'s tables.
     *
     * @param command the command line as typed, e.g. {@code ./beyondlazy experiment scaling-law --profile full}
     * @param threads the threads the seeds ran on
     */
    public static String scalingLawNote(String command, ScalingLawStudy.Result result, int threads) {
        return String.format(Locale.ROOT, "Command: `%s` — wall time %.0f s (%d thread(s)).%n%n%s", command, result.seconds(), threads,
                scalingLaw(result));
    }

    /**
     * The tables of the scaling-law experiment (E7.10) in Markdown: a header line (backend, seeds, rule, schedule), per
     * order the d side, the rank side, and the fits — the cells of {@link #scalingDimensionRows}, {@link #scalingRankRows}
     * and {@link #scalingFitRows}.
     */
    public static String scalingLaw(ScalingLawStudy.Result result) {
        StringBuilder sb = new StringBuilder();
        ScalingLawStudy.Spec spec = result.spec();
        sb.append(scalingSummary(result)).append("\n\n");
        for (ScalingLawStudy.OrderResult o : result.orders()) {
            sb.append(String.format(Locale.ROOT, "**l = %d, r = %d.** Lazy residual at m = %d on %d A5.3 instance(s); the variant's m_min "
                    + "from the upward scan (width: successes/judged); controls at m_min with the same budget H·K.%n%n",
                    o.grid().order(), spec.rank(), o.grid().fixedWidth(), spec.lazySeeds()));
            sb.append(markdown(scalingDimensionHeader(o.grid().fixedWidth()), scalingDimensionRows(result, o))).append('\n');
        }
        if (result.rank() != null) {
            sb.append(String.format(Locale.ROOT, "**Rank side, l = %d, d = %d.**%n%n", result.rank().grid().order(), result.rank().grid().dim()));
            sb.append(markdown(SCALING_RANK_HEADER, scalingRankRows(result))).append('\n');
        }
        sb.append("**Fits** (OLS of log y on log x, 95% t-interval of the slope; none with two points).\n\n");
        sb.append(markdown(SCALING_FIT_HEADER, scalingFitRows(result)));
        return sb.toString();
    }

    /** One line: backend, threads, wall time, truth, seeds, the pass rule and the schedule of E7.9. */
    public static String scalingSummary(ScalingLawStudy.Result result) {
        ScalingLawStudy.Spec spec = result.spec();
        return String.format(Locale.ROOT, "Backend %s, %d thread(s), wall time %.0f s. Truth r random unit rows (truth seed 1000 + s), "
                + "c* = 1/3; run seeds %d..%d per point; success: relative error ≤ %.0e; a point passes when the Wilson 95%% lower bound "
                + "is ≥ %.2f (%d of %d seeds). Schedule (E7.9): %s.", result.backend(), result.threads(), result.seconds(),
                spec.firstSeed(), spec.firstSeed() + spec.seedsPerPoint() - 1, spec.epsilon(), spec.requiredLower(),
                SeedTrials.requiredSuccesses(spec.seedsPerPoint(), spec.requiredLower()), spec.seedsPerPoint(), schedule(spec));
    }

    /** Header of the d-side table at a fixed width. */
    public static List<String> scalingDimensionHeader(int fixedWidth) {
        return List.of("d", "N(d,l)", "m*(d,l)", "ρ_lazy at m = " + fixedWidth, "m_min", "scan", "Wilson 95% at m_min", "vanilla GD at m_min",
                "no re-init at m_min", "ingredients needed", "H·K", "variant at m = " + fixedWidth + ": reached, median error, median steps",
                "time");
    }

    /** The d-side rows of one order. */
    public static List<List<String>> scalingDimensionRows(ScalingLawStudy.Result result, ScalingLawStudy.OrderResult o) {
        ScalingLawStudy.Spec spec = result.spec();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int k = 0; k < o.points().size(); k++) {
            ScalingLawStudy.DimensionPoint p = o.points().get(k);
            String lazy = "—";
            String n = "—";
            if (o.lazy() != null) {
                var lp = o.lazy().points().get(k);
                lazy = String.format(Locale.ROOT, "%.4f", lp.lazy().mean());
                n = Long.toString(lp.symmetricDimension());
            }
            SeedTrials.Trials pass = p.search().passing();
            Boolean needed = p.ingredientsNeeded();
            rows.add(List.of(Integer.toString(p.dim()), n, Integer.toString(p.threshold()), lazy,
                    p.search().found() ? Integer.toString(p.search().width()) : "not found ≤ " + spec.widths()[spec.widths().length - 1],
                    scan(p.search()), pass == null ? "—" : interval(pass), control(p.vanilla()), control(p.noReinit()),
                    needed == null ? "—" : needed ? "yes (both controls fail)" : "**no** (a control passes at this size)",
                    Long.toString(p.stepBudget()), String.format(Locale.ROOT, "%d/%d, %.2e, %.0f", p.fixed().successes(), p.fixed().run(),
                            p.fixed().medianError(), p.fixed().medianStepsToTarget()),
                    String.format(Locale.ROOT, "%.0f s", p.seconds())));
        }
        return rows;
    }

    /** Header of the rank-side table. */
    public static final List<String> SCALING_RANK_HEADER = List.of("r", "epochs K", "H·K", "m_min", "scan", "Wilson 95% at m_min", "time");

    /** The rank-side rows (empty without a rank side). */
    public static List<List<String>> scalingRankRows(ScalingLawStudy.Result result) {
        List<List<String>> rows = new java.util.ArrayList<>();
        ScalingLawStudy.RankResult r = result.rank();
        if (r == null) {
            return rows;
        }
        for (ScalingLawStudy.RankPoint p : r.points()) {
            SeedTrials.Trials pass = p.search().passing();
            rows.add(List.of(Integer.toString(p.rank()), Integer.toString(p.epochs()),
                    Long.toString(result.spec().schedule().stepBudget(r.grid().order(), r.grid().dim(), p.rank())),
                    p.search().found() ? Integer.toString(p.search().width()) : "not found", scan(p.search()),
                    pass == null ? "—" : interval(pass), String.format(Locale.ROOT, "%.0f s", p.seconds())));
        }
        return rows;
    }

    /** Header of the fit table. */
    public static final List<String> SCALING_FIT_HEADER = List.of("quantity", "against", "l", "points", "slope", "95% interval", "W20");

    /** The fits: per order m*(d), m_min(d), steps to ε at the fixed m; then m_min(r). */
    public static List<List<String>> scalingFitRows(ScalingLawStudy.Result result) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ScalingLawStudy.OrderResult o : result.orders()) {
            int l = o.grid().order();
            rows.add(fitRow("lazy threshold m*(d)", "d", l, o.thresholdFit(), "→ l − 1 = " + (l - 1)));
            rows.add(fitRow("variant m_min(d)", "d", l, o.minWidthFit(), "≈ 0 (at most log d)"));
            rows.add(fitRow("median steps to ε at m = " + o.grid().fixedWidth(), "d", l, o.stepsFit(), "polynomial (no exponent stated)"));
        }
        if (result.rank() != null) {
            rows.add(fitRow("variant m_min(r), d = " + result.rank().grid().dim(), "r", result.rank().grid().order(),
                    result.rank().minWidthFit(), String.format(Locale.ROOT, "upper bound r^%.1f", result.rank().theoremExponent())));
        }
        return rows;
    }

    /** A Markdown table. */
    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int k = 0; k < header.size(); k++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    private static String schedule(ScalingLawStudy.Spec spec) {
        StringBuilder sb = new StringBuilder();
        var s = spec.schedule();
        sb.append(String.format(Locale.ROOT, "η = %s, λ = %s, vanilla rows of norm %s", s.eta(), s.lambda(), s.vanillaInitNorm()));
        for (var b : s.orders()) {
            sb.append(String.format(Locale.ROOT, "; l = %d: H = ⌈%d·(d/%d)^%s⌉, K = ⌈%d·r/3⌉, δ = %s", b.order(), b.stepsPerEpoch(),
                    b.calibrationDim(), (b.order() - 2) / 2.0, b.epochs(), b.delta()));
        }
        return sb.toString();
    }

    private static String scan(ScalingLawStudy.WidthSearch search) {
        StringBuilder sb = new StringBuilder();
        for (ScalingLawStudy.WidthPoint w : search.scanned()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(w.width()).append(": ").append(w.trials().successes()).append('/').append(w.trials().run());
        }
        return sb.toString();
    }

    private static String interval(SeedTrials.Trials t) {
        double[] w = t.wilson();
        return String.format(Locale.ROOT, "%d/%d [%.3f, %.3f]", t.successes(), t.run(), w[0], w[1]);
    }

    private static String control(SeedTrials.Trials t) {
        if (t == null) {
            return "not run";
        }
        return (t.passed() ? "passes " : "fails ") + t.successes() + "/" + t.run() + (t.stoppedEarly() ? " (stopped)" : "");
    }

    private static List<String> fitRow(String quantity, String against, int order, LogLogFit fit, String expected) {
        String slope = Double.isFinite(fit.slope()) ? String.format(Locale.ROOT, "%.2f", fit.slope()) : "—";
        String ci = fit.hasInterval() ? String.format(Locale.ROOT, "[%.2f, %.2f]", fit.lower(), fit.upper()) : "—";
        return List.of(quantity, against, Integer.toString(order), Integer.toString(fit.points()), slope, ci, expected);
    }

    /** The header line of {@code experiment recovery}: backend, seeds, truth and the options of each order (E7.5). */
    public static String recoveryHeader(String backend, int seeds, int[][] orderAndDims, boolean lazy) {
        StringBuilder configs = new StringBuilder();
        for (int[] g : orderAndDims) {
            configs.append("; l=").append(g[0]).append(": ").append(RecoveryExperiment.paperScaleConfig(g[0]));
        }
        return "Backend: " + backend + ", seeds 0.." + (seeds - 1) + ", truth seeds " + RecoveryExperiment.TRUTH_SEED_OFFSET
                + "+s, r = " + RecoveryExperiment.RANK + " random unit u_j*, c_j* = 1/3" + configs
                + (lazy ? "; lazy column on " + backend : "; lazy column left out") + System.lineSeparator();
    }

    /** The "Measured rates" block of spec/07-variant.md ({@code experiment variant-rates}). */
    public static String variantRates(VariantRates.Result result) {
        StringBuilder out = new StringBuilder("Backend " + result.backend() + ", seeds " + result.firstSeed() + ".."
                + (result.firstSeed() + result.seeds() - 1) + System.lineSeparator());
        out.append(rates(result.rates()));
        double[] lambdas = FloorStudy.lambdas();
        for (int k = 0; k < lambdas.length; k++) {
            out.append(String.format(java.util.Locale.ROOT, "C13 lambda=%.1e: %d/%d runs fit every component; max |final/predicted - 1| over them = %.2e%n",
                    lambdas[k], result.floorFitted()[k], result.seeds(), result.floorWorst()[k]));
        }
        return out.toString();
    }

    /** The C10 loss curve of proofs-notes/C10.md: ‖T − T*‖² every 10 steps up to step 300 (E7.8). */
    public static String deflationCurve(DeflationStudy.Deflation result) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "C10 seed %d: fit steps %s, staircase levels %s%n%n",
                result.seed(), java.util.Arrays.toString(result.fitSteps()), java.util.Arrays.toString(result.expected())));
        out.append("| step | ‖T − T*‖² |").append(System.lineSeparator()).append("|---|---|").append(System.lineSeparator());
        for (int k = 0; k <= 300 && k < result.misfit().length; k += 10) {
            out.append(String.format(java.util.Locale.ROOT, "| %d | %.4f |%n", k, result.misfit()[k]));
        }
        return out.toString();
    }
}
