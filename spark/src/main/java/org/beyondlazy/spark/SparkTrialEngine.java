package org.beyondlazy.spark;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.scaling.ScalingTrial;
import org.beyondlazy.experiments.scaling.SeedTrials;
import org.beyondlazy.experiments.scaling.TrialEngine;

/**
 * The Spark engine of the scaling-law experiment (spec E9.21): every submitted trial is one asynchronous Spark job of
 * one task ({@code collectAsync} of a one-element RDD of {@link TrialTask}), so the study's driver keeps its sequential
 * rule exactly as with the local engine — a point submits all its seeds, Spark's FIFO scheduler runs the jobs in
 * submission order as executor cores free up, and the futures not judged are cancelled (their jobs killed or never
 * started). The result comes back to the driver, which alone writes outputs. A lost executor's task is retried by
 * Spark (up to {@code spark.task.maxFailures}); a trial that cannot be computed is an error value, thrown by the future
 * as the local engine's would be.
 */
@SpecRef("E9.21")
public final class SparkTrialEngine implements TrialEngine {
    private final JavaSparkContext spark;
    private final String implementation;

    /**
     * @param spark          the driver's context (not stopped here)
     * @param implementation the backend's registry name, bound on each executor
     */
    public SparkTrialEngine(JavaSparkContext spark, String implementation) {
        this.spark = spark;
        this.implementation = implementation;
    }

    @Override
    public Future<SeedTrials.Attempt> submit(ScalingTrial trial) {
        spark.setJobDescription(trial.label());
        JavaFutureAction<List<TrialTask.ShippedAttempt>> job = spark.parallelize(List.of(new TrialTask(implementation, trial)), 1)
                .map(TrialTask::compute).collectAsync();
        return new ShippedFuture(trial.label(), job);
    }

    /** The executor cores of the cluster ({@code spark.default.parallelism}, in standalone mode all executor cores). */
    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }

    /**
     * A job's future as the future of its one attempt. A job Spark aborted (a task lost more than
     * {@code spark.task.maxFailures} times) fails with an internal error naming the trial, not a numerical one.
     */
    private record ShippedFuture(String label, JavaFutureAction<List<TrialTask.ShippedAttempt>> job) implements Future<SeedTrials.Attempt> {
        @Override
        public SeedTrials.Attempt get() throws InterruptedException, ExecutionException {
            try {
                return unpack(job.get());
            } catch (ExecutionException e) {
                throw aborted(e);
            }
        }

        @Override
        public SeedTrials.Attempt get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            try {
                return unpack(job.get(timeout, unit));
            } catch (ExecutionException e) {
                throw aborted(e);
            }
        }

        private ExecutionException aborted(ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                return e;
            }
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return new ExecutionException(new IllegalStateException("the Spark job of " + label + " failed: "
                    + message.lines().findFirst().orElse("")));
        }

        private static SeedTrials.Attempt unpack(List<TrialTask.ShippedAttempt> shipped) throws ExecutionException {
            TrialTask.ShippedAttempt one = shipped.get(0);
            if (one.error() != null) {
                throw new ExecutionException(one.error());
            }
            return one.attempt();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return job.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public boolean isDone() {
            return job.isDone();
        }
    }
}
