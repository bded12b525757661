package org.beyondlazy.core.optim;

import java.util.function.DoubleFunction;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * What a bad step is consistent with (spec E9.16). Every accepted form is affine in the learning rate at a
 * fixed step given its replayed state: x_{k+1} = a_k + η_k b_k; the forms that are linear in the gradient
 * (all but Adam and AdamW) are also affine in η_k·λ. The diagnosis fits the trajectory's x_{k+1} by least
 * squares, first with one factor c on the rate (x ≈ a + c·η_k b), then — when that does not explain it —
 * with c and an extra λ together, and applies the tolerance of E9.5 to the fitted recomputation.
 */
@SpecRef("E9.16")
public final class StepDiagnosis {
    private StepDiagnosis() {
    }

    /** The verdict of the fit. */
    public enum Verdict {
        /** x_{k+1} = a + c·η_k b within the tolerance: the rate was c·η_k. */
        LEARNING_RATE,
        /** x_{k+1} matches with rate factor c and λ + Δλ: a different regularization (or weight decay). */
        LAMBDA,
        /** No rate (and λ) explains the step: not a multiple of this model's gradient. */
        NOT_A_GRADIENT_STEP
    }

    /**
     * @param step         the bad step k+1 (1-based)
     * @param verdict      the fit that explains it
     * @param rateFactor   the fitted c (the rate that fits is c·η_k)
     * @param lambdaShift  Δλ of the two-parameter fit (0 unless {@code LAMBDA})
     * @param residual     ‖x − fit‖ / ‖x − a‖ of the best fit tried (0 when x = a)
     * @param rateOnlyResidual the same for the one-factor fit
     */
    public record Result(int step, Verdict verdict, double rateFactor, double lambdaShift, double residual,
                         double rateOnlyResidual) {
    }

    /**
     * Diagnoses step {@code step} of a trajectory.
     *
     * @param objectiveAt f as a function of λ (the given λ and λ + 1 are asked for; the latter only for forms
     *                    linear in the gradient)
     * @param lambda      the λ the check used
     * @param iterates    x_0 … x_T; not modified
     * @param form        the form the check used
     * @param step        the bad step k+1, 1 ≤ step ≤ T
     * @param tolerance   the tolerance of the check
     */
    public static Result diagnose(DoubleFunction<Objective> objectiveAt, double lambda, double[][] iterates,
                                  UpdateForm form, int step, TrajectoryReplay.Tolerance tolerance) {
        Objective f = objectiveAt.apply(lambda);
        int n = f.parameterCount();
        boolean gradientLinear = !(form instanceof UpdateForm.TorchAdam);
        Objective g = gradientLinear ? objectiveAt.apply(lambda + 1) : null;
        UpdateForm.Replay one = form.replay(n);
        UpdateForm.Replay two = form.withLr(form.lr().times(2)).replay(n);
        UpdateForm.Replay shifted = gradientLinear ? form.replay(n) : null;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        int k = step - 1;
        for (int j = 0; j <= k; j++) { // replay the state up to step k (only the last outputs are used)
            double[] previous = j == 0 ? iterates[0] : iterates[j - 1];
            if (!form.memoryless() || j == k) {
                one.next(f, iterates[j], previous, j, x1);
                two.next(f, iterates[j], previous, j, x2);
                if (shifted != null) {
                    shifted.next(g, iterates[j], previous, j, x3);
                }
            }
        }
        double[] found = iterates[step];
        double[] b = new double[n]; // η_k b, the rate-proportional part
        double[] e = new double[n]; // η_k·(the λ + 1 direction − the λ direction)
        double[] y = new double[n]; // x − a
        for (int p = 0; p < n; p++) {
            b[p] = x2[p] - x1[p];
            double a = x1[p] - b[p];
            y[p] = found[p] - a;
            e[p] = shifted != null ? x1[p] - x3[p] : 0; // x3 = a + η(b + Δb): the step moves by −η Δb
        }
        double yy = dot(y, y);
        double bb = dot(b, b);
        double c = bb > 0 ? dot(y, b) / bb : 0;
        double[] fit = new double[n];
        for (int p = 0; p < n; p++) {
            fit[p] = x1[p] - b[p] + c * b[p];
        }
        double rateResidual = residual(y, fit, x1, b, yy);
        if (withinTolerance(fit, found, iterates[k], k == 0 ? iterates[0] : iterates[k - 1], tolerance)) {
            return new Result(step, Verdict.LEARNING_RATE, c, 0, rateResidual, rateResidual);
        }
        if (shifted != null) {
            // y ≈ c·b − s·e: with x3 − x1 = −e the λ + 1 step, s = c·Δλ (the extra λ is scaled by the rate)
            double be = dot(b, e);
            double ee = dot(e, e);
            double yb = dot(y, b);
            double ye = dot(y, e);
            double det = bb * ee - be * be;
            if (det > 1e-300 && ee > 0) {
                double c2 = (yb * ee - ye * be) / det;
                double s = -(ye * bb - yb * be) / det;
                double[] fit2 = new double[n];
                for (int p = 0; p < n; p++) {
                    fit2[p] = x1[p] - b[p] + c2 * b[p] - s * e[p];
                }
                double r2 = residual(y, fit2, x1, b, yy);
                if (c2 != 0 && withinTolerance(fit2, found, iterates[k], k == 0 ? iterates[0] : iterates[k - 1], tolerance)) {
                    return new Result(step, Verdict.LAMBDA, c2, s / c2, r2, rateResidual);
                }
                return new Result(step, Verdict.NOT_A_GRADIENT_STEP, c, 0, Math.min(r2, rateResidual), rateResidual);
            }
        }
        return new Result(step, Verdict.NOT_A_GRADIENT_STEP, c, 0, rateResidual, rateResidual);
    }

    private static double residual(double[] y, double[] fit, double[] x1, double[] b, double yy) {
        double r = 0;
        for (int p = 0; p < y.length; p++) {
            double a = x1[p] - b[p];
            double d = y[p] - (fit[p] - a);
            r += d * d;
        }
        return yy > 0 ? Math.sqrt(r / yy) : 0;
    }

    private static boolean withinTolerance(double[] fit, double[] found, double[] current, double[] previous,
                                           TrajectoryReplay.Tolerance tolerance) {
        double scale = 0;
        double momentum = 0;
        for (int p = 0; p < fit.length; p++) {
            scale = Math.max(scale, Math.abs(fit[p] - current[p]));
            momentum = Math.max(momentum, Math.abs(current[p] - previous[p]));
        }
        for (int p = 0; p < fit.length; p++) {
            if (Math.abs(fit[p] - found[p]) > tolerance.bound(fit[p], scale + momentum)) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int p = 0; p < u.length; p++) {
            s += u[p] * v[p];
        }
        return s;
    }
}
