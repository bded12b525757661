package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.reference.ReferenceBackend;
import org.beyondlazy.core.variant.RecoveryExperiment;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.fast.GramBackend;

/**
 * Audit section for C8, the headline (spec E7.5): at fixed width m, the variant of gradient descent fits
 * the truth as d grows, while the lazy residual at the same m and d grows towards 1. Runs on the fast path.
 */
@SpecRef("C8")
public final class HeadlineSection implements AuditSection {
    /** ε of E7.5. */
    static final double EPSILON = 5e-3;

    /**
     * ρ_lazy (A5.2) at (m, d) for the same truth, with W₀ of N(0, 1/d) entries drawn from the run's seed
     * (A5.3's initialization), on the reference's tangent space. Skipped (null) when the Jacobian matrix
     * N(d,l) × m·d would exceed {@link #LAZY_MAX_ENTRIES}.
     */
    public static final RecoveryExperiment.LazyResidual LAZY_RESIDUAL = (truth, width, seed) -> {
        int d = truth.dim();
        double[] w0 = Generators.gaussian(Generators.rng(seed), width, d, 1.0 / Math.sqrt(d));
        Problem p = Problem.of(ModelKind.PLAIN, width, 0.0, truth);
        return new ReferenceBackend().tangentSpace(p, w0).lazyResidual(truth);
    };
    /** Largest Jacobian matrix (entries) the headline's lazy column builds in the full profile: d = 20, l = 3, m = 30 is 0.92 M (about 10 s per seed); d = 16, l = 4, m = 40 (2.5 M) takes over a minute per seed and d = 40, l = 3 (13.8 M) several minutes, so those are skipped. */
    static final long LAZY_MAX_ENTRIES = 1_000_000L;
    /** The same in the quick profile (d = 20, l = 3, m = 30 is 0.9 M; d = 40 is skipped). */
    static final long LAZY_MAX_ENTRIES_QUICK = 1_000_000L;

    /** One configuration of the table. */
    record Setting(int order, int dim, VariantConfig config) {
    }

    @Override
    public String id() {
        return "headline";
    }

    @Override
    public List<String> claims() {
        return List.of("C8");
    }

    @Override
    public String title() {
        return "Headline: fixed m, growing d — the variant fits, the lazy regime cannot (C8)";
    }

    @Override
    public Result run(Context context) {
        VariantConfig l3 = VariantConfig.defaults(); // E7.1: m = 30, λ = 1e-3, δ = 1e-3, η = 0.2, H = 3000, K = 8
        VariantConfig l4 = VariantConfig.defaults().withWidth(40).withDelta(1e-2).withStepsPerEpoch(4000).withEpochs(10);
        List<Setting> settings = new ArrayList<>();
        int seeds;
        if (context.full()) {
            seeds = 20;
            for (int d : new int[] {10, 20, 40}) {
                settings.add(new Setting(3, d, l3));
            }
            for (int d : new int[] {8, 16}) {
                settings.add(new Setting(4, d, l4));
            }
        } else {
            seeds = 5;
            for (int d : new int[] {10, 20, 40}) {
                settings.add(new Setting(3, d, l3));
            }
        }
        GramBackend fast = new GramBackend();
        List<RecoveryExperiment.Row> rows = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        int reached = 0;
        int trials = 0;
        for (Setting s : settings) {
            context.log().accept("headline l=" + s.order() + " d=" + s.dim() + " m=" + s.config().width() + " (" + seeds + " seeds)");
            long entries = Sizes.symmetricDimension(s.dim(), s.order()) * s.config().width() * s.dim();
            RecoveryExperiment.Row row = RecoveryExperiment.run(fast, s.order(), s.dim(), 3, 1.0 / 3, s.config(), seeds, EPSILON,
                    entries <= (context.full() ? LAZY_MAX_ENTRIES : LAZY_MAX_ENTRIES_QUICK) ? LAZY_RESIDUAL : null, Math.min(2, Runtime.getRuntime().availableProcessors()));
            rows.add(row);
            reached += row.successes();
            trials += seeds;
            double[] e = row.errors().clone();
            Arrays.sort(e);
            String lazy;
            if (row.lazy() != null) {
                double[] z = row.lazy().clone();
                Arrays.sort(z);
                lazy = String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", z[z.length / 2], z[0], z[z.length - 1]);
            } else {
                lazy = "not computed (Jacobian N(d,l)×m·d = " + entries + " entries, beyond this profile's limit)";
            }
            cells.add(List.of(Integer.toString(s.order()), Integer.toString(s.dim()), Integer.toString(s.config().width()),
                    Integer.toString(seeds), String.format(Locale.ROOT, "%.2e [%.2e, %.2e]", row.median(), e[0], e[e.length - 1]),
                    row.successes() + "/" + seeds, lazy, String.format(Locale.ROOT, "%.0f s", row.seconds())));
        }
        Result result = Result.empty();
        result.tables().add(new Table("Variant (A7.1, defaults of E7.1 for l = 3; m = 40, δ = 1e-2, H = 4000, K = 10 for l = 4) "
                + "against the lazy residual at the same m and d; truth r = 3 unit rows, c* = 1/3, seeds 0.." + (seeds - 1),
                List.of("l", "d", "m", "seeds", "variant rel. error: median [range]", "≤ ε = 5e-3", "ρ_lazy: median [range]", "time"), cells));
        String file = id() + "-chart.png";
        chart(context, file, rows);
        result.figures().add(new Figure(file, "Median final relative error of the variant and median lazy residual at the same (m, d); "
                + "the width m is fixed while d grows."));
        result.measurements().add(new Measurement("C8", reached + "/" + trials
                + " runs reach relative error ≤ 5e-3 (claim: ≥ 90%)", "0.." + (seeds - 1) + " per (l, d)", reached, trials));
        return new Result("W20's headline at the sizes of E7.5, on the fast path (" + fast.name() + ").", result.figures(),
                result.tables(), result.measurements());
    }

    private static void chart(Context context, String file, List<RecoveryExperiment.Row> rows) {
        List<Plots.Series> series = new ArrayList<>();
        for (int order : rows.stream().mapToInt(RecoveryExperiment.Row::order).distinct().toArray()) {
            List<RecoveryExperiment.Row> r = rows.stream().filter(x -> x.order() == order).toList();
            double[] d = r.stream().mapToDouble(RecoveryExperiment.Row::dim).toArray();
            double[] variant = r.stream().mapToDouble(x -> Math.max(x.median(), 1e-16)).toArray();
            int m = r.get(0).config().width();
            series.add(new Plots.Series("variant, l = " + order + ", m = " + m + ": median rel. error", d, variant, true));
            List<RecoveryExperiment.Row> withLazy = r.stream().filter(x -> x.lazy() != null).toList();
            if (!withLazy.isEmpty()) { // plotted where computed; rows beyond the Jacobian limit are listed in the table
                double[] dLazy = withLazy.stream().mapToDouble(RecoveryExperiment.Row::dim).toArray();
                double[] lazy = withLazy.stream().mapToDouble(x -> {
                    double[] z = x.lazy().clone();
                    Arrays.sort(z);
                    return Math.max(z[z.length / 2], 1e-16);
                }).toArray();
                series.add(new Plots.Series("lazy residual, l = " + order + ", m = " + m + ": median", dLazy, lazy, true));
            }
        }
        Plots.line(context.figures().resolve(file), "Fixed m, growing d", "dimension d", "median over seeds", true, series);
    }
}
