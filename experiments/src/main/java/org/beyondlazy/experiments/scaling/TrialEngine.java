package org.beyondlazy.experiments.scaling;

import java.util.concurrent.Future;
import org.beyondlazy.core.SpecRef;

/**
 * Where the trials of the scaling-law experiment are computed (spec E9.21): the seam between the study's driver
 * ({@link ScalingLawStudy#run(Backend, ScalingLawStudy.Spec, TrialEngine, java.util.function.Consumer)}), which decides
 * adaptively which trials a point needs and judges them in seed order (E7.10's sequential rule), and an engine that
 * computes them — this JVM's threads ({@link LocalTrialEngine}) or a Spark cluster (module {@code spark}).
 *
 * <p>A point submits all its seeds at once and reads the futures in seed order; once its verdict is known it cancels
 * the rest. An engine must therefore accept many submissions without blocking, may compute them in any order and
 * concurrently, and should drop a cancelled trial that has not started (a trial already running may finish; its
 * result is discarded). Since a trial's attempt depends only on the trial, the study's result does not depend on the
 * engine.
 */
@SpecRef("E9.21")
public interface TrialEngine {
    /** Starts computing {@code trial}; the future gives its attempt or the exception that stopped it. */
    Future<SeedTrials.Attempt> submit(ScalingTrial trial);

    /** How many trials the engine computes at once (threads, or executor cores): reported, never used for results. */
    int parallelism();
}
