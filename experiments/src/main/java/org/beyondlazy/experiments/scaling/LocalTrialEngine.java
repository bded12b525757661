package org.beyondlazy.experiments.scaling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.SpecRef;

/** The local engine of the scaling-law experiment (spec E9.21): trials on a fixed pool of this JVM's threads. */
@SpecRef("E9.21")
public final class LocalTrialEngine implements TrialEngine, AutoCloseable {
    private final Backend backend;
    private final int threads;
    private final ExecutorService pool;

    /** An engine computing on {@code backend} in {@code threads} (≥ 1) threads; close it to stop the threads. */
    public LocalTrialEngine(Backend backend, int threads) {
        Check.atLeast("threads", threads, 1);
        this.backend = backend;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    @Override
    public Future<SeedTrials.Attempt> submit(ScalingTrial trial) {
        return pool.submit(() -> trial.attempt(backend));
    }

    @Override
    public int parallelism() {
        return threads;
    }

    /** Stops the threads (running trials are interrupted and their results dropped). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
