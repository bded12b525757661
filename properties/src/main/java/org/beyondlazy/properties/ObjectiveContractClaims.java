package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;

/**
 * Claim C15 (the {@link Objective} contract of the interfaces in core, which every claim relies on):
 * no method modifies θ (or θ₀, which the lazy-regime objects copy); the value returned by
 * {@code valueAndGradient} is {@code value()} (λ &gt; 0, so a value that forgets (λ/2)‖W‖² fails);
 * {@code residualNorm} and {@code relativeError} equal the dense ‖T(θ) − T*‖ computed by the reference's
 * {@link DenseTensor}, away from exact fits. Every model, l = 2, 3, 4, factored and dense truths,
 * generated instances and homog instances with rows of norm 1e-3…1e-6 (the small-initialization regime).
 * Derivations: proofs-notes/C15.md.
 */
public abstract class ObjectiveContractClaims implements BackendUnderTest {
    /** E8.5 loss tolerance, absolute in S = max(1, E2.8 magnitude): two summation orders of terms ≤ S. */
    public static final double LOSS_REL = 1e-12;
    /**
     * Instances whose dense residual is below this fraction of √S are near an exact fit, where a Gram-form
     * residual loses its digits (E8.2); C1 covers exact fits, C14 the near-fit packed residual.
     */
    public static final double AWAY_FROM_FIT = 1e-3;
    /** The regularization of the value-consistency check. */
    public static final double LAMBDA = 0.1;
    /** Instances per (model, l, generator). */
    public static final int EXAMPLES = 25;

    /** The generated instances of one (model, l): the kit's ordinary ones and, for homog, small rows. */
    private static void forInstances(ModelKind model, Consumer<Instance> check) {
        for (int order = 2; order <= 4; order++) {
            Instances.Shape shape = Instances.Shape.of(model, order);
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(shape)).checkAssert(check);
            if (model == ModelKind.HOMOG) {
                Gen<Instance> small = Instances.smallHomogRowInstances(shape);
                ClaimSettings.theory(EXAMPLES).forAll(small).checkAssert(check);
            }
        }
    }

    /** Bitwise equality of θ with its copy, naming the first changed coordinate. */
    static void assertUnchanged(double[] theta, double[] copy, String method, Object where) {
        for (int p = 0; p < copy.length; p++) {
            assertThat(Double.doubleToRawLongBits(theta[p])).as("%s modified θ[%d]: %s → %s, %s", method, p, copy[p], theta[p], where)
                    .isEqualTo(Double.doubleToRawLongBits(copy[p]));
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C15")
    @SpecRef("C15")
    void noObjectiveMethodModifiesTheta(ModelKind model) {
        forInstances(model, inst -> {
            for (boolean denseTruth : new boolean[] {false, true}) {
                Problem problem = denseTruth ? DifferentialClaims.dense(inst.problem()) : inst.problem();
                Objective f = backend().objective(problem);
                double[] theta = inst.theta().clone();
                double[] copy = theta.clone();
                String where = inst + (denseTruth ? " (dense truth)" : "") + " on " + backend().name();
                f.value(theta);
                assertUnchanged(theta, copy, "value", where);
                f.valueAndGradient(theta, new double[theta.length]);
                assertUnchanged(theta, copy, "valueAndGradient", where);
                f.residualNorm(theta);
                assertUnchanged(theta, copy, "residualNorm", where);
                f.relativeError(theta);
                assertUnchanged(theta, copy, "relativeError", where);
            }
        });
    }

    @Test
    @Tag("C15")
    @SpecRef({"C15", "E5.6"})
    void theLinearizedObjectiveModifiesNeitherThetaNorTheta0AndCopiesTheta0() {
        Capability.LINEARIZED_OBJECTIVE.assumeSupportedBy(backend());
        forInstances(ModelKind.PLAIN, inst -> {
            double[] theta0 = inst.theta().clone();
            double[] copy0 = theta0.clone();
            Objective linear = backend().linearizedObjective(inst.problem(), theta0);
            assertUnchanged(theta0, copy0, "linearizedObjective (construction)", inst);
            double[] theta = theta0.clone();
            for (int p = 0; p < theta.length; p++) {
                theta[p] += 0.1 * Math.sin(p + 1.0); // a point w ≠ w₀
            }
            double[] copy = theta.clone();
            double before = linear.value(theta);
            assertUnchanged(theta, copy, "linearized value", inst);
            linear.valueAndGradient(theta, new double[theta.length]);
            assertUnchanged(theta, copy, "linearized valueAndGradient", inst);
            linear.residualNorm(theta);
            assertUnchanged(theta, copy, "linearized residualNorm", inst);
            linear.relativeError(theta);
            assertUnchanged(theta, copy, "linearized relativeError", inst);
            assertUnchanged(theta0, copy0, "the linearized objective's methods", inst);
            java.util.Arrays.fill(theta0, 7.0); // the caller reuses its array: the objective must hold a copy of w₀
            assertThat(Double.doubleToRawLongBits(linear.value(theta))).as("linearized value after the caller overwrote w₀, %s", inst)
                    .isEqualTo(Double.doubleToRawLongBits(before));
        });
    }

    @Test
    @Tag("C15")
    @SpecRef({"C15", "E5.7"})
    void theTangentSpaceDoesNotModifyTheta0() {
        Capability.TANGENT_SPACE.assumeSupportedBy(backend());
        forInstances(ModelKind.PLAIN, inst -> {
            double[] theta0 = inst.theta().clone();
            double[] copy0 = theta0.clone();
            backend().tangentSpace(inst.problem(), theta0).lazyResidual((org.beyondlazy.core.FactoredTruth) inst.problem().truth());
            assertUnchanged(theta0, copy0, "tangentSpace", inst);
        });
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C15")
    @SpecRef({"C15", "E2.4"})
    void valueAndGradientReturnsTheValue(ModelKind model) {
        forInstances(model, generated -> {
            Instance inst = Instances.withLambda(generated, LAMBDA);
            for (boolean denseTruth : new boolean[] {false, true}) {
                Problem problem = denseTruth ? DifferentialClaims.dense(inst.problem()) : inst.problem();
                Objective f = backend().objective(problem);
                double s = DifferentialClaims.magnitude(inst.problem(), inst.theta());
                double value = f.value(inst.theta());
                double returned = f.valueAndGradient(inst.theta(), new double[inst.theta().length]);
                assertThat(Math.abs(returned - value)).as("valueAndGradient's value %s vs value() %s, λ = %s, %s%s on %s", returned, value,
                        LAMBDA, inst, denseTruth ? " (dense truth)" : "", backend().name()).isLessThanOrEqualTo(LOSS_REL * s);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C15")
    @SpecRef({"C15", "E1.6"})
    void residualNormEqualsTheDenseResidualAwayFromExactFits(ModelKind model) {
        forInstances(model, inst -> {
            DenseTensor truth = DenseTensor.of(inst.problem().truth());
            double dense = ReferenceModels.tensor(inst.problem(), inst.theta()).minus(truth).norm();
            double s = DifferentialClaims.magnitude(inst.problem(), inst.theta());
            if (dense < AWAY_FROM_FIT * Math.sqrt(s)) {
                return; // near an exact fit: not this property's regime (see AWAY_FROM_FIT)
            }
            // a misfit r² accurate to 2·LOSS_REL·S gives |r − r̂| = |r² − r̂²|/(r + r̂) ≤ 2·LOSS_REL·S / r
            double tol = 2 * LOSS_REL * s / dense;
            double truthNorm = truth.norm();
            for (boolean denseTruth : new boolean[] {false, true}) {
                Problem problem = denseTruth ? DifferentialClaims.dense(inst.problem()) : inst.problem();
                Objective f = backend().objective(problem);
                String where = inst + (denseTruth ? " (dense truth)" : "") + " on " + backend().name();
                assertThat(Math.abs(f.residualNorm(inst.theta()) - dense)).as("‖T − T*‖ %s vs dense %s, %s",
                        f.residualNorm(inst.theta()), dense, where).isLessThanOrEqualTo(tol);
                assertThat(Math.abs(f.relativeError(inst.theta()) - dense / truthNorm)).as("relative error vs dense, %s", where)
                        .isLessThanOrEqualTo(relativeErrorTolerance(tol, dense, truthNorm, s));
            }
        });
    }

    /**
     * Tolerance on r̂/t̂ against the dense r/t, where t = ‖T*‖_F (dense) and t̂ is the backend's own truth norm:
     * r̂/t̂ − r/t = (r̂ − r)/t̂ + (r/t)·(t − t̂)/t̂. A factored truth's norm may come from the Gram form
     * Σ_jk c_j c_k (u_j·u_k)^l, whose square is accurate to 2·LOSS_REL·S like any misfit (S bounds its terms too),
     * so |t − t̂| ≤ δ = 2·LOSS_REL·S/t; a truth whose components nearly cancel has t² ≪ S and loses digits there,
     * not in the residual. With t̂ ≥ t − δ the bound is (tolResidual + (r/t)·δ)/(t − δ).
     */
    static double relativeErrorTolerance(double tolResidual, double residual, double truthNorm, double s) {
        double truthTolerance = 2 * LOSS_REL * s / truthNorm;
        return (tolResidual + residual / truthNorm * truthTolerance) / Math.max(truthNorm - truthTolerance, Double.MIN_NORMAL);
    }
}
