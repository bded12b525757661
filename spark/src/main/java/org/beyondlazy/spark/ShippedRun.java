package org.beyondlazy.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.CompletedRun;
import org.beyondlazy.experiments.run.Metric;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.Runner;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;

/**
 * A computed run on its way from an executor to the driver (spec E9.20): everything of a {@link CompletedRun} but
 * the seeded problem, which the driver rebuilds from the config ({@link Runner#resultProblem}) — the generators are
 * seeded, so the rebuilt truth is bitwise the executor's. Either a result or a failure (an error code and message).
 *
 * @param id           the run's id
 * @param diverged     see {@link RunResult}
 * @param failure      the divergence's description, or {@code null}
 * @param steps        optimizer steps taken
 * @param epochs       variant epochs, else {@code null}
 * @param stoppedEarly variant only, else {@code null}
 * @param finalLoss    f at the last evaluated point
 * @param finalRelativeError ‖T − T*‖/‖T*‖ there
 * @param seconds      wall time on the executor
 * @param theta        the final θ (E2.9 layout), {@code null} when diverged
 * @param signs        the variant's final signs, else {@code null}
 * @param metrics      the metrics lines, in order
 * @param iterates     θ_0 … θ_T when the config keeps the trajectory, else {@code null}
 * @param error        for a run that could not be computed: the {@link BeyondLazyException} (its code travels with
 *                     it) or an internal error reduced to its message; {@code null} for a computed run
 */
@SpecRef("E9.20")
public record ShippedRun(String id, boolean diverged, String failure, long steps, Integer epochs, Boolean stoppedEarly,
        double finalLoss, double finalRelativeError, double seconds, double[] theta, double[] signs,
        ArrayList<ShippedMetric> metrics, ArrayList<double[]> iterates, RuntimeException error)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A {@link Metric} line, serializable. */
    public record ShippedMetric(Integer epoch, long step, double loss, double relativeError, Integer active, Integer reinitialized)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static ShippedMetric of(Metric m) {
            return new ShippedMetric(m.epoch(), m.step(), m.loss(), m.relativeError(), m.active(), m.reinitialized());
        }

        Metric metric() {
            return new Metric(epoch, step, loss, relativeError, active, reinitialized);
        }
    }

    /** A computed run, as shipped. */
    public static ShippedRun of(String id, CompletedRun completed) {
        RunResult r = completed.result();
        ArrayList<ShippedMetric> metrics = new ArrayList<>();
        completed.metrics().forEach(m -> metrics.add(ShippedMetric.of(m)));
        ArrayList<double[]> iterates = completed.iterates() == null ? null : new ArrayList<>(completed.iterates());
        return new ShippedRun(id, r.diverged(), r.failure(), r.steps(), r.epochs(), r.stoppedEarly(), r.finalLoss(),
                r.finalRelativeError(), r.seconds(), r.theta(), r.signs(), metrics, iterates, null);
    }

    /** A run that could not be computed; an exception of the project's vocabulary keeps its code (E9.6). */
    public static ShippedRun failed(String id, RuntimeException e) {
        RuntimeException shipped = e instanceof BeyondLazyException b ? b
                : new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage()); // its cause may not serialize
        return new ShippedRun(id, false, null, 0, null, null, Double.NaN, Double.NaN, 0, null, null, new ArrayList<>(), null, shipped);
    }

    /** Whether the run could not be computed (then {@link #error} says why). */
    public boolean isFailure() {
        return error != null;
    }

    /** The completed run, its problem rebuilt from the planned run's spec. */
    public CompletedRun completed(PlannedRun run) {
        RunResult result = new RunResult(diverged, failure, steps, epochs, stoppedEarly, finalLoss, finalRelativeError, seconds,
                Runner.resultProblem(run.spec()), theta, signs);
        List<Metric> lines = new ArrayList<>();
        metrics.forEach(m -> lines.add(m.metric()));
        return new CompletedRun(run.config(), result, lines, iterates);
    }
}
