package org.beyondlazy.core.momentum;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The limiting ODEs of the prediction error e ∈ R^n in the linearized regime with a symmetric positive
 * definite kernel K (spec E6.1–E6.4), integrated by Hipparchus' Dormand–Prince 8(5,3) integrator (A6.1):
 * <ul>
 *   <li>{@link Form#GRADIENT_DESCENT} e' = −Ke (E6.2);</li>
 *   <li>{@link Form#HEAVY_BALL} e'' + γe' + Ke = 0 (E6.3);</li>
 *   <li>{@link Form#NESTEROV} e'' + (3/t)e' + Ke = 0 (E6.4), singular at t = 0, started at t₀ &gt; 0 from
 *       its Taylor series (A6.1 step 1).</li>
 * </ul>
 * Initial conditions e(0) = e₀ and, for the second-order forms, e'(0) = 0.
 */
@SpecRef({"E6.1", "E6.2", "E6.3", "E6.4", "A6.1"})
public final class MomentumOdes {
    /** The three limiting ODEs. */
    public enum Form { GRADIENT_DESCENT, HEAVY_BALL, NESTEROV }

    /** e and e' at one time of the uniform output grid (e' is zero-length for the first-order form). */
    public record Sample(double time, double[] error, double[] velocity) {
        /** ‖e(t)‖. */
        public double errorNorm() {
            return Math.sqrt(dot(error, error));
        }
    }

    private final double absoluteTolerance;
    private final double relativeTolerance;

    /**
     * @param absoluteTolerance integrator absolute tolerance per coordinate
     * @param relativeTolerance integrator relative tolerance per coordinate
     */
    public MomentumOdes(double absoluteTolerance, double relativeTolerance) {
        this.absoluteTolerance = Check.positive("absolute tolerance", absoluteTolerance);
        this.relativeTolerance = Check.positive("relative tolerance", relativeTolerance);
    }

    /**
     * Integrates one form on [0, endTime] (Nesterov: on [t₀, endTime], A6.1 step 1) and returns e on the
     * grid t = k·spacing (k ≥ 1 for Nesterov, k ≥ 0 otherwise) up to endTime.
     *
     * @param kernel  K, n×n symmetric positive definite; not modified (symmetry checked, definiteness is the caller's)
     * @param e0      e(0), length n; not modified
     * @param damping γ &gt; 0 of the heavy-ball form (ignored otherwise)
     * @param start   t₀ &gt; 0 of the Nesterov form, smaller than spacing (ignored otherwise)
     */
    public List<Sample> integrate(Form form, double[][] kernel, double[] e0, double damping, double start,
                                  double spacing, double endTime) {
        int n = kernel.length;
        Check.atLeast("kernel size n", n, 1);
        Check.length("initial error e0", e0, n, "n = " + n);
        checkSymmetric(kernel);
        Check.positive("grid spacing", spacing);
        Check.positive("end time", endTime);
        boolean second = form != Form.GRADIENT_DESCENT;
        if (form == Form.HEAVY_BALL) {
            Check.positive("heavy-ball damping gamma", damping);
        }
        double t0 = 0.0;
        double[] y0 = new double[second ? 2 * n : n];
        System.arraycopy(e0, 0, y0, 0, n); // A6.1 step 1: e(0) = e₀, e'(0) = 0
        if (form == Form.NESTEROV) {
            Check.positive("Nesterov start time t0", start);
            if (start >= spacing) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "Nesterov start time t0",
                        "< grid spacing " + spacing, start);
            }
            t0 = start;
            // A6.1 step 1: e(t₀) = (I − t₀²K/8 + t₀⁴K²/192)e₀, e'(t₀) = (−t₀K/4 + t₀³K²/48)e₀
            double[] ke = multiply(kernel, e0);
            double[] kke = multiply(kernel, ke);
            for (int a = 0; a < n; a++) {
                y0[a] = e0[a] - t0 * t0 / 8 * ke[a] + Math.pow(t0, 4) / 192 * kke[a];
                y0[n + a] = -t0 / 4 * ke[a] + Math.pow(t0, 3) / 48 * kke[a];
            }
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] e = new double[n];
                System.arraycopy(y, 0, e, 0, n);
                double[] ke = multiply(kernel, e);
                double[] dy = new double[y.length];
                // the friction of the second-order forms; no default: a new form must say its equation
                double friction = switch (form) {
                    case GRADIENT_DESCENT -> 0; // first order: unused
                    case HEAVY_BALL -> damping; // E6.3: v' = −γv − Ke
                    case NESTEROV -> 3.0 / t; // E6.4: v' = −(3/t)v − Ke
                };
                for (int a = 0; a < n; a++) {
                    if (form == Form.GRADIENT_DESCENT) {
                        dy[a] = -ke[a]; // E6.2: e' = −Ke
                    } else {
                        dy[a] = y[n + a]; // e' = v
                        dy[n + a] = -friction * y[n + a] - ke[a];
                    }
                }
                return dy;
            }
        };
        List<Sample> samples = new ArrayList<>();
        double firstGrid = form == Form.NESTEROV ? spacing : 0.0;
        if (form != Form.NESTEROV) {
            samples.add(sample(t0, y0, n, second));
        }
        ODEIntegrator integrator = new DormandPrince853Integrator(1e-12, endTime, absoluteTolerance, relativeTolerance);
        integrator.addStepHandler(new ODEStepHandler() {
            private int next = 1;

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t1 = interpolator.getCurrentState().getTime();
                while (next * spacing <= t1 * (1 + 1e-14) && next * spacing <= endTime * (1 + 1e-14)) { // A6.1 step 3: dense output on the grid
                    double t = Math.min(next * spacing, t1);
                    ODEStateAndDerivative s = interpolator.getInterpolatedState(t);
                    samples.add(sample(next * spacing, s.getPrimaryState(), n, second));
                    next++;
                }
            }
        });
        try {
            integrator.integrate(ode, new ODEState(t0, y0), endTime); // A6.1 step 2
        } catch (MathRuntimeException e) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "momentum ODE integrator", e.getMessage());
        }
        if (samples.isEmpty() || samples.get(0).time() < firstGrid - 1e-12) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "momentum ODE integrator", "no grid samples");
        }
        return samples;
    }

    /**
     * Spec E6.4: the exact Nesterov-ODE solution of one mode, e(t) = e(0)·2J₁(√λ t)/(√λ t) (1 at t = 0), the
     * value an eigen-decomposed integration must reproduce.
     */
    @SpecRef("E6.4")
    public static double nesterovMode(double eigenvalue, double time) {
        double x = Math.sqrt(eigenvalue) * time;
        if (x < 1e-4) {
            return 1 - x * x / 8;
        }
        return 2 * org.hipparchus.special.BesselJ.value(1, x) / x;
    }

    /**
     * Spec E6.6: the predicted log-ratio of the envelope of the discrete {@code nesterov-convex} iteration at a
     * fixed step between steps k₁ &lt; k₂ on a quadratic whose slowest mode has ηλ_min = {@code stepTimesLambda}:
     * (k₂ − k₁)·½·ln(1 − ηλ_min) − (3/2)·ln(k₂/k₁).
     */
    @SpecRef("E6.6")
    public static double discreteNesterovLogRatio(double stepTimesLambda, int k1, int k2) {
        if (!(stepTimesLambda > 0 && stepTimesLambda < 1)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "eta·lambda_min", "in (0, 1)", stepTimesLambda);
        }
        Check.atLeast("k1", k1, 1);
        Check.atLeast("k2", k2, k1 + 1);
        return (k2 - k1) * 0.5 * Math.log(1 - stepTimesLambda) - 1.5 * Math.log((double) k2 / k1);
    }

    private static Sample sample(double t, double[] y, int n, boolean second) {
        double[] e = new double[n];
        System.arraycopy(y, 0, e, 0, n);
        double[] v = new double[second ? n : 0];
        if (second) {
            System.arraycopy(y, n, v, 0, n);
        }
        return new Sample(t, e, v);
    }

    static double[] multiply(double[][] k, double[] x) {
        double[] out = new double[x.length];
        for (int a = 0; a < x.length; a++) {
            double s = 0;
            for (int b = 0; b < x.length; b++) {
                s += k[a][b] * x[b];
            }
            out[a] = s;
        }
        return out;
    }

    private static void checkSymmetric(double[][] k) {
        int n = k.length;
        double scale = 0;
        for (double[] row : k) {
            Check.length("kernel row", row, n, "n = " + n);
            Check.finite("kernel row", row);
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double diff = Math.abs(k[a][b] - k[b][a]);
                if (diff > 1e-12 * scale) {
                    throw new BeyondLazyException(ErrorCode.NOT_SYMMETRIC, "kernel K", "(" + a + "," + b + ")",
                            "(" + b + "," + a + ")", diff, 1e-12 * scale);
                }
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
