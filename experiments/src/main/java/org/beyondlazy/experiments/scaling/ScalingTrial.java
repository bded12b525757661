package org.beyondlazy.experiments.scaling;

import java.io.Serializable;
import java.util.Locale;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.SpecRef;

/**
 * One unit of work of the scaling-law experiment (spec E9.21): one seed of one (kind, l, d, r, m) point of E7.10, with
 * everything needed to compute it on any JVM — the schedule of E7.9 and ε travel with it, the backend is named by the
 * engine. Its attempt depends on these fields only (the seed fixes the truth and the initialization), so it is the same
 * whichever thread, executor or attempt computes it.
 *
 * @param kind     which run: the variant, the variant without re-initialization, or the vanilla control
 * @param order    l
 * @param dim      d
 * @param rank     r
 * @param width    m
 * @param seed     run seed s (truth seed 1000 + s)
 * @param epsilon  ε, the success threshold (and the variant's early-stop target)
 * @param schedule the schedule of E7.9 (not modified)
 */
@SpecRef({"E9.21", "E7.10"})
public record ScalingTrial(Kind kind, int order, int dim, int rank, int width, long seed, double epsilon, ScalingSchedule schedule)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The three single-seed runs of E7.10. */
    public enum Kind {
        /** A7.1 with the options of E7.9 at (l, d, r, m): the width scan and the fixed-width runs. */
        VARIANT,
        /** The control: one epoch of H·K steps, no re-initialization. */
        NO_REINITIALIZATION,
        /** The control: vanilla gradient descent on the plain model with the budget H·K. */
        VANILLA
    }

    public ScalingTrial {
        Check.atLeast("trial width m", width, 1);
        Check.positive("trial epsilon", epsilon);
        if (kind == null || schedule == null) {
            throw new IllegalArgumentException("a trial needs a kind and a schedule");
        }
    }

    /** Computes the attempt on {@code backend} ({@link ScalingAttempts}); thread-safe across trials. */
    public SeedTrials.Attempt attempt(Backend backend) {
        var truth = ScalingAttempts.truth(order, dim, rank, seed);
        return switch (kind) {
            case VARIANT -> ScalingAttempts.variant(backend, truth, schedule.variant(order, dim, rank, width, epsilon), seed);
            case NO_REINITIALIZATION -> ScalingAttempts.variant(backend, truth,
                    schedule.withoutReinitialization(order, dim, rank, width, epsilon), seed);
            case VANILLA -> ScalingAttempts.vanilla(backend, truth, width, schedule.vanillaInitNorm(), schedule.eta(),
                    schedule.stepBudget(order, dim, rank), epsilon, seed);
        };
    }

    /** A short name for logs and failures, e.g. {@code variant l=3 d=10 r=3 m=4 s=100}. */
    public String label() {
        return String.format(Locale.ROOT, "%s l=%d d=%d r=%d m=%d s=%d", kind.name().toLowerCase(Locale.ROOT), order, dim, rank, width, seed);
    }
}
