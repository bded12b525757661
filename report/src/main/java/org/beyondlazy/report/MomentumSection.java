package org.beyondlazy.report;

import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.MomentumOdeStudy;

/**
 * Audit section for C11: the decay of ‖e(t)‖ under the gradient-descent, heavy-ball and Nesterov ODEs
 * (E6.2–E6.4) for a fixed positive definite kernel, with the t^{−3/2} envelope of the Nesterov ODE.
 */
@SpecRef("C11")
public final class MomentumSection implements AuditSection {
    /** Heavy-ball damping of the plotted curve (MomentumOdeStudy). */
    static final double GAMMA = MomentumOdeStudy.GAMMA;

    @Override
    public String id() {
        return "momentum";
    }

    @Override
    public List<String> claims() {
        return List.of("C11");
    }

    @Override
    public String title() {
        return "Momentum in the NTK regime: limiting ODEs (C11)";
    }

    @Override
    public Result run(Context context) {
        double end = context.full() ? 400 : 150;
        MomentumOdeStudy.Result study = MomentumOdeStudy.run(end);
        Result result = Result.empty();
        double[] nt = study.nesterov().time();
        double[] nv = study.nesterov().errorNorm();
        double[] ref = new double[nt.length];
        for (int i = 0; i < nt.length; i++) {
            ref[i] = 10 * Math.pow(nt[i], -1.5);
        }
        String file = id() + "-decay.png";
        Plots.chart(context.figures().resolve(file), "‖e(t)‖ under the limiting ODEs (K = diag(1, 0.3, 0.1))", new Plots.Axes("t", "‖e(t)‖", true, true), List.of(
                new Plots.Series("GD (E6.2): e' = −Ke", study.gradientDescent().time(), study.gradientDescent().errorNorm(), false),
                new Plots.Series("heavy ball (E6.3): e'' + γe' + Ke = 0, γ = " + String.format(Locale.ROOT, "%.3f", GAMMA),
                        study.heavyBall().time(), study.heavyBall().errorNorm(), false),
                new Plots.Series("Nesterov (E6.4): e'' + (3/t)e' + Ke = 0", nt, nv, false),
                new Plots.Series("10·t^(−3/2) (E6.5)", nt, ref, false)));
        result.figures().add(new Figure(file, "Error norm under the three ODEs of spec 06-momentum.md from e(0) = (1,1,1)/√3, e'(0) = 0: "
                + "on these log–log axes GD and heavy ball bend down (exponential decay), the Nesterov ODE follows the straight t^(−3/2) line.",
                "C11 fails if the Nesterov envelope's log–log slope leaves −3/2 ± 0.1, or if GD or heavy ball stop decaying exponentially "
                        + "(a straight line here)."));
        double slope = study.nesterovSlope();
        result.measurements().add(new Measurement("C11", String.format(Locale.ROOT,
                "log-log slope of the Nesterov-ODE envelope on [%.0f, %.0f]: %.3f (claim −3/2 ± 0.1)", end / 20, end, slope),
                "deterministic (fixed kernel)", null, null));
        return new Result("The prediction error of the linearized model under the limiting ODEs of B21 (E6.2–E6.4), integrated with "
                + "Dormand–Prince 8(5,3) (A6.1).", result.figures(), result.tables(), result.measurements());
    }
}
