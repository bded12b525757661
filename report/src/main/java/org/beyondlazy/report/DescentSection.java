package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.DescentStudy;
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
    static final int ORDER = DescentStudy.ORDER;
    static final int DIM = DescentStudy.DIM;
    static final int WIDTH = DescentStudy.WIDTH;
    static final int RANK = DescentStudy.RANK;
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

    @Override
    public Result run(Context context) {
        int steps = context.full() ? 2000 : 300;
        int seeds = context.full() ? 200 : 30;
        Result result = Result.empty();
        long plotSeed = context.seed(PLOT_SEED);
        DescentStudy.Result study = DescentStudy.run(new ReferenceBackend(), new DescentStudy.Spec(steps, context.seed(0), seeds, plotSeed,
                MonotonicityClaims.ROUND_OFF_REL, MonotonicityClaims.FLOW_INCREASE_REL));
        double[] t = study.gdTime();
        double[] loss = study.gdLoss();
        double[] ft = study.flowTime();
        double[] fl = study.flowLoss();
        boolean flowMonotone = study.flowMonotone();
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
        int ok = study.holding();
        List<List<String>> rows = new ArrayList<>();
        for (DescentStudy.Seed seed : study.seeds()) {
            if (seed.seed() < context.seed(5) || !seed.holds()) {
                rows.add(List.of(Long.toString(seed.seed()), String.format("%.4g", seed.first()), String.format("%.4g", seed.last()),
                        seed.holds() ? "yes" : "no (step " + seed.brokenAt() + ")"));
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
