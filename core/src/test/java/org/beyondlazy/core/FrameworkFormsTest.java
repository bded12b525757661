package org.beyondlazy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.beyondlazy.core.optim.FormOptimizer;
import org.beyondlazy.core.optim.LearningRate;
import org.beyondlazy.core.optim.StepDiagnosis;
import org.beyondlazy.core.optim.TrajectoryReplay;
import org.beyondlazy.core.optim.UpdateForm;
import org.junit.jupiter.api.Test;

/**
 * The framework forms A4.7–A4.9 on f(x) = ½x² (gradient x), against iterates computed by hand from the spec's
 * steps; the replay of their state; the diagnosis of E9.16 and the finite prefix of E9.18.
 */
class FrameworkFormsTest {
    static final Objective HALF_SQUARE = new OptimizerStepsTest.Quadratic(1, null);

    static double[] run(UpdateForm form, double x0, int steps) {
        FormOptimizer opt = new FormOptimizer(form);
        double[] x = {x0};
        double[] path = new double[steps + 1];
        path[0] = x0;
        for (int k = 0; k < steps; k++) {
            opt.step(HALF_SQUARE, x);
            path[k + 1] = x[0];
        }
        return path;
    }

    @Test
    void torchSgdDoesNotDampenTheFirstStepAndAddsWeightDecayToTheGradient() {
        // μ = 0.9, τ = 0.5, λ_wd = 0.1, η = 0.1. k=0: g = 1 + 0.1 = 1.1, b = 1.1 (undampened), x1 = 1 − 0.11 = 0.89.
        // k=1: g = 0.89·1.1 = 0.979, b = 0.9·1.1 + 0.5·0.979 = 1.4795, x2 = 0.89 − 0.14795 = 0.74205.
        double[] path = run(new UpdateForm.TorchSgd(LearningRate.constant(0.1), 0.9, 0.5, false, 0.1), 1, 2);
        assertThat(path).containsExactly(new double[] {1, 0.89, 0.74205}, offset(1e-15));
    }

    @Test
    void torchSgdNesterovStepsAlongTheGradientPlusTheMomentumOfTheBuffer() {
        // μ = 0.9, η = 0.1. k=0: g = 1, b = 1, D = 1 + 0.9 = 1.9, x1 = 0.81.
        // k=1: g = 0.81, b = 0.9 + 0.81 = 1.71, D = 0.81 + 0.9·1.71 = 2.349, x2 = 0.5751.
        double[] path = run(new UpdateForm.TorchSgd(LearningRate.constant(0.1), 0.9, 0, true, 0), 1, 2);
        assertThat(path).containsExactly(new double[] {1, 0.81, 0.5751}, offset(1e-15));
        assertThatThrownBy(() -> new UpdateForm.TorchSgd(LearningRate.constant(0.1), 0.9, 0.1, true, 0))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void adamAdamWAndAmsgradFollowTheSpecSteps() {
        double eps = 1e-8;
        // Adam, η = 0.1, k=0: m = 0.1, v = 0.001, δ = √0.001/√0.001 + ε, x1 = 1 − (0.1/0.1)·0.1/δ
        double x1 = 1 - 0.1 / (1 + eps);
        assertThat(run(new UpdateForm.TorchAdam(LearningRate.constant(0.1), 0.9, 0.999, eps, 0, false, false), 1, 1)[1])
                .isCloseTo(x1, offset(1e-16));
        // AdamW, λ_wd = 0.1: x1 = (1 − 0.01)·1 − 0.1/δ
        assertThat(run(new UpdateForm.TorchAdam(LearningRate.constant(0.1), 0.9, 0.999, eps, 0.1, false, true), 1, 1)[1])
                .isCloseTo(0.99 - 0.1 / (1 + eps), offset(1e-16));
        // η = 0.99 makes g_1 = x_1 ≈ 0.01 small, so v_1 < v_0 and amsgrad keeps v̄ = v_0
        double y1 = 1 - 0.99 / (1 + eps);
        double m1 = 0.9 * 0.1 + 0.1 * y1;
        double v1 = 0.999 * 0.001 + 0.001 * y1 * y1;
        double bc1 = 1 - 0.9 * 0.9;
        double bc2 = Math.sqrt(1 - 0.999 * 0.999);
        double plain = y1 - (0.99 / bc1) * m1 / (Math.sqrt(v1) / bc2 + eps);
        double ams = y1 - (0.99 / bc1) * m1 / (Math.sqrt(0.001) / bc2 + eps);
        assertThat(v1).isLessThan(0.001);
        assertThat(run(new UpdateForm.TorchAdam(LearningRate.constant(0.99), 0.9, 0.999, eps, 0, false, false), 1, 2)[2])
                .isCloseTo(plain, offset(1e-15));
        assertThat(run(new UpdateForm.TorchAdam(LearningRate.constant(0.99), 0.9, 0.999, eps, 0, true, false), 1, 2)[2])
                .isCloseTo(ams, offset(1e-15)).isNotCloseTo(plain, offset(1e-6));
    }

    @Test
    void aStatefulReplayMustRunInOrder() {
        UpdateForm.Replay replay = new UpdateForm.TorchAdam(LearningRate.constant(0.1), 0.9, 0.999, 1e-8, 0, false, false).replay(1);
        assertThatThrownBy(() -> replay.next(HALF_SQUARE, new double[] {1}, new double[] {1}, 3, new double[1]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScheduleGivesEachStepItsRate() {
        // GD on ½x² with η = (0.5, 0.25): x1 = 0.5, x2 = 0.5·0.75 = 0.375
        assertThat(run(new UpdateForm.Gd(LearningRate.perStep(new double[] {0.5, 0.25})), 1, 2)).containsExactly(1, 0.5, 0.375);
    }

    static double[][] column(double... values) {
        double[][] out = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            out[k] = new double[] {values[k], -values[k] / 2};
        }
        return out;
    }

    /** f(x) = ½‖x‖² + (λ/2)‖x‖² in two coordinates: gradient (1 + λ)x. */
    record Ridge(double lambda) implements Objective {
        @Override
        public Problem problem() {
            return null;
        }

        @Override
        public int parameterCount() {
            return 2;
        }

        @Override
        public double value(double[] x) {
            return 0.5 * (1 + lambda) * (x[0] * x[0] + x[1] * x[1]);
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            g[0] = (1 + lambda) * x[0];
            g[1] = (1 + lambda) * x[1];
            return value(x);
        }

        @Override
        public double residualNorm(double[] x) {
            return 0;
        }
    }

    @Test
    void aDoubledRateIsDiagnosedAsTheRateItWas() {
        // the file stepped x_{k+1} = x_k − 0.2·x_k (η = 0.2) from step 3 on; the check is given η = 0.1
        double[][] x = column(1, 0.9, 0.81, 0.729, 0.729 * 0.8);
        UpdateForm form = new UpdateForm.Gd(0.1);
        TrajectoryReplay.Tolerance tol = new TrajectoryReplay.Tolerance(1e-9, 1e-12, 0);
        TrajectoryReplay.Result r = TrajectoryReplay.check(new Ridge(0), x, form, tol);
        assertThat(r.firstBadStep()).isEqualTo(4);
        StepDiagnosis.Result d = StepDiagnosis.diagnose(Ridge::new, 0, x, form, 4, tol);
        assertThat(d.verdict()).isEqualTo(StepDiagnosis.Verdict.LEARNING_RATE);
        assertThat(d.rateFactor()).isCloseTo(2, offset(1e-9));
    }

    @Test
    void aStepThatIsNoMultipleOfTheGradientIsSaidToBeOne() {
        double[][] x = column(1, 0.9);
        x[1][1] = 0.3; // the second coordinate moved against its gradient direction's proportion
        TrajectoryReplay.Tolerance tol = new TrajectoryReplay.Tolerance(1e-9, 1e-12, 0);
        // the ridge's λ scales both coordinates alike, so no λ fits either
        StepDiagnosis.Result d = StepDiagnosis.diagnose(Ridge::new, 0, x, new UpdateForm.Gd(0.1), 1, tol);
        assertThat(d.verdict()).isEqualTo(StepDiagnosis.Verdict.NOT_A_GRADIENT_STEP);
        assertThat(d.residual()).isGreaterThan(0.1);
    }

    @Test
    void aDivergedRunIsCheckedUpToItsFirstNonFiniteIterate() {
        double[][] x = column(1, 0.9, 0.81, Double.NaN, Double.NaN);
        TrajectoryReplay.Result r = TrajectoryReplay.check(new Ridge(0), x, new UpdateForm.Gd(0.1),
                new TrajectoryReplay.Tolerance(1e-9, 1e-12, 0));
        assertThat(r.firstNonFinite()).isEqualTo(3);
        assertThat(r.steps()).isEqualTo(2);
        assertThat(r.firstBadStep()).isEqualTo(-1);
        assertThat(r.nonFiniteExpected()).isFalse(); // GD from 0.81 gives 0.729, not NaN: the run diverged, the form did not
        assertThat(r.ok()).isFalse();
    }
}
