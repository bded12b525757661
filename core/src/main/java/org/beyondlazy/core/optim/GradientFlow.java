package org.beyondlazy.core.optim;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
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
 * Gradient flow θ' = −∇f(θ) (spec A4.4), integrated by Hipparchus' adaptive Dormand–Prince 8(5,3)
 * integrator with the stated absolute and relative tolerances.
 */
@SpecRef("A4.4")
public final class GradientFlow {
    /** One recorded point of the flow. */
    public record Sample(double time, double value, double[] theta) {
    }

    private final double absoluteTolerance;
    private final double relativeTolerance;
    private final int samplesPerStep;

    /**
     * @param absoluteTolerance per-coordinate absolute error tolerance of the integrator
     * @param relativeTolerance per-coordinate relative error tolerance
     * @param samplesPerStep    interpolated samples recorded inside each accepted step (≥ 1; the step end is always one)
     */
    public GradientFlow(double absoluteTolerance, double relativeTolerance, int samplesPerStep) {
        this.absoluteTolerance = Check.positive("absolute tolerance", absoluteTolerance);
        this.relativeTolerance = Check.positive("relative tolerance", relativeTolerance);
        this.samplesPerStep = Check.atLeast("samples per step", samplesPerStep, 1);
    }

    /**
     * Integrates from θ₀ at time 0 to {@code endTime}.
     *
     * @param theta0 θ(0); not modified
     * @return samples in increasing time, the first at t = 0, the last at {@code endTime}
     */
    public List<Sample> integrate(Objective objective, double[] theta0, double endTime) {
        objective.problem().checkParameters(theta0);
        Check.positive("end time", endTime);
        int n = theta0.length;
        OrdinaryDifferentialEquation flow = new OrdinaryDifferentialEquation() {
            private final double[] gradient = new double[n];

            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                objective.valueAndGradient(y, gradient); // A4.4: θ' = −∇f(θ)
                double[] derivative = new double[n];
                for (int p = 0; p < n; p++) {
                    derivative[p] = -gradient[p];
                }
                return derivative;
            }
        };
        ODEIntegrator integrator = new DormandPrince853Integrator(1e-12, endTime, absoluteTolerance, relativeTolerance);
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(0.0, objective.value(theta0), theta0.clone()));
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t0 = interpolator.getPreviousState().getTime();
                double t1 = interpolator.getCurrentState().getTime();
                for (int k = 1; k <= samplesPerStep; k++) {
                    double t = t0 + (t1 - t0) * k / samplesPerStep;
                    ODEStateAndDerivative state = k == samplesPerStep ? interpolator.getCurrentState()
                            : interpolator.getInterpolatedState(t);
                    double[] y = state.getPrimaryState();
                    samples.add(new Sample(state.getTime(), objective.value(y), y.clone()));
                }
            }
        });
        try {
            integrator.integrate(flow, new ODEState(0.0, theta0.clone()), endTime);
        } catch (MathRuntimeException e) {
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, "gradient flow integrator", e.getMessage());
        }
        return samples;
    }
}
