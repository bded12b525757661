package org.beyondlazy.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.Sweep;
import org.beyondlazy.experiments.run.SweepDirectory;
import org.beyondlazy.experiments.run.SweepPlan;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;
import scala.collection.Iterator;
import scala.collection.immutable.Range$;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Spark engine of a sweep (spec E9.20): the pending runs of a {@link SweepDirectory}, in plan order, become the
 * elements of an RDD of {@link RunTask}s in {@code partitions} partitions; each executor task computes its runs with
 * the local sweep's runner and returns them, and the driver — the only writer — records each partition's runs as
 * soon as its task succeeds ({@code SparkContext.runJob} with a result handler, called once per partition however
 * many attempts the task took). A lost executor's tasks are retried by Spark; a killed driver loses only the runs
 * of unfinished partitions, which are pending again on resume, with this engine or the local one.
 */
@SpecRef("E9.20")
public final class SparkSweepEngine {
    private SparkSweepEngine() {
    }

    /**
     * Computes the pending runs of {@code plan} on the cluster of {@code spark} and records them in {@code directory}.
     *
     * @param partitions how many tasks to split the pending runs into (at most one per run; one per run loses the
     *                   least to a killed driver and balances best)
     * @param listener   told of each run when its partition is recorded, on the driver
     * @return what the sweep did, counted as {@link Sweep#execute} counts
     */
    public static Sweep.Outcome execute(SweepPlan plan, SweepDirectory directory, JavaSparkContext spark, int partitions,
            Sweep.Listener listener) {
        List<PlannedRun> todo = directory.pending(plan);
        int skipped = plan.runs().size() - todo.size();
        listener.started(plan.runs().size(), skipped);
        if (todo.isEmpty()) {
            return new Sweep.Outcome(plan.runs().size(), skipped, 0, 0, 0, null);
        }
        Map<String, PlannedRun> byId = new LinkedHashMap<>();
        List<RunTask> tasks = new ArrayList<>();
        for (PlannedRun run : todo) {
            byId.put(run.id(), run);
            tasks.add(RunTask.of(run));
        }
        int slices = Math.max(1, Math.min(partitions, tasks.size()));
        RDD<RunTask> rdd = spark.parallelize(tasks, slices).rdd();
        Recorder recorder = new Recorder(directory, byId, listener);
        @SuppressWarnings("unchecked")
        ClassTag<ArrayList<ShippedRun>> tag = (ClassTag<ArrayList<ShippedRun>>) (ClassTag<?>) ClassTag$.MODULE$.apply(ArrayList.class);
        spark.sc().runJob(rdd, new ComputePartition(), Range$.MODULE$.apply(0, slices), recorder, tag);
        return new Sweep.Outcome(plan.runs().size(), skipped, recorder.ran.get(), recorder.diverged.get(), recorder.failed.get(),
                recorder.first.get());
    }

    /** The executor side: computes a partition's runs one after the other. */
    private static final class ComputePartition extends AbstractFunction2<TaskContext, Iterator<RunTask>, ArrayList<ShippedRun>>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayList<ShippedRun> apply(TaskContext context, Iterator<RunTask> tasks) {
            ArrayList<ShippedRun> out = new ArrayList<>();
            while (tasks.hasNext()) {
                out.add(tasks.next().compute());
            }
            return out;
        }
    }

    /** The driver side: records a finished partition's runs (called by Spark's scheduler once per partition). */
    private static final class Recorder extends AbstractFunction2<Object, ArrayList<ShippedRun>, BoxedUnit> {
        private final SweepDirectory directory;
        private final Map<String, PlannedRun> byId;
        private final Sweep.Listener listener;
        final AtomicInteger ran = new AtomicInteger();
        final AtomicInteger diverged = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<RuntimeException> first = new AtomicReference<>();

        Recorder(SweepDirectory directory, Map<String, PlannedRun> byId, Sweep.Listener listener) {
            this.directory = directory;
            this.byId = byId;
            this.listener = listener;
        }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<ShippedRun> runs) {
            for (ShippedRun shipped : runs) {
                record(shipped);
            }
            return BoxedUnit.UNIT;
        }

        private void record(ShippedRun shipped) {
            PlannedRun run = byId.get(shipped.id());
            RunResult result = null;
            RuntimeException failure = shipped.isFailure() ? shipped.error() : null;
            if (failure == null) {
                try {
                    var completed = shipped.completed(run);
                    result = completed.result();
                    if (directory.record(run, completed)) { // false: a line exists already (exactly once per id)
                        ran.incrementAndGet();
                        if (result.diverged()) {
                            diverged.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e; // the driver could not write it (a full disk): pending again on resume
                }
            }
            if (failure != null) {
                failed.incrementAndGet();
                first.compareAndSet(null, failure);
                directory.recordFailure(run, failure);
            }
            listener.finished(run, result, failure);
        }
    }
}
