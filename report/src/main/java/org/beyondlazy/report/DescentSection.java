package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientFlow;
import org.beyondlazy.properties.MonotonicityClaims;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * Audit section for C4: the loss of certified gradient descent (A4.6) and of gradient flow (A4.4) against
 * time t = Σ η_k on a seeded instance, and the descent lemma checked along certified-GD runs over many
 * seeds (success rate with a Wilson interval).
 */
@SpecRef("C4")
public final class DescentSection implements AuditSection {
    /** Sizes of the plotted instance: plain model, l = 3, d = 5, m = 4, r = 2 unit rows with c* = 1. */
    static final int ORDER = 3;
    static final int DIM = 5;
    static final int WIDTH = 4;
    static final int RANK = 2;
    /** Seed of the plotted instance. */
    static final long PLOT_SEED = 2020L;

    @Override
    public String id() {
        return "descent";
    }

    @Override
    public List<String> claims() {
        return List.of("C4");
    }

    @Override
    public String title() {
        return "Certified gradient descent and gradient flow (C4)";
    }

    static Problem problem(long seed) {
        FactoredTruth truth = Generators.truth(seed, ORDER, DIM, Generators.constant(RANK, 1.0), false);
        return Problem.of(ModelKind.PLAIN, WIDTH, 0.0, truth);
    }

    static double[] initial(long seed) {
        return Generators.gaussian(Generators.rng(seed + 1), WIDTH, DIM, 0.7);
    }

    @Override
    public Result run(Context context) {
        int steps = context.full() ? 2000 : 300;
        int seeds = context.full() ? 200 : 30;
        Result result = Result.empty();
        // 1. the plotted instance: certified GD against gradient flow on the same time axis
        long plotSeed = context.seed(PLOT_SEED);
        Problem p = problem(plotSeed);
        Objective f = new ReferenceBackend().objective(p);
        double[] theta = initial(plotSeed);
        double[] theta0 = theta.clone();
        CertifiedStep gd = new CertifiedStep(1.0);
        double[] t = new double[steps + 1];
        double[] loss = new double[steps + 1];
        loss[0] = f.value(theta);
        for (int k = 0; k < steps; k++) {
            gd.step(f, theta);
            t[k + 1] = t[k] + gd.lastStepSize();
            loss[k + 1] = f.value(theta);
        }
        List<GradientFlow.Sample> flow = new GradientFlow(1e-10, 1e-10, 4).integrate(f, theta0, t[steps]);
        double[] ft = flow.stream().mapToDouble(GradientFlow.Sample::time).toArray();
        double[] fl = flow.stream().mapToDouble(GradientFlow.Sample::value).toArray();
        boolean flowMonotone = true;
        for (int k = 1; k < fl.length; k++) {
            flowMonotone &= fl[k] <= fl[k - 1] + MonotonicityClaims.FLOW_INCREASE_REL * Math.max(1, fl[0]);
        }
        String file = id() + "-loss.png";
        Plots.line(context.figures().resolve(file), "Loss: certified GD vs gradient flow (seed " + plotSeed + ")",
                "time t (GD: sum of step sizes)", "f", true, List.of(
                        new Plots.Series("certified GD (A4.6), " + steps + " steps", t, loss, false),
                        new Plots.Series("gradient flow (A4.4, tol 1e-10)", ft, fl, false)));
        result.figures().add(new Figure(file, "Loss f of certified GD (one point per step, time = Σ η_k) and of gradient "
                + "flow on the same horizon; plain model, l = " + ORDER + ", d = " + DIM + ", m = " + WIDTH + ", r = " + RANK
                + ", seed " + plotSeed + ". GD with the certified step tracks the flow.",
                "C4 fails if either curve rises anywhere (beyond the round-off allowance of the property), or if a seed of the table "
                        + "breaks the descent lemma f_{k+1} ≤ f_k − (η/2)‖g‖²."));
        // 2. the descent lemma over many seeds
        int ok = 0;
        List<List<String>> rows = new ArrayList<>();
        for (long seed = context.seed(0); seed < context.seed(seeds); seed++) {
            Problem q = problem(seed);
            Objective g = new ReferenceBackend().objective(q);
            double[] th = initial(seed);
            double allowance = MonotonicityClaims.ROUND_OFF_REL * ExpandedLoss.magnitude(q, (FactoredTruth) q.truth(), th);
            CertifiedStep c = new CertifiedStep(1.0);
            double before = g.value(th);
            double first = before;
            boolean holds = true;
            int k = 0;
            for (; k < steps && holds; k++) {
                c.step(g, th);
                double after = g.value(th);
                holds = after <= before - 0.5 * c.lastStepSize() * c.lastGradientNormSquared() + allowance;
                before = after;
            }
            ok += holds ? 1 : 0;
            if (seed < context.seed(5) || !holds) {
                rows.add(List.of(Long.toString(seed), String.format("%.4g", first), String.format("%.4g", before),
                        holds ? "yes" : "no (step " + k + ")"));
            }
        }
        result.tables().add(new Table("Descent lemma along certified GD (" + steps + " steps per seed; first seeds and any failure)",
                List.of("seed", "f₀", "f after the run", "descent lemma at every step"), rows));
        result.measurements().add(new Measurement("C4", ok + "/" + seeds + " seeds satisfy f_{k+1} ≤ f_k − (η/2)‖g‖² at all " + steps + " steps; gradient flow "
                        + (flowMonotone ? "non-increasing" : "INCREASES") + " on the plotted seed",
                context.seed(0) + ".." + context.seed(seeds - 1) + " (plot: " + plotSeed + ")", ok, seeds));
        return new Result("Gradient descent with the certified step of A4.6 on the plain model, l = " + ORDER
                + ", and gradient flow (A4.4) from the same start.", result.figures(), result.tables(), result.measurements());
    }
}
