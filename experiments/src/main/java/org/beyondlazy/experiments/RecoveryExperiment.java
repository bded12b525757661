package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;

/**
 * The recovery experiment of claim C8 (spec E7.5): at a fixed width m and growing d, the variant's (A7.1)
 * final relative error over seeds, next to the lazy residual ρ_lazy (A5.2) at the same (m, d). Truth of
 * seed s: r = 3 random unit rows (A3.5, not orthonormal) from seed {@link #TRUTH_SEED_OFFSET} + s,
 * c_j* = 1/3; the variant runs with seed s. The threshold ε, the quorum and the per-order calibration
 * are defined here once; the quick profile (the C8 property) and the paper-scale profile (the audit's
 * headline, {@code beyondlazy experiment recovery}) read them. Prints nothing.
 */
@SpecRef("E7.5")
public final class RecoveryExperiment {
    /** Truth seed = this + run seed (keeps truth and run draws independent). */
    public static final long TRUTH_SEED_OFFSET = 1000L;
    /** r, the truth's rank. */
    public static final int RANK = 3;
    /** c_j*, every truth coefficient. */
    public static final double COEFFICIENT = 1.0 / 3;
    /** ε of E7.5: success is a final relative error ≤ 5e-3 (above the λ floor 1.5e-3 of E7.6 at λ = 1e-3). */
    public static final double EPSILON = 5e-3;
    /** The recovery table's quorum column: at least this fraction of the seeds reach ε (the C8 property asserts a Wilson bound instead). */
    public static final double QUORUM = 0.9;

    /** Quick profile (E7.5, the C8 property): l = 3. */
    public static final int QUICK_ORDER = 3;
    /** Quick profile: m = m*(6, 3) = 10, so ρ_lazy is 0 at d = 6 and large at d = 12. */
    public static final int QUICK_WIDTH = 10;
    /** Quick profile: the growing dimensions. */
    public static final int[] QUICK_DIMS = {6, 12};
    /**
     * Quick profile: run seeds F … F + 29 (the C8 property's F is ClaimSettings.seed()): enough that at the rate
     * measured on fresh seeds the property's Wilson bound fails with probability below 1% (see VariantClaims).
     */
    public static final int QUICK_SEEDS = 30;
    /** Quick profile: H = 1000 and K = 6 suffice at these sizes (E7.1's H = 3000, K = 8 are for d ≥ 10, m = 30). */
    public static final int QUICK_STEPS_PER_EPOCH = 1000;
    public static final int QUICK_EPOCHS = 6;

    /** Paper-scale profile (E7.5): the orders and their growing dimensions. */
    public static final int[][] PAPER_SCALE = {{3, 10, 20, 40}, {4, 8, 16}};

    private RecoveryExperiment() {
    }

    /** The quick profile's options: m = 10, H = 1000, K = 6, early stop at ε (E7.5). */
    public static VariantConfig quickConfig() {
        return VariantConfig.defaults().withWidth(QUICK_WIDTH).withStepsPerEpoch(QUICK_STEPS_PER_EPOCH).withEpochs(QUICK_EPOCHS)
                .withTargetError(EPSILON);
    }

    /**
     * The paper-scale calibration per order (E7.5): l = 3 the defaults of E7.1 (m = 30, δ = 1e-3, H = 3000,
     * K = 8); l = 4 m = 40, δ = 1e-2, H = 4000, K = 10; no early stop. Other orders use the defaults.
     */
    public static VariantConfig paperScaleConfig(int order) {
        VariantConfig base = VariantConfig.defaults();
        return order == 4 ? base.withWidth(40).withDelta(1e-2).withStepsPerEpoch(4000).withEpochs(10) : base;
    }

    /** One row to run: order l, dimension d and the variant's options (m = config.width()). */
    public record Setting(int order, int dim, VariantConfig config) {
        public Setting {
            Check.atLeast("order l", order, 2);
            Check.atLeast("dimension d", dim, 1);
            if (config == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "variant options", "given", "null");
            }
        }

        /** The paper-scale setting of (l, d). */
        public static Setting paperScale(int order, int dim) {
            return new Setting(order, dim, paperScaleConfig(order));
        }

        /** The quick setting at dimension d. */
        public static Setting quick(int dim) {
            return new Setting(QUICK_ORDER, dim, quickConfig());
        }

        public int width() {
            return config.width();
        }
    }

    /**
     * One row of the table.
     *
     * @param setting what ran
     * @param errors  final relative error per seed (seed order)
     * @param lazy    ρ_lazy per seed, or {@code null} when not computed
     * @param seconds wall time of the row
     */
    public record Row(Setting setting, double[] errors, double[] lazy, double seconds) {
        public int order() {
            return setting.order();
        }

        public int dim() {
            return setting.dim();
        }

        public int width() {
            return setting.width();
        }

        public int seeds() {
            return errors.length;
        }

        /** Seeds whose final relative error is at most {@link #EPSILON}. */
        public int successes() {
            return (int) Arrays.stream(errors).filter(e -> e <= EPSILON).count();
        }

        /** Whether at least {@link #QUORUM} of the seeds reached ε. */
        public boolean quorum() {
            return successes() >= QUORUM * seeds();
        }

        public double median() {
            return Statistics.median(errors);
        }

        /** Median ρ_lazy, NaN when not computed. */
        public double lazyMedian() {
            return lazy == null ? Double.NaN : Statistics.median(lazy);
        }
    }

    /**
     * Runs the variant on seeds 0..seeds−1 for one setting, in {@code threads} threads (one objective per
     * run, so backends need not be thread-safe across runs).
     *
     * @param backend     the backend the variant runs on
     * @param lazyBackend the backend whose tangent space gives the ρ_lazy column (E5.7), or {@code null} to skip it
     */
    public static Row run(Backend backend, Setting setting, int seeds, Backend lazyBackend, int threads) {
        return run(backend, setting, 0, seeds, lazyBackend, threads);
    }

    /**
     * Runs the variant on seeds firstSeed … firstSeed + seeds − 1 for one setting (truth and initialization seeded
     * alike); the row's arrays are indexed by seed − firstSeed.
     */
    public static Row run(Backend backend, Setting setting, long firstSeed, int seeds, Backend lazyBackend, int threads) {
        long start = System.nanoTime();
        double[] errors = new double[seeds];
        double[] lazies = lazyBackend == null ? null : new double[seeds];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                final int index = s;
                final long seed = firstSeed + s;
                jobs.add(pool.submit(() -> {
                    FactoredTruth truth = truth(setting.order(), setting.dim(), seed);
                    errors[index] = new VariantGradientDescent(setting.config()).run(backend, truth, seed).finalRelativeError();
                    if (lazyBackend != null) {
                        lazies[index] = LazyResidualStudy.residualAtGaussianInitialization(lazyBackend, truth, setting.width(), seed);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                Futures.await(job, "recovery experiment");
            }
        } finally {
            pool.shutdown();
        }
        return new Row(setting, errors, lazies, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs every setting in order, {@code onRow} called after each row (for progress reports).
     *
     * @param lazyBackend as in {@link #run}; rows whose Jacobian matrix N(d,l) × m·d exceeds {@code lazyMaxEntries}
     *                    skip the ρ_lazy column
     */
    public static List<Row> run(Backend backend, List<Setting> settings, int seeds, Backend lazyBackend, long lazyMaxEntries,
            int threads, Consumer<Row> onRow) {
        List<Row> rows = new ArrayList<>();
        for (Setting setting : settings) {
            long entries = Sizes.symmetricDimension(setting.dim(), setting.order()) * setting.width() * setting.dim();
            Row row = run(backend, setting, seeds, entries <= lazyMaxEntries ? lazyBackend : null, threads);
            onRow.accept(row);
            rows.add(row);
        }
        return List.copyOf(rows);
    }

    /** The paper-scale settings of the given orders and dimensions: rows {l, d₁, d₂, …}. */
    /**
     * Parses groups such as {@code "3:10,20,40"} into {order, d, d, …} rows for {@link #paperScale}.
     *
     * @throws BeyondLazyException {@link ErrorCode#INVALID_INPUT} naming {@code option} and the bad group
     */
    public static int[][] parseGroups(String option, List<String> groups) {
        List<int[]> out = new ArrayList<>();
        for (String g : groups) {
            String[] parts = g.trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                String[] ds = parts[1].split(",");
                int[] group = new int[ds.length + 1];
                group[0] = Integer.parseInt(parts[0].trim());
                for (int j = 0; j < ds.length; j++) {
                    group[j + 1] = Integer.parseInt(ds[j].trim());
                }
                out.add(group);
            } catch (NumberFormatException e) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, option, "expected l:d,d,… (e.g. 3:10,20), found '" + g + "'");
            }
        }
        return out.toArray(new int[0][]);
    }

    public static List<Setting> paperScale(int[][] orderAndDims) {
        List<Setting> settings = new ArrayList<>();
        for (int[] group : orderAndDims) {
            for (int k = 1; k < group.length; k++) {
                settings.add(Setting.paperScale(group[0], group[k]));
            }
        }
        return List.copyOf(settings);
    }

    /** The truth of seed s: r random unit rows (A3.5) from seed {@link #TRUTH_SEED_OFFSET} + s, c_j* = 1/3. */
    public static FactoredTruth truth(int order, int dim, long seed) {
        return Generators.truth(TRUTH_SEED_OFFSET + seed, order, dim, Generators.constant(RANK, COEFFICIENT), false);
    }
}
