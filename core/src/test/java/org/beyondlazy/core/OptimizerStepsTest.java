package org.beyondlazy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.core.optim.UpdateForm;
import org.junit.jupiter.api.Test;

/**
 * The update forms A4.1–A4.3 on f(x) = ½·a·x² (gradient a·x), against iterates computed by hand from the
 * spec's formulas; and A4.6 and divergence handling.
 */
class OptimizerStepsTest {
    /** f(x) = ½ a x² in one coordinate; problem() is only used by the certified step. */
    record Quadratic(double a, Problem problem) implements Objective {
        @Override
        public double value(double[] x) {
            return 0.5 * a * x[0] * x[0];
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            g[0] = a * x[0];
            return value(x);
        }

        @Override
        public double residualNorm(double[] x) {
            return Math.abs(x[0]);
        }
    }

    static double[] run(Optimizer optimizer, Objective f, double x0, int steps) {
        double[] x = {x0};
        double[] path = new double[steps + 1];
        path[0] = x0;
        for (int k = 0; k < steps; k++) {
            optimizer.step(f, x);
            path[k + 1] = x[0];
        }
        return path;
    }

    @Test
    void gradientDescent() {
        // x_{k+1} = x_k − 0.1·2·x_k = 0.8 x_k
        assertThat(run(new GradientDescent(0.1), new Quadratic(2, null), 1, 3)).containsExactly(1, 0.8, 0.64, 0.512);
    }

    @Test
    void heavyBall() {
        // a = 1, η = 0.5, β = 0.5: x1 = 1 − 0.5 + 0 = 0.5; x2 = 0.5 − 0.25 + 0.5(0.5 − 1) = 0; x3 = 0 − 0 + 0.5(0 − 0.5) = −0.25
        double[] path = run(new HeavyBall(0.5, 0.5), new Quadratic(1, null), 1, 3);
        assertThat(path[1]).isCloseTo(0.5, offset(1e-15));
        assertThat(path[2]).isCloseTo(0.0, offset(1e-15));
        assertThat(path[3]).isCloseTo(-0.25, offset(1e-15));
    }

    @Test
    void nesterovConvexSchedule() {
        // a = 1, η = 0.5. k=0: y = x0 = 1 (w_{-1} = w_0), x1 = 0.5.
        // k=1: β = 0, y = 0.5, x2 = 0.25. k=2: β = 1/4, y = 0.25 + 0.25(0.25 − 0.5) = 0.1875, x3 = 0.09375.
        // k=3: β = 2/5, y = 0.09375 + 0.4(0.09375 − 0.25) = 0.03125, x4 = 0.015625.
        double[] path = run(new Nesterov(0.5), new Quadratic(1, null), 1, 4);
        assertThat(path).containsExactly(new double[] {1, 0.5, 0.25, 0.09375, 0.015625}, offset(1e-15));
    }

    @Test
    void aMemorylessFormIsAPureFunctionOfTheTwoIteratesAndK() {
        // x_k = 0.25, x_{k−1} = 0.5, a = 1, η = 0.5, at k = 2 (β = 1/4): y = 0.1875, x_{k+1} = 0.09375 —
        // the same value as step 2 of the run above, computed without running steps 0 and 1, twice
        UpdateForm form = new UpdateForm.NesterovConvex(0.5);
        UpdateForm.Replay replay = form.replay(1);
        double[] out = new double[1];
        for (int repeat = 0; repeat < 2; repeat++) {
            double value = replay.next(new Quadratic(1, null), new double[] {0.25}, new double[] {0.5}, 2, out);
            assertThat(out[0]).isEqualTo(0.09375);
            assertThat(value).isEqualTo(0.5 * 0.1875 * 0.1875);
        }
        new UpdateForm.HeavyBall(0.5, 0.5).replay(1).next(new Quadratic(1, null), new double[] {0.5}, new double[] {1}, 7, out);
        assertThat(out[0]).isEqualTo(0.0); // 0.5 − 0.25 + 0.5(0.5 − 1)
        assertThat(UpdateForm.of("nesterov", 0.5, 0)).isEqualTo(form);
        assertThat(form.memoryless()).isTrue();
    }

    @Test
    void anUnknownFormNameIsABadInput() {
        try {
            UpdateForm.of("adam", 0.1, 0);
            throw new AssertionError("expected UNKNOWN_NAME");
        } catch (BeyondLazyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME);
        }
    }

    @Test
    void divergenceIsANumericalFailureNamingTheStep() {
        GradientDescent gd = new GradientDescent(1e200);
        double[] x = {1e200};
        try {
            for (int k = 0; k < 5; k++) {
                gd.step(new Quadratic(1e200, null), x);
            }
            throw new AssertionError("expected divergence");
        } catch (BeyondLazyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.DIVERGED);
            assertThat(e.code().category()).isEqualTo(ErrorCode.Category.NUMERICAL);
            assertThat(e.getMessage()).contains("gd").contains("step 0");
        }
    }

    @Test
    void certifiedStepLeavesAStationaryPointAlone() {
        // plain, l = 3, λ = 0, θ = 0: g = 0 and L₀ = 0; the step must not produce NaN
        FactoredTruth truth = new FactoredTruth(3, 2, 1, new double[] {1, 0}, new double[] {1});
        Problem p = Problem.of(ModelKind.PLAIN, 2, 0.0, truth);
        Objective zeroGradient = new Objective() {
            @Override
            public Problem problem() {
                return p;
            }

            @Override
            public double value(double[] theta) {
                return 0.5;
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradient) {
                java.util.Arrays.fill(gradient, 0.0);
                return 0.5;
            }

            @Override
            public double residualNorm(double[] theta) {
                return 1;
            }
        };
        double[] theta = new double[4];
        CertifiedStep step = new CertifiedStep(1.0);
        step.step(zeroGradient, theta);
        assertThat(theta).containsOnly(0.0);
        assertThat(step.lastStepSize()).isEqualTo(0.0);
    }
}
