package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.Tables;
import org.beyondlazy.experiments.scaling.LogLogFit;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.beyondlazy.fast.Blas;
import org.beyondlazy.fast.GramBackend;

/**
 * The audit's headline (claim C8 as a scaling claim, spec E7.10): the scaling-law experiment on the fast path — a
 * log–log phase diagram in (d, m) per order with the exact lazy boundary m*(d), the variant's measured m_min(d),
 * the widths that failed below it and the two controls; the fixed-m figure (lazy residual and the variant's error
 * against d); m_min against r. Quick profile: E7.10's reduced grid; full profile: the whole grid. Judges nothing
 * (C8's verdict comes from the kit's property).
 */
@SpecRef({"C8", "E7.10"})
public final class ScalingLawSection implements AuditSection {
    /** Vertical offsets of the control markers from m_min, so that they do not hide the m_min marker. */
    static final double VANILLA_OFFSET = 1.15;
    static final double NO_REINIT_OFFSET = 0.87;
    /** The fixed-m figure draws lazy residuals below this (round-off where m ≥ m*) at this value, so the log axis stays readable. */
    static final double RESIDUAL_FLOOR = 1e-4;

    @Override
    public String id() {
        return "scaling-law";
    }

    @Override
    public List<String> claims() {
        return List.of("C8");
    }

    @Override
    public String title() {
        return "Headline: the separation at scale — the lazy wall m*(d) against the variant's measured width m_min(d) (C8)";
    }

    @Override
    public Result run(Context context) {
        ScalingLawStudy.Spec spec = (context.full() ? ScalingLawStudy.Spec.full() : ScalingLawStudy.Spec.quick())
                .withSeedsShiftedBy(context.seedShift());
        GramBackend fast = new GramBackend();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        // seeds run in parallel; BLAS threads on top of them only synchronize (Blas.singleThreaded's measurement)
        ScalingLawStudy.Result study = Blas.singleThreaded(() -> ScalingLawStudy.cached(fast, spec, threads, context.log()));
        Result result = Result.empty();
        Figure headline = null;
        for (ScalingLawStudy.OrderResult o : study.orders()) {
            String file = id() + "-phase-l" + o.grid().order() + ".png";
            phaseDiagram(context, file, o);
            Figure phase = new Figure(file, String.format(Locale.ROOT, "Phase diagram, l = %d, r = %d (log–log): the exact lazy boundary "
                    + "m*(d) (E5.9; below it the lazy regime cannot fit a generic target), the variant's measured m_min(d) (smallest grid "
                    + "width whose Wilson 95%% lower bound is ≥ %.2f), the grid widths that failed below it (m_min lies between the highest "
                    + "failed width and m_min), and the controls at m_min (drawn ×%.2f and ×%.2f of m_min for legibility).",
                    o.grid().order(), spec.rank(), spec.requiredLower(), VANILLA_OFFSET, NO_REINIT_OFFSET),
                    "C8's scaling form fails if m_min(d) is missing at some d of the grid, if its log–log slope's interval lies above "
                            + "the slope of m*(d) or excludes values ≤ 1, or if the lazy boundary m*(d) does not grow like d^(l−1).");
            result.figures().add(phase);
            if (headline == null) {
                headline = phase;
            }
            result.tables().add(new Table(String.format(Locale.ROOT, "l = %d: the d side (E7.10)", o.grid().order()),
                    Tables.scalingDimensionHeader(o.grid().fixedWidth()), Tables.scalingDimensionRows(study, o)));
        }
        String fixed = id() + "-fixed-m.png";
        fixedWidthFigure(context, fixed, study);
        result.figures().add(new Figure(fixed, "Fixed m (30 for l = 3, 40 for l = 4), growing d: the lazy residual's mean (A5.3 instances; "
                + "values below " + RESIDUAL_FLOOR + " — round-off where m ≥ m* — drawn at " + RESIDUAL_FLOOR + ") and the variant's median "
                + "final relative error (early stop at ε = 5e-3, so it sits just below ε)."));
        if (study.rank() != null) {
            String rank = id() + "-rank.png";
            rankFigure(context, rank, study.rank());
            result.figures().add(new Figure(rank, "m_min against the truth's rank r at fixed (l, d), with the line m = r; W20's width bound grows as r^"
                    + study.rank().theoremExponent() + "."));
            result.tables().add(new Table("The rank side (E7.10)", Tables.SCALING_RANK_HEADER, Tables.scalingRankRows(study)));
        }
        result.tables().add(new Table("Log–log fits (OLS, 95% t-intervals)", Tables.SCALING_FIT_HEADER, Tables.scalingFitRows(study)));
        result.measurements().add(new Measurement("C8", measurement(study), "run seeds " + spec.firstSeed() + ".."
                + (spec.firstSeed() + spec.seedsPerPoint() - 1) + " per point, truth seeds 1000 + s", null, null));
        Result out = new Result(Tables.scalingSummary(study) + " " + controlsSentence(study), result.figures(), result.tables(),
                result.measurements());
        return headline == null ? out : out.withHeadline(headline);
    }

    /** One line per order: m_min found at k of n d, its slope, the slope of m*, and the controls that passed. */
    static String measurement(ScalingLawStudy.Result study) {
        StringBuilder sb = new StringBuilder();
        for (ScalingLawStudy.OrderResult o : study.orders()) {
            long found = o.points().stream().filter(p -> p.search().found()).count();
            sb.append(String.format(Locale.ROOT, "l = %d: m_min found at %d of %d d (d = %d…%d), m_min(d) = %s, slope %s; m*(d) slope %s. ",
                    o.grid().order(), found, o.points().size(), o.grid().dims()[0], o.grid().dims()[o.grid().dims().length - 1],
                    o.points().stream().map(p -> p.search().found() ? Integer.toString(p.search().width()) : "—").toList(),
                    slope(o.minWidthFit()), slope(o.thresholdFit())));
        }
        if (study.rank() != null) {
            sb.append(String.format(Locale.ROOT, "m_min(r) slope %s (W20's bound: %.1f).", slope(study.rank().minWidthFit()),
                    study.rank().theoremExponent()));
        }
        return sb.toString().trim();
    }

    /** Names every (l, d) where a control passed at m_min: there the variant's ingredients were not needed. */
    static String controlsSentence(ScalingLawStudy.Result study) {
        List<String> notNeeded = new ArrayList<>();
        for (ScalingLawStudy.OrderResult o : study.orders()) {
            for (ScalingLawStudy.DimensionPoint p : o.points()) {
                if (Boolean.FALSE.equals(p.ingredientsNeeded())) {
                    notNeeded.add("l = " + p.order() + ", d = " + p.dim() + " (m = " + p.search().width() + ": "
                            + (p.vanilla().passed() ? "vanilla GD" : "") + (p.vanilla().passed() && p.noReinit().passed() ? " and " : "")
                            + (p.noReinit().passed() ? "no re-initialization" : "") + " also passes)");
                }
            }
        }
        return notNeeded.isEmpty() ? "Both controls fail at every m_min: there the variant's ingredients were needed."
                : "The variant's ingredients were not needed at " + String.join("; ", notNeeded) + ".";
    }

    private static String slope(LogLogFit fit) {
        if (!Double.isFinite(fit.slope())) {
            return "—";
        }
        return fit.hasInterval() ? String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", fit.slope(), fit.lower(), fit.upper())
                : String.format(Locale.ROOT, "%.2f", fit.slope());
    }

    private static void phaseDiagram(Context context, String file, ScalingLawStudy.OrderResult o) {
        List<Plots.Series> series = new ArrayList<>();
        double[] d = o.points().stream().mapToDouble(ScalingLawStudy.DimensionPoint::dim).toArray();
        series.add(new Plots.Series("lazy boundary m*(d) (exact, E5.9)", d,
                o.points().stream().mapToDouble(ScalingLawStudy.DimensionPoint::threshold).toArray(), false));
        series.add(new Plots.Series("variant m_min(d) (Wilson 95% lower bound ≥ 0.8)", d,
                o.points().stream().mapToDouble(p -> p.search().found() ? p.search().width() : Double.NaN).toArray(), true));
        List<double[]> failed = new ArrayList<>();
        for (ScalingLawStudy.DimensionPoint p : o.points()) {
            for (ScalingLawStudy.WidthPoint w : p.search().scanned()) {
                if (!w.trials().passed()) {
                    failed.add(new double[] {p.dim(), w.width()});
                }
            }
        }
        series.add(new Plots.Series("variant: grid widths that failed", failed.stream().mapToDouble(x -> x[0]).toArray(),
                failed.stream().mapToDouble(x -> x[1]).toArray(), true));
        controlSeries(series, o, true, VANILLA_OFFSET, "vanilla GD");
        controlSeries(series, o, false, NO_REINIT_OFFSET, "variant without re-initialization");
        Plots.logLog(context.figures().resolve(file), "l = " + o.grid().order() + ": lazy wall against the variant's width",
                "dimension d", "width m", series);
    }

    private static void controlSeries(List<Plots.Series> series, ScalingLawStudy.OrderResult o, boolean vanilla, double offset, String name) {
        for (boolean passes : new boolean[] {true, false}) {
            List<double[]> pts = new ArrayList<>();
            for (ScalingLawStudy.DimensionPoint p : o.points()) {
                var t = vanilla ? p.vanilla() : p.noReinit();
                if (t != null && t.passed() == passes) {
                    pts.add(new double[] {p.dim(), p.search().width() * offset});
                }
            }
            if (!pts.isEmpty()) {
                series.add(new Plots.Series(name + (passes ? " passes" : " fails") + " at m_min", pts.stream().mapToDouble(x -> x[0]).toArray(),
                        pts.stream().mapToDouble(x -> x[1]).toArray(), true));
            }
        }
    }

    private static void fixedWidthFigure(Context context, String file, ScalingLawStudy.Result study) {
        List<Plots.Series> series = new ArrayList<>();
        for (ScalingLawStudy.OrderResult o : study.orders()) {
            double[] d = o.points().stream().mapToDouble(ScalingLawStudy.DimensionPoint::dim).toArray();
            int m = o.grid().fixedWidth();
            if (o.lazy() != null) {
                series.add(new Plots.Series("lazy residual, l = " + o.grid().order() + ", m = " + m, d,
                        o.lazy().points().stream().mapToDouble(p -> Math.max(RESIDUAL_FLOOR, p.lazy().mean())).toArray(), false));
            }
            series.add(new Plots.Series("variant median error, l = " + o.grid().order() + ", m = " + m, d,
                    o.points().stream().mapToDouble(p -> p.fixed().medianError()).toArray(), true));
        }
        Plots.logLog(context.figures().resolve(file), "Fixed m, growing d", "dimension d", "relative error / residual", series);
    }

    private static void rankFigure(Context context, String file, ScalingLawStudy.RankResult rank) {
        double[] r = rank.points().stream().mapToDouble(ScalingLawStudy.RankPoint::rank).toArray();
        List<Plots.Series> series = List.of(new Plots.Series("m = r", r, r, false),
                new Plots.Series("variant m_min(r), l = " + rank.grid().order() + ", d = " + rank.grid().dim(), r,
                        rank.points().stream().mapToDouble(p -> p.search().found() ? p.search().width() : Double.NaN).toArray(), true));
        Plots.logLog(context.figures().resolve(file), "Width against rank", "rank r", "width m", series);
    }
}
