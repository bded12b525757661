package org.beyondlazy.experiments.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;

/**
 * A sweep run on this machine (spec E9.10): the grid's expansion, and the local engine that computes the
 * pending runs of a {@link SweepDirectory} in a thread pool and hands each back to the directory, the one
 * writer. A diverged run is a result like any other; a run that fails (an exception that is not a divergence)
 * is noted and the sweep goes on.
 */
@SpecRef("E9.10")
public final class Sweep {
    private Sweep() {
    }

    /**
     * What a sweep did.
     *
     * @param runs         planned runs
     * @param skipped      runs that already had a result line
     * @param ran          runs computed and recorded now
     * @param diverged     of those, how many diverged
     * @param failed       runs that failed (no result line; pending again on resume)
     * @param firstFailure the first failure, or {@code null}
     */
    public record Outcome(int runs, int skipped, int ran, int diverged, int failed, RuntimeException firstFailure) {
        /** Every planned run has a result line (finished or diverged). */
        public boolean complete() {
            return failed == 0;
        }
    }

    /** What a caller sees while a sweep runs (for a progress bar). */
    public interface Listener {
        /** Called once before any run, with the runs done already. */
        default void started(int runs, int skipped) {
        }

        /** Called after each run (recorded or failed), from a worker thread. */
        default void finished(PlannedRun run, RunResult result, RuntimeException failure) {
        }
    }

    /**
     * Every combination of the grid's values, as maps field → value in the grid's field order; the last
     * field varies fastest. An empty grid has one (empty) combination.
     *
     * @param grid field → its values (non-empty lists)
     */
    public static <V> List<Map<String, V>> expand(Map<String, List<V>> grid) {
        List<String> keys = new ArrayList<>(grid.keySet());
        List<Map<String, V>> out = new ArrayList<>();
        int[] index = new int[keys.size()];
        while (true) {
            Map<String, V> combination = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                combination.put(keys.get(k), grid.get(keys.get(k)).get(index[k]));
            }
            out.add(combination);
            int k = keys.size() - 1;
            while (k >= 0 && ++index[k] == grid.get(keys.get(k)).size()) {
                index[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    /**
     * Computes the pending runs of {@code plan} in {@code threads} threads and records each in {@code directory}
     * as soon as it is done.
     */
    public static Outcome execute(SweepPlan plan, SweepDirectory directory, int threads, Listener listener) {
        List<PlannedRun> todo = directory.pending(plan);
        int skipped = plan.runs().size() - todo.size();
        listener.started(plan.runs().size(), skipped);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger diverged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<RuntimeException> first = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedRun run : todo) {
                futures.add(pool.submit(() -> {
                    RunResult result = null;
                    RuntimeException failure = null;
                    try {
                        CompletedRun completed = Runner.execute(run.config(), run.spec());
                        result = completed.result();
                        if (directory.record(run, completed)) {
                            ran.incrementAndGet();
                            if (result.diverged()) {
                                diverged.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                    } catch (OutOfMemoryError e) {
                        failure = new IllegalStateException("out of memory: " + e.getMessage(), e);
                    }
                    if (failure != null) {
                        failed.incrementAndGet();
                        first.compareAndSet(null, failure);
                        directory.recordFailure(run, failure);
                    }
                    listener.finished(run, result, failure);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("sweep interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a sweep worker failed: " + e.getCause(), e.getCause()); // not reached: the job catches
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Outcome(plan.runs().size(), skipped, ran.get(), diverged.get(), failed.get(), first.get());
    }
}
