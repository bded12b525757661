package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.core.optim.SmoothnessBound;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim C14 (the backend equals the reference): the backend under test against the reference as oracle,
 * on the kit's generated instances, every model, l = 2, 3, 4, factored and dense truths (derivation of the
 * tolerances: proofs-notes/C14.md).
 *
 * <ul>
 *   <li>Loss, gradient and residual norm at generated points, including homog rows of norm 1e-3…1e-6
 *       (the small-initialization regime), within the tolerances of E8.5.</li>
 *   <li>One-step maps (E9.4): along the backend's own GD, heavy-ball and Nesterov runs, at every iterate
 *       x_k the oracle recomputes x_{k+1} from the backend's (x_{k−1}, x_k), so round-off never
 *       accumulates; the allowed deviation is the E8.5 gradient tolerance carried through one step.</li>
 *   <li>Whole trajectories only where they are meaningful: certified GD (A4.6) runs whose one-step maps
 *       do not expand perturbations much (∏_k ‖I − η_k H(x_k)‖ ≤ {@link #CONTRACTION_LIMIT}, H by central
 *       differences of the oracle's gradient), compared against the propagated one-step bound.</li>
 * </ul>
 * Nesterov and heavy-ball trajectories are not compared end to end: along negative curvature −μ a
 * perturbation grows per step like 1 + √(ημ) for Nesterov (1 + ημ for GD), so a fixed trajectory
 * tolerance measures the dynamics, not the implementation.
 */
public abstract class DifferentialClaims implements BackendUnderTest {
    /** E8.5 loss tolerance, absolute in S = max(1, E2.8 magnitude). */
    public static final double LOSS_REL = 1e-12;
    /** E8.5 gradient tolerance per coordinate, relative to l·S. */
    public static final double GRADIENT_REL = 1e-11;
    /**
     * Round-off of the update x_{k+1} = y_k − η g itself, per coordinate relative to |y_k| + η|g|: both
     * sides evaluate the same formula on nearly equal inputs, one rounding each (2ε with ε = 2^−53 ≈ 1.1e-16,
     * doubled).
     */
    public static final double UPDATE_REL = 4.5e-16;
    /** Steps of each one-step-checked run (as E8.5's trajectories). */
    public static final int STEPS = 120;
    /** Steps of each certified-GD trajectory comparison (each needs a finite-difference Hessian). */
    public static final int CERTIFIED_STEPS = 40;
    /** Safety fraction of the certified step (A4.6). */
    public static final double CERTIFIED_FRACTION = 0.5;
    /**
     * A certified run counts as contracting when the product of the per-step expansion factors
     * ‖I − η_k H(x_k)‖₂ stays ≤ this; its whole trajectory is then compared against the propagated bound.
     */
    public static final double CONTRACTION_LIMIT = 10.0;
    /**
     * Factor on the propagated bound: it is first order in the deviation (second-order terms ~ ‖∇³f‖·e² with
     * e ≤ 1e-9 are negligible) and uses a finite-difference Hessian (relative error ~1e-6 at step 1e-5).
     */
    public static final double PROPAGATION_SLACK = 2.0;
    /** Central-difference step of the Hessian. */
    public static final double HESSIAN_STEP = 1e-5;
    /** A run is followed while S stays below this (beyond, a diverging run approaches overflow). */
    public static final double MAGNITUDE_LIMIT = 1e30;
    /** Instances per (model, l) for value/gradient; trajectories use the smaller counts below. */
    public static final int EXAMPLES = 12;
    public static final int TRAJECTORY_EXAMPLES = 3;
    public static final int CERTIFIED_EXAMPLES = 3;

    private static final Backend ORACLE = new ReferenceBackend();

    /** The problem with the dense form of its factored truth. */
    static Problem dense(Problem p) {
        double[] signs = null;
        if (p.model().hasSigns()) {
            signs = new double[p.width()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = p.sign(i);
            }
        }
        return new Problem(p.model(), p.width(), signs, p.lambda(), new DenseTruth(p.order(), p.dim(), DenseTensor.of(p.truth()).entries()));
    }

    /** S = max(1, E2.8 magnitude) at θ, from the generated factored truth. */
    static double magnitude(Problem factored, double[] theta) {
        return Math.max(1.0, ExpandedLoss.magnitude(factored, (FactoredTruth) factored.truth(), theta));
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C14")
    @SpecRef("C14")
    void lossGradientAndResidualEqualTheOracle(ModelKind model) {
        for (int order = 2; order <= 4; order++) {
            Instances.Shape shape = Instances.Shape.of(model, order);
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(shape)).checkAssert(this::compareAt);
            if (model == ModelKind.HOMOG) {
                ClaimSettings.theory(EXAMPLES).forAll(Instances.smallHomogRowInstances(shape)).checkAssert(this::compareAt);
            }
        }
    }

    private void compareAt(Instance inst) {
        for (boolean denseTruth : new boolean[] {false, true}) {
            Problem problem = denseTruth ? dense(inst.problem()) : inst.problem();
            Objective f = backend().objective(problem);
            Objective ref = ORACLE.objective(problem);
            double s = magnitude(inst.problem(), inst.theta());
            double[] g = new double[inst.theta().length];
            double[] gRef = new double[g.length];
            double value = f.valueAndGradient(inst.theta(), g);
            double valueRef = ref.valueAndGradient(inst.theta(), gRef);
            String where = inst + (denseTruth ? " (dense truth)" : "") + " on " + backend().name();
            assertThat(Math.abs(value - valueRef)).as("f (valueAndGradient) %s vs oracle %s, %s", value, valueRef, where)
                    .isLessThanOrEqualTo(LOSS_REL * s);
            assertThat(Math.abs(f.value(inst.theta()) - valueRef)).as("f (value), %s", where).isLessThanOrEqualTo(LOSS_REL * s);
            double gTol = GRADIENT_REL * problem.order() * s;
            for (int k = 0; k < g.length; k++) {
                assertThat(Math.abs(g[k] - gRef[k])).as("gradient coordinate %d (%s vs oracle %s), %s", k, g[k], gRef[k], where)
                        .isLessThanOrEqualTo(gTol);
            }
            // any residual computed from an accurate misfit: |√a − √b| ≤ √|a − b| (E8.5's Gram-form bound)
            assertThat(Math.abs(f.residualNorm(inst.theta()) - ref.residualNorm(inst.theta())))
                    .as("‖T − T*‖, %s", where).isLessThanOrEqualTo(Math.sqrt(2 * LOSS_REL * s));
        }
    }

    /** The update forms checked step by step (A4.1–A4.3 as in E9.4), at η = ¼/L(θ₀) (E4.5, reach 0). */
    enum Form { GD, HEAVY_BALL, NESTEROV }

    /** Heavy-ball momentum of the one-step runs (E8.5). */
    public static final double MOMENTUM = 0.5;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C14")
    @SpecRef({"C14", "E9.4"})
    void everyStepOfTheBackendsRunIsTheOraclesOneStepMap(ModelKind model) {
        worst.set(0.0);
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(TRAJECTORY_EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                for (boolean denseTruth : new boolean[] {false, true}) {
                    Problem problem = denseTruth ? dense(inst.problem()) : inst.problem();
                    Objective f = backend().objective(problem);
                    Objective ref = ORACLE.objective(problem);
                    double[] g0 = new double[inst.theta().length];
                    ref.valueAndGradient(inst.theta(), g0);
                    double eta = 0.25 / SmoothnessBound.over(inst.problem(), inst.theta(), g0, 0.0);
                    for (Form form : Form.values()) {
                        String where = inst + (denseTruth ? " (dense truth)" : "") + " on " + backend().name() + " " + form + " eta=" + eta;
                        checkOneStepMaps(inst.problem(), f, ref, inst.theta(), form, eta, where, worst);
                    }
                }
            });
        }
        ClaimOutput.printf(Locale.ROOT, "C14 %s on %s: largest one-step deviation / tolerance %.3g%n", model, backend().name(), worst.get());
    }

    /** Largest deviation / tolerance of the one-step checks of the running property (printed). */
    private final java.util.concurrent.atomic.AtomicReference<Double> worst = new java.util.concurrent.atomic.AtomicReference<>(0.0);

    private static Optimizer optimizer(Form form, double eta) {
        return switch (form) {
            case GD -> new GradientDescent(eta);
            case HEAVY_BALL -> new HeavyBall(eta, MOMENTUM);
            case NESTEROV -> new Nesterov(eta);
        };
    }

    /** Runs the backend from θ₀ and checks every step against the oracle's recomputation from the backend's iterates. */
    private static void checkOneStepMaps(Problem factored, Objective f, Objective ref, double[] theta0, Form form, double eta, String where,
                                         java.util.concurrent.atomic.AtomicReference<Double> worst) {
        int n = theta0.length;
        Optimizer run = optimizer(form, eta);
        double[] previous = theta0.clone();
        double[] current = theta0.clone();
        double[] point = new double[n];
        double[] g = new double[n];
        for (int k = 0; k < STEPS; k++) {
            // the oracle's one-step map from the backend's state (x_{k−1}, x_k): E9.4
            double beta = switch (form) {
                case GD -> 0.0;
                case HEAVY_BALL -> MOMENTUM;
                case NESTEROV -> Nesterov.momentumAt(k);
            };
            for (int p = 0; p < n; p++) {
                point[p] = form == Form.NESTEROV ? current[p] + beta * (current[p] - previous[p]) : current[p]; // A4.3 step 1: y_k
            }
            double s = magnitude(factored, point);
            if (!(s < MAGNITUDE_LIMIT)) {
                return; // the run itself diverges (η = ¼/L(θ₀) is not certified along the path); every step so far was checked
            }
            double valueRef = ref.valueAndGradient(point, g);
            double[] next = current.clone();
            double value;
            try {
                value = run.step(f, next);
            } catch (BeyondLazyException e) {
                if (e.code() == ErrorCode.DIVERGED) {
                    return;
                }
                throw e;
            }
            assertThat(Math.abs(value - valueRef)).as("f at step %d (%s vs oracle %s), %s", k, value, valueRef, where)
                    .isLessThanOrEqualTo(LOSS_REL * s);
            double gradientPart = eta * GRADIENT_REL * factored.order() * s;
            for (int p = 0; p < n; p++) {
                double expected = form == Form.HEAVY_BALL
                        ? current[p] - eta * g[p] + MOMENTUM * (current[p] - previous[p]) // A4.2 step 2
                        : point[p] - eta * g[p]; // A4.1 step 2, A4.3 step 3
                double tol = gradientPart + UPDATE_REL * (Math.abs(point[p]) + Math.abs(beta * (current[p] - previous[p]))
                        + eta * Math.abs(g[p]));
                double ratio = Math.abs(next[p] - expected) / tol;
                worst.accumulateAndGet(ratio, Math::max);
                assertThat(Math.abs(next[p] - expected)).as("θ[%d] after step %d (backend %s, oracle's one-step map %s), %s",
                        p, k + 1, next[p], expected, where).isLessThanOrEqualTo(tol);
            }
            previous = current;
            current = next;
        }
    }

    /** Certified runs compared end to end (contracting ones) and in all, reported by the property. */
    private final AtomicInteger contracting = new AtomicInteger();
    private final AtomicInteger certifiedRuns = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    @Tag("C14")
    @SpecRef({"C14", "A4.6"})
    void contractingCertifiedRunsStayWithinThePropagatedOneStepBound(ModelKind model) {
        contracting.set(0);
        certifiedRuns.set(0);
        worst.set(0.0);
        List<String> expansions = new ArrayList<>();
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(CERTIFIED_EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order)))
                    .checkAssert(inst -> expansions.add(compareCertifiedRun(inst)));
        }
        ClaimOutput.printf(Locale.ROOT, "C14 %s on %s: %d of %d certified-GD runs contracting (expansion <= %s), compared end to end; "
                + "expansion factors %s; largest ‖x_k − x̂_k‖₂ / propagated bound %.3g%n", model, backend().name(), contracting.get(),
                certifiedRuns.get(), CONTRACTION_LIMIT, expansions, worst.get());
    }

    /** @return the run's expansion factor, formatted */
    private String compareCertifiedRun(Instance inst) {
        Problem problem = inst.problem();
        Objective f = backend().objective(problem);
        Objective ref = ORACLE.objective(problem);
        int n = inst.theta().length;
        double[] x = inst.theta().clone(); // the backend's run
        double[] xRef = inst.theta().clone(); // the oracle's run
        CertifiedStep oracleStep = new CertifiedStep(CERTIFIED_FRACTION);
        double[] g = new double[n];
        double bound = 0; // propagated bound on ‖x_k − x̂_k‖₂
        double expansion = 1;
        boolean compared = true;
        certifiedRuns.incrementAndGet();
        for (int k = 0; k < CERTIFIED_STEPS; k++) {
            double s = magnitude(problem, xRef);
            double[] before = xRef.clone();
            oracleStep.step(ref, xRef);
            double eta = oracleStep.lastStepSize();
            ref.valueAndGradient(before, g);
            double a = stepExpansion(ref, before, eta); // ‖I − η H(x̂_k)‖₂
            double tau2 = 0; // one-step tolerance, 2-norm over coordinates
            for (int p = 0; p < n; p++) {
                double tau = eta * GRADIENT_REL * problem.order() * s + UPDATE_REL * (Math.abs(before[p]) + eta * Math.abs(g[p]));
                tau2 += tau * tau;
            }
            bound = a * bound + Math.sqrt(tau2);
            expansion *= a;
            if (expansion > CONTRACTION_LIMIT) {
                compared = false;
                break; // not contracting: the one-step check (above) is the verdict for such runs
            }
            // the backend steps with the oracle's certified step size (a property of the oracle's run)
            f.valueAndGradient(x, g);
            for (int p = 0; p < n; p++) {
                x[p] -= eta * g[p];
            }
            double e2 = 0;
            for (int p = 0; p < n; p++) {
                e2 += (x[p] - xRef[p]) * (x[p] - xRef[p]);
            }
            worst.accumulateAndGet(Math.sqrt(e2) / bound, Math::max);
            assertThat(Math.sqrt(e2)).as("‖x_k − x̂_k‖₂ at k = %d (propagated bound %s, expansion so far %s), %s on %s",
                    k + 1, bound, expansion, inst, backend().name()).isLessThanOrEqualTo(PROPAGATION_SLACK * bound);
        }
        if (compared) {
            contracting.incrementAndGet();
        }
        return String.format(Locale.ROOT, "%.3g%s", expansion, compared ? "" : "+");
    }

    /**
     * ‖I − η H(x)‖₂ = max_i |1 − η h_i| over the eigenvalues h_i of the oracle's Hessian at x (central
     * differences of the gradient, symmetrized): the first-order growth of a deviation through one GD step.
     */
    static double stepExpansion(Objective ref, double[] x, double eta) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] y = x.clone();
        for (int q = 0; q < n; q++) {
            double step = HESSIAN_STEP * Math.max(1.0, Math.abs(x[q]));
            y[q] = x[q] + step;
            ref.valueAndGradient(y, plus);
            y[q] = x[q] - step;
            ref.valueAndGradient(y, minus);
            y[q] = x[q];
            for (int p = 0; p < n; p++) {
                h[p][q] = (plus[p] - minus[p]) / (2 * step);
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < p; q++) {
                double mean = 0.5 * (h[p][q] + h[q][p]);
                h[p][q] = mean;
                h[q][p] = mean;
            }
        }
        double worst = 1.0; // never below 1: a contraction is not credited (conservative)
        for (double eig : new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues()) {
            worst = Math.max(worst, Math.abs(1 - eta * eig));
        }
        return worst;
    }
}
