package org.beyondlazy.experiments;

import java.util.List;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.momentum.Envelope;
import org.beyondlazy.core.momentum.MomentumOdes;

/**
 * The three limiting ODEs of B21 (E6.2–E6.4) for a fixed diagonal kernel K = diag({@link #EIGENVALUES}) from
 * e(0) = (1, …, 1)/√n, e'(0) = 0 (the audit's picture of claim C11), integrated with Dormand–Prince (A6.1), and
 * the log–log slope of the Nesterov ODE's envelope (E6.5 predicts −3/2). Prints nothing.
 */
@SpecRef({"E6.2", "E6.3", "E6.4", "E6.5", "A6.1"})
public final class MomentumOdeStudy {
    /** The kernel's eigenvalues, so λ_min = 0.1. */
    public static final double[] EIGENVALUES = {1.0, 0.3, 0.1};
    /** Heavy-ball damping γ = 2√λ_min (critical damping of the slowest mode). */
    public static final double GAMMA = 2 * Math.sqrt(0.1);
    /** The Nesterov ODE starts at this t > 0 (its 3/t damping is singular at 0). */
    public static final double NESTEROV_START = 1e-4;
    /** Sampling interval of the integrators' output. */
    public static final double SAMPLE = 0.1;

    private MomentumOdeStudy() {
    }

    /** ‖e(t)‖ along one ODE. */
    public record Curve(double[] time, double[] errorNorm) {
        static Curve of(List<MomentumOdes.Sample> samples) {
            return new Curve(samples.stream().mapToDouble(MomentumOdes.Sample::time).toArray(),
                    samples.stream().mapToDouble(MomentumOdes.Sample::errorNorm).toArray());
        }
    }

    /**
     * The outcome.
     *
     * @param nesterovSlope log–log slope of the window maxima of the Nesterov curve on [end/20, end]
     */
    public record Result(double end, Curve gradientDescent, Curve heavyBall, Curve nesterov, double nesterovSlope) {
    }

    /** Integrates the three ODEs up to t = {@code end}. */
    public static Result run(double end) {
        int n = EIGENVALUES.length;
        double[][] k = new double[n][n];
        double[] e0 = new double[n];
        for (int i = 0; i < n; i++) {
            k[i][i] = EIGENVALUES[i];
            e0[i] = 1.0 / Math.sqrt(n);
        }
        MomentumOdes odes = new MomentumOdes(1e-14, 1e-11);
        Curve gd = Curve.of(odes.integrate(MomentumOdes.Form.GRADIENT_DESCENT, k, e0, 0, 0, SAMPLE, end));
        Curve hb = Curve.of(odes.integrate(MomentumOdes.Form.HEAVY_BALL, k, e0, GAMMA, 0, SAMPLE, end));
        Curve nes = Curve.of(odes.integrate(MomentumOdes.Form.NESTEROV, k, e0, 0, NESTEROV_START, SAMPLE, end));
        Envelope.Maxima maxima = Envelope.windowMaxima(nes.time(), nes.errorNorm(), Envelope.geometricEdges(end / 20, end, 1.3));
        return new Result(end, gd, hb, nes, Envelope.logLogSlope(maxima));
    }
}
