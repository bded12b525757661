package org.beyondlazy.experiments;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientFlow;

/**
 * The measurement behind the audit's picture of claim C4: certified gradient descent (A4.6) against gradient
 * flow (A4.4) on one instance, on the time axis t = Σ η_k, and the descent lemma f_{k+1} ≤ f_k − (η_k/2)‖g_k‖²
 * checked at every step of certified GD over many seeds. Plain model, l = {@value #ORDER}, d = {@value #DIM},
 * m = {@value #WIDTH}, truth of r = {@value #RANK} random unit rows with c* = 1 from seed s, rows of W₀ with
 * N(0, 0.7²) entries from seed s + 1. Prints nothing.
 */
@SpecRef({"A4.4", "A4.6", "C4"})
public final class DescentStudy {
    public static final int ORDER = 3;
    public static final int DIM = 5;
    public static final int WIDTH = 4;
    public static final int RANK = 2;
    /** Standard deviation of the entries of W₀ (large enough that the loss has curvature to descend along). */
    public static final double INIT_SCALE = 0.7;
    /** Tolerances of the gradient-flow integration (A4.4). */
    public static final double FLOW_TOLERANCE = 1e-10;

    private DescentStudy() {
    }

    /**
     * What to measure.
     *
     * @param steps        certified-GD steps per run
     * @param firstSeed    seeds firstSeed … firstSeed + seeds − 1 for the descent lemma
     * @param seeds        ≥ 1
     * @param plotSeed     the seed of the GD-versus-flow curves
     * @param roundOffRel  the descent lemma's round-off allowance, relative to the expanded loss's magnitude
     * @param flowRiseRel  the flow's allowed rise between samples, relative to max(1, f₀)
     */
    public record Spec(int steps, long firstSeed, int seeds, long plotSeed, double roundOffRel, double flowRiseRel) {
        public Spec {
            Check.atLeast("steps", steps, 1);
            Check.atLeast("seeds", seeds, 1);
        }
    }

    /** One seed of the descent-lemma check: f before and after the run, and the first step that broke it (−1 if none). */
    public record Seed(long seed, double first, double last, int brokenAt) {
        public boolean holds() {
            return brokenAt < 0;
        }
    }

    /**
     * The outcome.
     *
     * @param gdTime       t_k = Σ_{j<k} η_j, k = 0 … steps
     * @param gdLoss       f(θ_k)
     * @param flowTime     the flow's sample times
     * @param flowLoss     f along the flow
     * @param flowMonotone whether the flow's f never rose beyond the allowance
     * @param seeds        the descent-lemma check per seed
     */
    public record Result(Spec spec, double[] gdTime, double[] gdLoss, double[] flowTime, double[] flowLoss, boolean flowMonotone,
                         List<Seed> seeds) {
        public int holding() {
            return (int) seeds.stream().filter(Seed::holds).count();
        }
    }

    /** The instance of seed s. */
    public static Problem problem(long seed) {
        FactoredTruth truth = Generators.truth(seed, ORDER, DIM, Generators.constant(RANK, 1.0), false);
        return Problem.of(ModelKind.PLAIN, WIDTH, 0.0, truth);
    }

    /** W₀ of seed s. */
    public static double[] initial(long seed) {
        return Generators.gaussian(Generators.rng(seed + 1), WIDTH, DIM, INIT_SCALE);
    }

    /** Runs the study on {@code backend}. */
    public static Result run(Backend backend, Spec spec) {
        Problem p = problem(spec.plotSeed());
        Objective f = backend.objective(p);
        double[] theta = initial(spec.plotSeed());
        double[] theta0 = theta.clone();
        CertifiedStep gd = new CertifiedStep(1.0);
        double[] t = new double[spec.steps() + 1];
        double[] loss = new double[spec.steps() + 1];
        loss[0] = f.value(theta);
        for (int k = 0; k < spec.steps(); k++) {
            gd.step(f, theta);
            t[k + 1] = t[k] + gd.lastStepSize();
            loss[k + 1] = f.value(theta);
        }
        List<GradientFlow.Sample> flow = new GradientFlow(FLOW_TOLERANCE, FLOW_TOLERANCE, 4).integrate(f, theta0, t[spec.steps()]);
        double[] ft = flow.stream().mapToDouble(GradientFlow.Sample::time).toArray();
        double[] fl = flow.stream().mapToDouble(GradientFlow.Sample::value).toArray();
        boolean monotone = true;
        for (int k = 1; k < fl.length; k++) {
            monotone &= fl[k] <= fl[k - 1] + spec.flowRiseRel() * Math.max(1, fl[0]);
        }
        List<Seed> seeds = new ArrayList<>();
        for (long seed = spec.firstSeed(); seed < spec.firstSeed() + spec.seeds(); seed++) {
            Problem q = problem(seed);
            Objective g = backend.objective(q);
            double[] th = initial(seed);
            double allowance = spec.roundOffRel() * ExpandedLoss.magnitude(q, (FactoredTruth) q.truth(), th);
            CertifiedStep c = new CertifiedStep(1.0);
            double before = g.value(th);
            double first = before;
            int broken = -1;
            for (int k = 0; k < spec.steps() && broken < 0; k++) {
                c.step(g, th);
                double after = g.value(th);
                if (!(after <= before - 0.5 * c.lastStepSize() * c.lastGradientNormSquared() + allowance)) {
                    broken = k + 1;
                }
                before = after;
            }
            seeds.add(new Seed(seed, first, before, broken));
        }
        return new Result(spec, t, loss, ft, fl, monotone, List.copyOf(seeds));
    }
}
