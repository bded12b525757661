package org.beyondlazy.experiments;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.AlphaScaling;
import org.beyondlazy.core.optim.GradientDescent;

/**
 * Lazy against rich training at the same width m &lt; m* (the audit's picture of claims C6 and C7 together):
 * GD on the α-scaled objective F_α with the paired centering (E5.1, E5.3), and plain GD (A4.1) from a small
 * initialization (α = 1), on one rank-one unit target, next to the lazy residual ρ_lazy(W₀) (A5.2) that bounds
 * the lazy limit from below. l = {@value #ORDER}, d = {@value #DIM}, m = {@value #WIDTH} &lt; m*(10, 3) = 22.
 * Prints nothing.
 */
@SpecRef({"E5.1", "E5.3", "A5.2"})
public final class LazyRichStudy {
    public static final int ORDER = 3;
    public static final int DIM = 10;
    public static final int WIDTH = 10;
    public static final double ALPHA = 64;
    public static final double LAZY_LR = 0.02;
    public static final double RICH_LR = 0.05;
    /** Rows of the rich run's W₀ have norm ≈ this. */
    public static final double RICH_INIT = 0.1;

    private LazyRichStudy() {
    }

    /**
     * The two error curves, sampled every {@code every} steps.
     *
     * @param step     the sampled steps 0, every, 2·every, …
     * @param lazy     ‖α·h(w) − T*‖/‖T*‖ of the lazy run (E5.1)
     * @param rich     the rich run's relative error
     * @param residual ρ_lazy(W₀) of the lazy run's initialization (A5.2)
     */
    public record Result(long seed, int steps, double[] step, double[] lazy, double[] rich, double residual) {
    }

    /**
     * Runs both for {@code steps} steps on seed s.
     *
     * @param trainer the backend that trains (one objective per run)
     * @param tangent the backend whose tangent space gives ρ_lazy (E5.7)
     */
    public static Result run(Backend trainer, Backend tangent, long seed, int steps, int every) {
        Check.atLeast("steps", steps, 1);
        Check.atLeast("sampling interval", every, 1);
        FactoredTruth truth = Generators.truth(seed, ORDER, DIM, new double[] {1.0}, false);
        double truthNorm = Math.sqrt(truth.normSquared());
        // lazy: paired initialization W₀ = [V; V], signs (+, −), target T*/α (E5.3)
        double[] halves = Generators.gaussian(Generators.rng(seed + 1), WIDTH / 2, DIM, 1.0 / Math.sqrt(DIM));
        double[] w0 = AlphaScaling.pairedInitialization(halves, DIM);
        Problem paired = new Problem(ModelKind.PLAIN, WIDTH, AlphaScaling.pairedSigns(WIDTH), 0.0, truth);
        Objective lazyF = trainer.objective(AlphaScaling.centeredByPairing(paired, ALPHA));
        // rich: α = 1, small initialization, all signs +1
        Objective richF = trainer.objective(Problem.of(ModelKind.PLAIN, WIDTH, 0.0, truth));
        double[] wr = Generators.gaussian(Generators.rng(seed + 2), WIDTH, DIM, RICH_INIT / Math.sqrt(DIM));
        double[] wl = w0.clone();
        GradientDescent lazyGd = new GradientDescent(LAZY_LR);
        GradientDescent richGd = new GradientDescent(RICH_LR);
        int samples = steps / every + 1;
        double[] t = new double[samples];
        double[] lazyErr = new double[samples];
        double[] richErr = new double[samples];
        for (int k = 0, s = 0; k <= steps; k++) {
            if (k % every == 0 && s < samples) {
                t[s] = k;
                lazyErr[s] = ALPHA * lazyF.residualNorm(wl) / truthNorm; // E5.1: ‖α·h(w) − T*‖/‖T*‖
                richErr[s] = richF.relativeError(wr);
                s++;
            }
            if (k < steps) {
                lazyGd.step(lazyF, wl);
                richGd.step(richF, wr);
            }
        }
        double rho = tangent.tangentSpace(paired, w0).lazyResidual(truth);
        return new Result(seed, steps, t, lazyErr, richErr, rho);
    }
}
