package org.beyondlazy.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.core.variant.EpochRecord;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.core.variant.VariantRun;
import org.hipparchus.random.RandomGenerator;

/**
 * Runs one {@link RunSpec} on a backend (spec E9.8): builds the seeded truth and initialization, runs the
 * optimizer, hands every metrics line to a listener and returns the outcome. Writes nothing.
 */
@SpecRef("E9.8")
public final class Runner {
    private Runner() {
    }

    /** The seeded problem: truth (A3.2 or A3.4 rows) from {@code seed}; plain/homog signs from {@code seed + 1}. */
    public static Problem problem(RunSpec spec) {
        FactoredTruth truth = Generators.truth(spec.seed(), spec.order(), spec.dim(), spec.truthCoeffs(), spec.orthonormalTruth());
        double[] signs = null;
        RandomGenerator rng = Generators.rng(spec.seed() + 1);
        if (spec.model().hasSigns()) {
            signs = new double[spec.width()];
            for (int i = 0; i < spec.width(); i++) {
                signs[i] = spec.randomSigns() ? (rng.nextBoolean() ? 1.0 : -1.0) : 1.0;
            }
        }
        return new Problem(spec.model(), spec.width(), signs, spec.lambda(), truth);
    }

    /**
     * The seeded initial θ in the layout of E2.9, from {@code seed + 2}: rows with N(0, initScale²/d) entries;
     * for coef the coefficients initCoeff come first.
     */
    public static double[] initial(RunSpec spec, Problem problem) {
        RandomGenerator rng = Generators.rng(spec.seed() + 2);
        double[] w = Generators.gaussian(rng, spec.width(), spec.dim(), spec.initScale() / Math.sqrt(spec.dim()));
        double[] theta = new double[problem.parameterCount()];
        int offset = problem.weightsOffset();
        java.util.Arrays.fill(theta, 0, offset, spec.initCoeff());
        System.arraycopy(w, 0, theta, offset, w.length);
        return theta;
    }

    /**
     * The problem a run's {@link RunResult} refers to (spec E9.8): {@link #problem} for the step optimizers; for the
     * variant, the homog model of the same seeded truth that the variant fits (as {@code runVariant} reports it).
     * Lets an engine that ships results between processes (spec E9.20) rebuild a result without shipping the problem.
     */
    public static Problem resultProblem(RunSpec spec) {
        Problem problem = problem(spec);
        return spec.optimizer() == RunOptimizer.VARIANT ? Problem.of(ModelKind.HOMOG, spec.width(), spec.lambda(), problem.truth()) : problem;
    }

    static Optimizer optimizer(RunSpec spec) {
        return switch (spec.optimizer()) {
            case GD -> new GradientDescent(spec.lr());
            case HEAVY_BALL -> new HeavyBall(spec.lr(), spec.momentum());
            case NESTEROV -> new Nesterov(spec.lr());
            case GD_CERTIFIED -> new CertifiedStep(spec.fraction());
            case VARIANT -> throw new IllegalArgumentException("the variant is not a step optimizer");
        };
    }

    /**
     * Runs the spec. Metrics lines go to {@code metrics} in order: every {@code logEvery} steps and at the
     * last step (one line per epoch for the variant). A diverged run reports the lines up to the divergence
     * and no final parameters.
     */
    public static RunResult run(RunSpec spec, Backend backend, Consumer<Metric> metrics) {
        return spec.optimizer() == RunOptimizer.VARIANT ? runVariant(spec, backend, metrics) : runSteps(spec, backend, metrics, null);
    }

    /**
     * Runs a validated config on its backend and keeps everything a run directory holds (spec E9.8): the
     * metrics lines and, when {@code config.trajectory}, every iterate. Writes nothing.
     *
     * @param config the config, already validated into {@code spec} ({@link RunConfigs#spec})
     */
    public static CompletedRun execute(RunConfig config, RunSpec spec) {
        Backend backend = org.beyondlazy.core.Backends.get(config.implementation);
        List<Metric> metrics = new ArrayList<>();
        List<double[]> iterates = config.trajectory ? new ArrayList<>() : null;
        RunResult result = spec.optimizer() == RunOptimizer.VARIANT ? runVariant(spec, backend, metrics::add)
                : runSteps(spec, backend, metrics::add, iterates == null ? null : theta -> iterates.add(theta.clone()));
        return new CompletedRun(config, result, metrics, iterates);
    }

    /**
     * The step optimizers. A divergence — a non-finite loss at a logged step, or an optimizer's report of a
     * non-finite iterate (DIVERGED) — ends the run as a result, not an error: the lines so far are kept.
     * {@code iterates} (may be null) receives θ before every step and after the last.
     */
    private static RunResult runSteps(RunSpec spec, Backend backend, Consumer<Metric> metrics, Consumer<double[]> iterates) {
        Problem problem = problem(spec);
        Objective objective = backend.objective(problem);
        double[] theta = initial(spec, problem);
        Optimizer optimizer = optimizer(spec);
        long start = System.nanoTime();
        String failure = null;
        double lastLoss = Double.NaN;
        double lastRel = Double.NaN;
        int step;
        if (iterates != null) {
            iterates.accept(theta);
        }
        for (step = 0; step <= spec.steps(); step++) {
            boolean log = step % spec.logEvery() == 0 || step == spec.steps();
            double rel = Double.NaN;
            if (log || spec.targetError() > 0) {
                lastLoss = objective.value(theta);
                rel = objective.relativeError(theta);
                lastRel = rel;
                if (!Double.isFinite(lastLoss) || !Double.isFinite(rel)) {
                    failure = "non-finite loss at step " + step;
                    break;
                }
            }
            boolean done = step == spec.steps() || (spec.targetError() > 0 && rel <= spec.targetError());
            if (log || done) {
                metrics.accept(new Metric(null, step, lastLoss, lastRel, null, null));
            }
            if (done) {
                break;
            }
            try {
                optimizer.step(objective, theta);
            } catch (BeyondLazyException e) {
                if (e.code() != ErrorCode.DIVERGED) {
                    throw e;
                }
                failure = e.getMessage();
                step++;
                if (iterates != null) {
                    iterates.accept(theta); // the first non-finite iterate (E9.18)
                }
                lastLoss = Double.NaN;
                lastRel = Double.NaN;
                break;
            }
            if (iterates != null) {
                iterates.accept(theta);
            }
        }
        boolean diverged = failure != null;
        return new RunResult(diverged, failure, Math.min(step, spec.steps()), null, null, lastLoss, lastRel,
                (System.nanoTime() - start) / 1e9, problem, diverged ? null : theta, null);
    }

    private static RunResult runVariant(RunSpec spec, Backend backend, Consumer<Metric> metrics) {
        Problem problem = problem(spec);
        long start = System.nanoTime();
        VariantRun run;
        try {
            run = new VariantGradientDescent(spec.variantConfig()).run(backend, problem.truth(), spec.seed());
        } catch (BeyondLazyException e) {
            if (e.code() != ErrorCode.DIVERGED) {
                throw e;
            }
            // the variant reports its epochs only at the end: a divergence inside it leaves no epoch lines
            return new RunResult(true, e.getMessage(), 0, 0, false, Double.NaN, Double.NaN, (System.nanoTime() - start) / 1e9,
                    Problem.of(ModelKind.HOMOG, spec.width(), spec.lambda(), problem.truth()), null, null);
        }
        boolean finite = true;
        for (EpochRecord e : run.epochs()) {
            metrics.accept(new Metric(e.epoch(), e.steps(), e.loss(), e.relativeError(), e.active(), e.reinitialized()));
            finite &= Double.isFinite(e.loss());
        }
        EpochRecord last = run.epochs().get(run.epochs().size() - 1);
        Problem homog = Problem.of(ModelKind.HOMOG, spec.width(), spec.lambda(), problem.truth());
        return new RunResult(!finite, finite ? null : "non-finite loss", run.totalSteps(), run.epochs().size(), run.stoppedEarly(),
                last.loss(), run.finalRelativeError(), (System.nanoTime() - start) / 1e9, homog,
                finite ? run.theta().clone() : null, finite ? run.signs().clone() : null);
    }
}
