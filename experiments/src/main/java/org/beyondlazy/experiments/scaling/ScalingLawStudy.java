package org.beyondlazy.experiments.scaling;

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
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.experiments.Futures;
import org.beyondlazy.experiments.LazyScalingStudy;
import org.beyondlazy.experiments.RecoveryExperiment;

/**
 * The scaling-law experiment (spec E7.10): W20's separation of growth rates measured side by side.
 * <ul>
 *   <li>lazy side: the exact threshold m*(d, l) (E5.9) and ρ_lazy at a fixed m ({@link LazyScalingStudy});</li>
 *   <li>variant side: m_min(d), the smallest width of a stated grid at which the variant (A7.1, options from the
 *       one schedule of E7.9) reaches relative error ≤ ε on a success rate whose Wilson 95% lower bound is at
 *       least the requirement ({@link SeedTrials}); widths are scanned upward from the first grid width ≥ r, so
 *       m_min is the smallest passing grid width by definition (no monotonicity is assumed);</li>
 *   <li>controls at m_min(d), the same d and step budget: vanilla GD and the variant without re-initialization;</li>
 *   <li>rank side: m_min against r at a fixed (l, d);</li>
 *   <li>fits (OLS, t-intervals, {@link LogLogFit}) of m*(d), m_min(d), m_min(r) and of the median steps to ε at the
 *       fixed width against d.</li>
 * </ul>
 * Run seeds s₀ … s₀ + n − 1 at every point, truth seed 1000 + s (E7.5's offset). Prints nothing; progress lines go
 * to the given consumer. Results do not depend on the thread count.
 */
@SpecRef("E7.10")
public final class ScalingLawStudy {
    /** Judging seeds start here (the schedule's bases were calibrated on seeds 0..99 and 200..231, E7.9). */
    public static final long FIRST_SEED = 100;
    /** The required Wilson 95% lower bound of a passing point. */
    public static final double REQUIRED_LOWER_BOUND = 0.8;
    /** W20's width bound m = O*(r^{2.5 l} log d): the exponent of r per unit of l. */
    public static final double THEOREM_RANK_EXPONENT_PER_ORDER = 2.5;
    /** The width grid of both profiles: m_min is one of these. */
    public static final int[] WIDTHS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64};

    private ScalingLawStudy() {
    }

    /**
     * The d grid of one order.
     *
     * @param order      l ≥ 2
     * @param dims       strictly increasing d (copied)
     * @param fixedWidth the fixed m of the lazy residual and of the fixed-m variant runs
     */
    public record DimensionGrid(int order, int[] dims, int fixedWidth) {
        public DimensionGrid {
            Check.atLeast("order l", order, 2);
            Check.atLeast("fixed width", fixedWidth, 1);
            dims = increasing("dims", dims, 2);
        }
    }

    /**
     * The rank side.
     *
     * @param order l
     * @param dim   the fixed d
     * @param ranks strictly increasing r (copied)
     */
    public record RankGrid(int order, int dim, int[] ranks) {
        public RankGrid {
            Check.atLeast("order l", order, 2);
            Check.atLeast("dimension d", dim, 1);
            ranks = increasing("ranks", ranks, 2);
        }
    }

    /**
     * What to measure.
     *
     * @param grids           the d grids, one per order
     * @param rank            r of the d side
     * @param widths          the width grid (strictly increasing, copied)
     * @param rankGrid        the rank side, or {@code null} to skip it
     * @param seedsPerPoint   n, seeds a width point may use
     * @param firstSeed       s₀
     * @param epsilon         ε, success threshold on the final relative error
     * @param requiredLower   Wilson 95% lower bound a point needs (with n seeds, all successful must reach it)
     * @param controls        whether to run the two controls at m_min
     * @param fixedWidthSeeds seeds of the fixed-m variant runs (all run, no verdict)
     * @param lazySeeds       A5.3 instances per d of the lazy side
     * @param lazyFirstSeed   seed of the first A5.3 instance
     * @param schedule        the schedule of E7.9
     */
    public record Spec(List<DimensionGrid> grids, int rank, int[] widths, RankGrid rankGrid, int seedsPerPoint, long firstSeed,
            double epsilon, double requiredLower, boolean controls, int fixedWidthSeeds, int lazySeeds, long lazyFirstSeed,
            ScalingSchedule schedule) {
        public Spec {
            if (grids == null || grids.isEmpty()) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "grids", "at least one order", "none");
            }
            grids = List.copyOf(grids);
            Check.atLeast("rank r", rank, 1);
            widths = increasing("widths", widths, 1);
            Check.atLeast("seeds per point", seedsPerPoint, 1);
            Check.positive("epsilon", epsilon);
            if (!(requiredLower > 0 && requiredLower < 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "required Wilson lower bound", "in (0, 1)", requiredLower);
            }
            if (SeedTrials.requiredSuccesses(seedsPerPoint, requiredLower) > seedsPerPoint) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "seeds per point",
                        "enough for a Wilson lower bound >= " + requiredLower + " (n/(n + 1.96^2), at least 16 for 0.8)", seedsPerPoint);
            }
            Check.atLeast("fixed-width seeds", fixedWidthSeeds, 1);
            Check.atLeast("lazy seeds", lazySeeds, 1);
            if (schedule == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "schedule", "given", "null");
            }
            for (DimensionGrid g : grids) {
                schedule.base(g.order());
            }
            if (rankGrid != null) {
                schedule.base(rankGrid.order());
            }
        }

        /**
         * The full profile (E7.10): l = 3, d = 10 … 320 (doubling), fixed m = 30; l = 4, d = 8 … 128 (1.2 decades), fixed m = 40;
         * r = 3; rank side l = 3, d = 20, r = 1, 2, 4, 8; 32 seeds per point; 8 fixed-m seeds; 2 lazy instances.
         */
        public static Spec full() {
            return new Spec(List.of(new DimensionGrid(3, LazyScalingStudy.Spec.doubling(10, 320), 30),
                    new DimensionGrid(4, LazyScalingStudy.Spec.doubling(8, 128), 40)), RecoveryExperiment.RANK, WIDTHS,
                    new RankGrid(3, 20, new int[] {1, 2, 4, 8}), 32, FIRST_SEED, RecoveryExperiment.EPSILON, REQUIRED_LOWER_BOUND,
                    true, 8, 2, 0L, ScalingSchedule.standard());
        }

        /**
         * The quick profile (E7.10): l = 3, d = 10, 20, 40; l = 4, d = 8, 16; rank side l = 3, d = 10, r = 1, 2, 4;
         * 16 seeds per point; 4 fixed-m seeds; 1 lazy instance.
         */
        public static Spec quick() {
            return new Spec(List.of(new DimensionGrid(3, new int[] {10, 20, 40}, 30), new DimensionGrid(4, new int[] {8, 16}, 40)),
                    RecoveryExperiment.RANK, WIDTHS, new RankGrid(3, 10, new int[] {1, 2, 4}), 16, FIRST_SEED,
                    RecoveryExperiment.EPSILON, REQUIRED_LOWER_BOUND, true, 4, 1, 0L, ScalingSchedule.standard());
        }

        /** The same spec with the run seeds and the lazy instances' seeds moved by {@code shift} (audit --seed). */
        public Spec withSeedsShiftedBy(long shift) {
            return new Spec(grids, rank, widths, rankGrid, seedsPerPoint, firstSeed + shift, epsilon, requiredLower, controls,
                    fixedWidthSeeds, lazySeeds, lazyFirstSeed + shift, schedule);
        }

        /** The named profile: quick or full. */
        public static Spec profile(String name) {
            return switch (name) {
                case "quick" -> quick();
                case "full" -> full();
                default -> throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "profile", name, "[quick, full]");
            };
        }
    }

    /**
     * The upward width scan at one (l, d, r).
     *
     * @param scanned every width tried, in order, with its verdict
     * @param width   m_min, or −1 when no grid width passed
     */
    public record WidthSearch(List<WidthPoint> scanned, int width) {
        public WidthSearch {
            scanned = List.copyOf(scanned);
        }

        public boolean found() {
            return width > 0;
        }

        /** The passing point (the last scanned), or null. */
        public SeedTrials.Trials passing() {
            return found() ? scanned.get(scanned.size() - 1).trials() : null;
        }
    }

    /** One width of a scan and its verdict. */
    public record WidthPoint(int width, SeedTrials.Trials trials) {
    }

    /**
     * One d of the d side.
     *
     * @param order      l
     * @param dim        d
     * @param threshold  m*(d, l) (E5.9)
     * @param stepBudget H·K of E7.9 at (l, d, r)
     * @param search     the scan for m_min
     * @param vanilla    the vanilla control at m_min (null when not run or m_min not found)
     * @param noReinit   the variant without re-initialization at m_min (same)
     * @param fixed      the variant at the grid's fixed width (all seeds run; {@code passed} means nothing here)
     * @param seconds    wall time of the point
     */
    public record DimensionPoint(int order, int dim, int threshold, long stepBudget, WidthSearch search, SeedTrials.Trials vanilla,
            SeedTrials.Trials noReinit, SeedTrials.Trials fixed, double seconds) {
        /**
         * Whether the variant's ingredients were needed at m_min: false when a control passed the same test there,
         * null when there is nothing to say (controls not run or m_min not found).
         */
        public Boolean ingredientsNeeded() {
            if (vanilla == null || noReinit == null) {
                return null;
            }
            return !(vanilla.passed() || noReinit.passed());
        }
    }

    /**
     * One order of the d side.
     *
     * @param grid          what ran
     * @param points        one per d
     * @param lazy          the lazy side (null when the backend has no tangent space)
     * @param thresholdFit  slope of log m*(d) against log d (W20: → l − 1)
     * @param minWidthFit   slope of log m_min(d) (W20: ≈ 0, at most log d), over the d where m_min was found
     * @param stepsFit      slope of the median steps to ε at the fixed width against d
     */
    public record OrderResult(DimensionGrid grid, List<DimensionPoint> points, LazyScalingStudy.Result lazy, LogLogFit thresholdFit,
            LogLogFit minWidthFit, LogLogFit stepsFit) {
        public OrderResult {
            points = List.copyOf(points);
        }
    }

    /** One r of the rank side. */
    public record RankPoint(int rank, int epochs, WidthSearch search, double seconds) {
    }

    /**
     * The rank side.
     *
     * @param grid             what ran
     * @param points           one per r
     * @param minWidthFit      slope of log m_min(r) against log r, over the r where m_min was found
     * @param theoremExponent  W20's 2.5·l
     */
    public record RankResult(RankGrid grid, List<RankPoint> points, LogLogFit minWidthFit, double theoremExponent) {
        public RankResult {
            points = List.copyOf(points);
        }
    }

    /**
     * The outcome.
     *
     * @param spec    what was measured
     * @param backend the name of the backend
     * @param threads the thread count used (results do not depend on it)
     * @param orders  one per grid
     * @param rank    the rank side, or null
     * @param seconds total wall time
     */
    public record Result(Spec spec, String backend, int threads, List<OrderResult> orders, RankResult rank, double seconds) {
        public Result {
            orders = List.copyOf(orders);
        }
    }

    /**
     * {@link #run}, computed once per JVM for a backend name and a spec (threads do not change the result): the
     * audit's full profile judges C8's scaling form in a property and draws it in its headline section from one run.
     */
    public static Result cached(Backend backend, Spec spec, int threads, Consumer<String> log) {
        String key = backend.name() + " " + org.beyondlazy.experiments.run.RunConfigs.toJson(spec);
        synchronized (CACHE) {
            Result done = CACHE.get(key);
            if (done == null) {
                done = run(backend, spec, threads, log);
                CACHE.put(key, done);
            }
            return done;
        }
    }

    private static final java.util.Map<String, Result> CACHE = new java.util.HashMap<>();

    /** Runs the study in {@code threads} threads (≥ 1) of this JVM ({@link LocalTrialEngine}), reporting progress lines to {@code log}. */
    public static Result run(Backend backend, Spec spec, int threads, Consumer<String> log) {
        Check.atLeast("threads", threads, 1);
        try (LocalTrialEngine engine = new LocalTrialEngine(backend, threads)) {
            return run(backend, spec, engine, log);
        }
    }

    /** {@link #run(Backend, Spec, TrialEngine, int, Consumer)} with one point at a time, as the local command runs it. */
    @SpecRef("E9.21")
    public static Result run(Backend backend, Spec spec, TrialEngine engine, Consumer<String> log) {
        return run(backend, spec, engine, 1, log);
    }

    /**
     * Runs the study with its trials computed by {@code engine} (spec E9.21), which must compute them on a backend of
     * the same name as {@code backend}. This JVM drives the study: it decides which trials each point needs (the
     * upward width scan, then the controls at m_min, and the fixed-width runs), judges them in seed order, and
     * computes the lazy side on {@code backend} itself. Up to {@code concurrentPoints} points — the (l, d) points of
     * the d side and the r points of the rank side — are driven at once, each on a driver thread of its own, so up to
     * concurrentPoints × n trials are in flight; with 1 the points run in grid order, each order's lazy side after its
     * points, then the rank side (the order of the progress lines and of a journal). The result does not depend on
     * {@code concurrentPoints}; its {@code threads} is the engine's parallelism.
     */
    @SpecRef("E9.21")
    public static Result run(Backend backend, Spec spec, TrialEngine engine, int concurrentPoints, Consumer<String> log) {
        Check.atLeast("concurrent points", concurrentPoints, 1);
        long start = System.nanoTime();
        ExecutorService drivers = Executors.newFixedThreadPool(concurrentPoints);
        try {
            // everything is submitted in grid order first; a single driver thread then runs it in that order
            List<List<Future<DimensionPoint>>> dimensionPoints = new ArrayList<>();
            List<Future<LazyScalingStudy.Result>> lazySides = new ArrayList<>();
            for (DimensionGrid grid : spec.grids()) {
                List<Future<DimensionPoint>> points = new ArrayList<>();
                for (int d : grid.dims()) {
                    points.add(drivers.submit(() -> dimensionPoint(spec, grid, d, engine, log)));
                }
                dimensionPoints.add(points);
                lazySides.add(drivers.submit(() -> lazySide(backend, spec, grid, log)));
            }
            List<Future<RankPoint>> rankPoints = new ArrayList<>();
            if (spec.rankGrid() != null) {
                for (int r : spec.rankGrid().ranks()) {
                    rankPoints.add(drivers.submit(() -> rankPoint(spec, r, engine, log)));
                }
            }
            List<OrderResult> orders = new ArrayList<>();
            for (int g = 0; g < spec.grids().size(); g++) {
                orders.add(order(spec.grids().get(g), all(dimensionPoints.get(g)), await(lazySides.get(g))));
            }
            RankResult rank = spec.rankGrid() == null ? null : rankSide(spec.rankGrid(), all(rankPoints));
            return new Result(spec, backend.name(), engine.parallelism(), orders, rank, (System.nanoTime() - start) / 1e9);
        } finally {
            drivers.shutdownNow(); // after a failure: the other points stop waiting and their seeds are cancelled
        }
    }

    private static <T> List<T> all(List<Future<T>> futures) {
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    private static <T> T await(Future<T> future) {
        return Futures.await(future, "scaling-law experiment");
    }

    private static DimensionPoint dimensionPoint(Spec spec, DimensionGrid grid, int d, TrialEngine engine, Consumer<String> log) {
        int l = grid.order();
        int r = spec.rank();
        ScalingSchedule schedule = spec.schedule();
        long t0 = System.nanoTime();
        WidthSearch search = search(spec, l, d, r, engine);
        SeedTrials.Trials vanilla = null;
        SeedTrials.Trials noReinit = null;
        if (spec.controls() && search.found()) {
            int m = search.width();
            vanilla = judge(spec, spec.seedsPerPoint(), spec.requiredLower(), engine, ScalingTrial.Kind.VANILLA, l, d, r, m);
            noReinit = judge(spec, spec.seedsPerPoint(), spec.requiredLower(), engine, ScalingTrial.Kind.NO_REINITIALIZATION, l, d, r, m);
        }
        SeedTrials.Trials fixed = judge(spec, spec.fixedWidthSeeds(), 0.0, engine, ScalingTrial.Kind.VARIANT, l, d, r, grid.fixedWidth());
        double seconds = (System.nanoTime() - t0) / 1e9;
        DimensionPoint p = new DimensionPoint(l, d, TangentRank.threshold(d, l), schedule.stepBudget(l, d, r), search, vanilla,
                noReinit, fixed, seconds);
        log.accept(String.format(java.util.Locale.ROOT, "scaling-law l=%d d=%d: m_min=%s, vanilla %s, no re-init %s, fixed m=%d %d/%d (%.1f s)",
                l, d, search.found() ? Integer.toString(search.width()) : "not found", verdict(vanilla), verdict(noReinit),
                grid.fixedWidth(), fixed.successes(), fixed.run(), seconds));
        return p;
    }

    private static OrderResult order(DimensionGrid grid, List<DimensionPoint> points, LazyScalingStudy.Result lazy) {
        double[] dims = Arrays.stream(grid.dims()).asDoubleStream().toArray();
        LogLogFit thresholdFit = LogLogFit.of(dims, points.stream().mapToDouble(DimensionPoint::threshold).toArray());
        LogLogFit minWidthFit = LogLogFit.of(dims, points.stream().mapToDouble(p -> p.search().found() ? p.search().width() : Double.NaN).toArray());
        LogLogFit stepsFit = LogLogFit.of(dims, points.stream().mapToDouble(p -> p.fixed().medianStepsToTarget()).toArray());
        return new OrderResult(grid, points, lazy, thresholdFit, minWidthFit, stepsFit);
    }

    private static LazyScalingStudy.Result lazySide(Backend backend, Spec spec, DimensionGrid grid, Consumer<String> log) {
        long t0 = System.nanoTime();
        try {
            LazyScalingStudy.Result lazy = LazyScalingStudy.run(backend,
                    new LazyScalingStudy.Spec(grid.order(), grid.fixedWidth(), grid.dims(), spec.lazyFirstSeed(), spec.lazySeeds()));
            log.accept(String.format(java.util.Locale.ROOT, "scaling-law l=%d lazy side at m=%d (%.1f s)", grid.order(), grid.fixedWidth(),
                    (System.nanoTime() - t0) / 1e9));
            return lazy;
        } catch (BeyondLazyException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                log.accept("scaling-law l=" + grid.order() + ": lazy side skipped (" + e.getMessage() + ")");
                return null;
            }
            throw e;
        }
    }

    private static RankPoint rankPoint(Spec spec, int r, TrialEngine engine, Consumer<String> log) {
        RankGrid grid = spec.rankGrid();
        long t0 = System.nanoTime();
        WidthSearch search = search(spec, grid.order(), grid.dim(), r, engine);
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format(java.util.Locale.ROOT, "scaling-law rank side l=%d d=%d r=%d: m_min=%s (%.1f s)", grid.order(), grid.dim(), r,
                search.found() ? Integer.toString(search.width()) : "not found", seconds));
        return new RankPoint(r, spec.schedule().epochs(grid.order(), r), search, seconds);
    }

    private static RankResult rankSide(RankGrid grid, List<RankPoint> points) {
        LogLogFit fit = LogLogFit.of(points.stream().mapToDouble(RankPoint::rank).toArray(),
                points.stream().mapToDouble(p -> p.search().found() ? p.search().width() : Double.NaN).toArray());
        return new RankResult(grid, points, fit, THEOREM_RANK_EXPONENT_PER_ORDER * grid.order());
    }

    /** The upward scan over the grid widths ≥ r: the first width whose point passes is m_min. */
    static WidthSearch search(Spec spec, int l, int d, int r, TrialEngine engine) {
        List<WidthPoint> scanned = new ArrayList<>();
        for (int m : spec.widths()) {
            if (m < r) {
                continue; // fewer components than truth directions cannot fit r generic directions
            }
            SeedTrials.Trials trials = judge(spec, spec.seedsPerPoint(), spec.requiredLower(), engine, ScalingTrial.Kind.VARIANT, l, d, r, m);
            scanned.add(new WidthPoint(m, trials));
            if (trials.passed()) {
                return new WidthSearch(scanned, m);
            }
        }
        return new WidthSearch(scanned, -1);
    }

    /** One point judged on seeds s₀ … s₀ + n − 1 of the trials (kind, l, d, r, m), computed by the engine. */
    private static SeedTrials.Trials judge(Spec spec, int n, double required, TrialEngine engine, ScalingTrial.Kind kind, int l, int d,
            int r, int m) {
        return SeedTrials.judgeSubmitted(n, spec.firstSeed(), required,
                s -> engine.submit(new ScalingTrial(kind, l, d, r, m, s, spec.epsilon(), spec.schedule())));
    }

    private static String verdict(SeedTrials.Trials t) {
        return t == null ? "not run" : (t.passed() ? "PASSES" : "fails") + " " + t.successes() + "/" + t.run();
    }

    private static int[] increasing(String name, int[] values, int minLength) {
        if (values == null || values.length < minLength) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, name, "at least " + minLength + " values",
                    values == null ? "none" : Arrays.toString(values));
        }
        int[] copy = values.clone();
        for (int k = 0; k < copy.length; k++) {
            Check.atLeast(name + " entry", copy[k], 1);
            if (k > 0 && copy[k] <= copy[k - 1]) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, name, "strictly increasing", Arrays.toString(copy));
            }
        }
        return copy;
    }
}
