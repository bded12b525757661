package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.core.optim.SmoothnessBound;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.Instances;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C14 for the linearized objective (fast form E8.7): loss, gradient, residual norm and 120-step
 * trajectories of the fast linearized objective equal a dense computation (the reference's linearized objective,
 * written like the reference: dense tensors, plain loops), factored and dense truths, l = 2, 3, 4, on
 * both BLAS; tolerances of E8.5 with S taken as the larger E2.8 magnitude at w₀ and at w.
 */
class LinearizedDifferentialTest {
    /** Scale of the random move w − w₀ relative to the N(0, 0.7²) entries of w₀. */
    static final double MOVE = 0.3;

    static double scale(Problem p, double[] theta0, double[] theta) {
        FactoredTruth truth = (FactoredTruth) p.truth();
        return Math.max(1.0, Math.max(ExpandedLoss.magnitude(p, truth, theta0), ExpandedLoss.magnitude(p, truth, theta)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferentialTest.BlasChoice.class)
    @Tag("C14")
    @SpecRef("C14")
    void linearizedLossAndGradientEqualTheReference(DifferentialTest.BlasChoice choice) {
        GramBackend fast = new GramBackend(choice.blas.get());
        for (FastVariant truthForm : List.of(FastVariant.GRAM_FACTORED, FastVariant.PACKED_DENSE)) {
            for (int l = 2; l <= 4; l++) {
                final int order = l;
                ClaimSettings.theory(DifferentialTest.EXAMPLES).forAll(Instances.instances(Instances.Shape.of(ModelKind.PLAIN, order))).checkAssert(inst -> {
                    Problem problem = DifferentialTest.forVariant(truthForm, inst.problem());
                    double[] theta0 = inst.theta();
                    double[] theta = theta0.clone();
                    double[] move = Generators.gaussian(Generators.rng(inst.seed() ^ 0xABCDL), 1, theta.length, MOVE);
                    for (int k = 0; k < theta.length; k++) {
                        theta[k] += move[k];
                    }
                    Objective f = fast.linearizedObjective(problem, theta0);
                    Objective ref = new org.beyondlazy.reference.ReferenceBackend().linearizedObjective(problem, theta0);
                    var blas = choice.blas.get();
                    Objective gramOnly = new GramLinearizedObjective(problem, theta0, blas, truthForm == FastVariant.PACKED_DENSE
                            ? new PackedDenseTruthTerm(blas, (org.beyondlazy.core.DenseTruth) problem.truth(), problem.width())
                            : new FactoredTruthTerm(blas, (FactoredTruth) problem.truth(), problem.width()), 0L);
                    double s = scale(inst.problem(), theta0, theta);
                    String where = inst + " on " + fast.name() + " " + truthForm;
                    for (double[] point : List.of(theta0, theta)) {
                        double[] g = new double[point.length];
                        double[] gRef = new double[point.length];
                        double value = f.valueAndGradient(point, g);
                        double valueRef = ref.valueAndGradient(point, gRef);
                        assertThat(Math.abs(value - valueRef)).as("f̄, %s", where).isLessThanOrEqualTo(DifferentialTest.LOSS_REL * s);
                        assertThat(Math.abs(f.value(point) - valueRef)).as("f̄ (value), %s", where).isLessThanOrEqualTo(DifferentialTest.LOSS_REL * s);
                        for (int k = 0; k < g.length; k++) {
                            assertThat(Math.abs(g[k] - gRef[k])).as("∇f̄ coordinate %d (%s vs %s), %s", k, g[k], gRef[k], where)
                                    .isLessThanOrEqualTo(DifferentialTest.GRADIENT_REL * order * s);
                        }
                        double residualRef = ref.residualNorm(point);
                        assertThat(Math.abs(f.residualNorm(point) - residualRef)).as("‖T̄ − T*‖ (packed), %s", where)
                                .isLessThanOrEqualTo(DifferentialTest.LOSS_REL * Math.sqrt(s));
                        assertThat(Math.abs(gramOnly.residualNorm(point) - residualRef)).as("‖T̄ − T*‖ (Gram form), %s", where)
                                .isLessThanOrEqualTo(Math.sqrt(2 * DifferentialTest.LOSS_REL * s));
                    }
                });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferentialTest.BlasChoice.class)
    @Tag("C14")
    @SpecRef("C14")
    void linearizedTrajectoriesEqualTheReference(DifferentialTest.BlasChoice choice) {
        GramBackend fast = new GramBackend(choice.blas.get());
        for (FastVariant truthForm : List.of(FastVariant.GRAM_FACTORED, FastVariant.PACKED_DENSE)) {
            for (int l = 2; l <= 4; l++) {
                final int order = l;
                ClaimSettings.theory(DifferentialTest.TRAJECTORY_EXAMPLES).forAll(Instances.instances(Instances.Shape.of(ModelKind.PLAIN, order))).checkAssert(inst -> {
                    Problem problem = DifferentialTest.forVariant(truthForm, inst.problem());
                    double[] theta0 = inst.theta();
                    Objective f = fast.linearizedObjective(problem, theta0);
                    Objective ref = new org.beyondlazy.reference.ReferenceBackend().linearizedObjective(problem, theta0);
                    double[] g0 = new double[theta0.length];
                    ref.valueAndGradient(theta0, g0);
                    // f̄ is quadratic with Hessian JᵀJ + λ; E4.5's first term bounds ‖J‖², so ¼/L is a safe step
                    double eta = 0.25 / SmoothnessBound.over(inst.problem(), theta0, g0, 0.0);
                    List<Supplier<Optimizer>> optimizers = List.of(() -> new GradientDescent(eta),
                            () -> new HeavyBall(eta, 0.5), () -> new Nesterov(eta));
                    for (Supplier<Optimizer> make : optimizers) {
                        Optimizer a = make.get();
                        Optimizer b = make.get();
                        double[] theta = theta0.clone();
                        double[] thetaRef = theta0.clone();
                        String where = inst + " on " + fast.name() + " " + truthForm + " " + a.form() + " eta=" + eta;
                        for (int k = 0; k < DifferentialTest.STEPS; k++) {
                            double value = a.step(f, theta);
                            double valueRef = b.step(ref, thetaRef);
                            double s = scale(inst.problem(), theta0, thetaRef);
                            assertThat(Math.abs(value - valueRef)).as("f̄ at step %d, %s", k, where)
                                    .isLessThanOrEqualTo(DifferentialTest.LOSS_REL * s);
                            double size = 1.0;
                            for (double x : thetaRef) {
                                size = Math.max(size, Math.abs(x));
                            }
                            for (int q = 0; q < theta.length; q++) {
                                assertThat(Math.abs(theta[q] - thetaRef[q])).as("w[%d] after step %d, %s", q, k + 1, where)
                                        .isLessThanOrEqualTo(DifferentialTest.TRAJECTORY_REL * size);
                            }
                        }
                    }
                });
            }
        }
    }

    /** Like the reference, the fast linearized objective exists for the plain model only. */
    @Test
    void linearizedObjectiveRejectsOtherModels() {
        var inst = Instances.random(3L, Instances.Shape.of(ModelKind.HOMOG, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GramBackend().linearizedObjective(inst.problem(), inst.theta()))
                .isInstanceOf(BeyondLazyException.class)
                .satisfies(e -> assertThat(((BeyondLazyException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
