package org.beyondlazy.core.variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.SpecRef;

/**
 * The experiment of claim C8 (spec E7.5): at a fixed width m and growing d, the variant's final relative
 * error over seeds, next to the lazy residual at the same (m, d). Truths: r random unit u_j* (A3.5,
 * not orthonormal) with equal coefficients, truth seed {@code TRUTH_SEED_OFFSET + s}, run seed s.
 * Used by the quick property (small sizes, reference) and by the full-profile table (paper-scale sizes,
 * fast path); {@link #markdown} prints the table committed in proofs-notes/C8.md.
 */
@SpecRef("E7.5")
public final class RecoveryExperiment {
    /** Truth seed = this + run seed (keeps truth and run draws independent). */
    public static final long TRUTH_SEED_OFFSET = 1000L;

    private RecoveryExperiment() {
    }

    /** The lazy residual ρ_lazy(W₀, T*) of spec E5.x at width m, or absent while pending. */
    @FunctionalInterface
    public interface LazyResidual {
        /** ρ_lazy for a generic W₀ drawn from {@code seed} at width m. */
        double of(FactoredTruth truth, int width, long seed);
    }

    /**
     * One row of the table.
     *
     * @param order          l
     * @param dim            d
     * @param config         the variant's options (m = config.width())
     * @param errors         final relative error per seed (seed order)
     * @param lazy           lazy residual per seed, or {@code null} when pending
     * @param epsilon        success threshold on the final relative error
     * @param seconds        wall time of the row
     */
    public record Row(int order, int dim, VariantConfig config, double[] errors, double[] lazy, double epsilon,
            double seconds) {
        public int successes() {
            return (int) Arrays.stream(errors).filter(e -> e <= epsilon).count();
        }

        public double median() {
            return RecoveryExperiment.median(errors);
        }
    }

    /**
     * Runs the variant on seeds 0..seeds−1 for one (l, d), in {@code threads} threads (one objective
     * per run, so backends need not be thread-safe across runs).
     *
     * @param lazy may be {@code null} (column reported as pending)
     */
    public static Row run(Backend backend, int order, int dim, int rank, double coefficient, VariantConfig config,
            int seeds, double epsilon, LazyResidual lazy, int threads) {
        long start = System.nanoTime();
        double[] errors = new double[seeds];
        double[] lazies = lazy == null ? null : new double[seeds];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                final int seed = s;
                jobs.add(pool.submit(() -> {
                    FactoredTruth truth = truth(order, dim, rank, coefficient, seed);
                    errors[seed] = new VariantGradientDescent(config).run(backend, truth, seed).finalRelativeError();
                    if (lazy != null) {
                        lazies[seed] = lazy.of(truth, config.width(), seed);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "recovery experiment", "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BeyondLazyException b) {
                throw b;
            }
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "recovery experiment", e.getCause().toString());
        } finally {
            pool.shutdown();
        }
        return new Row(order, dim, config, errors, lazies, epsilon, (System.nanoTime() - start) / 1e9);
    }

    /** The truth of seed s: r random unit rows (A3.5), equal coefficients. */
    public static FactoredTruth truth(int order, int dim, int rank, double coefficient, long seed) {
        return Generators.truth(TRUTH_SEED_OFFSET + seed, order, dim, Generators.constant(rank, coefficient), false);
    }

    /** The Markdown table of E7.5. */
    public static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| l | d | m | seeds | variant: median rel. error | range | reached ≤ ε | lazy residual (median, range) | time |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            double[] e = row.errors();
            String lazy = row.lazy() == null ? "pending"
                    : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", median(row.lazy()), min(row.lazy()), max(row.lazy()));
            sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.2e | [%.2e, %.2e] | %d/%d (ε = %.0e) | %s | %.0f s |%n",
                    row.order(), row.dim(), row.config().width(), e.length, median(e), min(e), max(e), row.successes(),
                    e.length, row.epsilon(), lazy, row.seconds()));
        }
        return sb.toString();
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }
}
