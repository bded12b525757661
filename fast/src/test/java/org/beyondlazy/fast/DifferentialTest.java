package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
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
import org.beyondlazy.properties.Instance;
import org.beyondlazy.properties.Instances;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Claim C14: the fast path equals the reference (loss, gradient, residual norm, one optimizer step and
 * 100-step trajectories of GD, heavy ball and Nesterov) on generated instances, for every registered
 * {@link FastVariant}, every model, l = 2, 3, 4, on the pure-Java BLAS and on the best available one
 * (native OpenBLAS when installed). Tolerances are those of spec E8.5.
 */
class DifferentialTest {
    /**
     * |f_fast − f_ref| relative to S, the magnitude of E2.8's terms (E8.5): the Gram form is a difference
     * of terms of size S, each summed with relative error ≲ (m² + mr)·ε ≈ 1e-14 at these sizes; 1e-12
     * leaves a factor 100. Absolute in S, not relative to f, because f cancels near a fit.
     */
    public static final double LOSS_REL = 1e-12;
    /**
     * Per-coordinate |g_fast − g_ref| relative to l·max(1, S) (E8.5): each coordinate is a sum of O(m + r)
     * products bounded by l·S; 1e-11 is about 100 ulps of that bound.
     */
    public static final double GRADIENT_REL = 1e-11;
    /**
     * Trajectories: |θ_fast − θ_ref| per coordinate relative to max(1, ‖θ_ref‖_∞) at every one of
     * {@link #STEPS} steps, and |f| as for the loss. The step is a quarter of 1/L (E4.5) at θ₀, so one step
     * amplifies a perturbation by at most 1.25 in the worst case, in practice far less; 1e-9 measured
     * against the worst observed drift of ~1e-13 leaves room without hiding a wrong gradient (which moves
     * θ by η·|Δg| ≥ 1e-4 per step at these sizes).
     */
    public static final double TRAJECTORY_REL = 1e-9;
    /** Steps of each trajectory. */
    public static final int STEPS = 120;
    /** Instances per (BLAS, variant, model, l) for value/gradient; trajectories use {@link #TRAJECTORY_EXAMPLES}. */
    public static final int EXAMPLES = 12;
    /** Instances per (BLAS, variant, model, l, optimizer) for trajectories. */
    public static final int TRAJECTORY_EXAMPLES = 3;

    private static final Backend REFERENCE = new ReferenceBackend();

    /** The BLAS implementations the suite runs on. */
    enum BlasChoice {
        PURE_JAVA(Blas::pureJava), BEST(Blas::best);

        final Supplier<BLAS> blas;

        BlasChoice(Supplier<BLAS> blas) {
            this.blas = blas;
        }
    }

    /** Classes of the fast module that compute nothing of the spec themselves (exempt from the registry). */
    static final Set<Class<?>> INFRASTRUCTURE = Set.of(Blas.class, Lapack.class, GramBackend.class, FastVariant.class, FastBackendProviders.class,
            TangentRoute.class);

    /** The variants of the objective this class covers (the loops below run over them). */
    static final Set<FastVariant> COVERED = EnumSet.of(FastVariant.GRAM_FACTORED, FastVariant.PACKED_DENSE);
    /** Every variant and the differential test class that covers it; the count check compares it with the registry. */
    static final java.util.Map<FastVariant, Class<?>> COVERAGE = java.util.Map.of(
            FastVariant.GRAM_FACTORED, DifferentialTest.class,
            FastVariant.PACKED_DENSE, DifferentialTest.class,
            FastVariant.GRAM_LINEARIZED, LinearizedDifferentialTest.class,
            FastVariant.PACKED_TANGENT, TangentSpaceDifferentialTest.class,
            FastVariant.KERNEL_TANGENT, KernelTangentSpaceDifferentialTest.class);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (BlasChoice blas : BlasChoice.values()) {
            for (FastVariant variant : COVERED) {
                for (ModelKind model : ModelKind.values()) {
                    out.add(Arguments.of(blas, variant, model));
                }
            }
        }
        return out.stream();
    }

    /** The problem a variant runs on: its dense form for {@code PACKED_DENSE}, else the instance's own (factored) truth. */
    static Problem forVariant(FastVariant variant, Problem p) {
        if (variant != FastVariant.PACKED_DENSE) {
            return p;
        }
        return new Problem(p.model(), p.width(), p.signs(), p.lambda(),
                new DenseTruth(p.order(), p.dim(), DenseTensor.of(p.truth()).entries()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    @Tag("C14")
    @SpecRef("C14")
    void lossGradientAndResidualEqualTheReference(BlasChoice blasChoice, FastVariant variant, ModelKind model) {
        Backend fast = new GramBackend(blasChoice.blas.get());
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Problem problem = forVariant(variant, inst.problem());
                Objective f = fast.objective(problem);
                Objective ref = REFERENCE.objective(problem);
                double s = Math.max(1.0, ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), inst.theta()));
                double[] g = new double[inst.theta().length];
                double[] gRef = new double[g.length];
                double value = f.valueAndGradient(inst.theta(), g);
                double valueRef = ref.valueAndGradient(inst.theta(), gRef);
                String where = inst + " on " + fast.name() + " " + variant;
                assertThat(Math.abs(value - valueRef)).as("f (valueAndGradient), %s", where).isLessThanOrEqualTo(LOSS_REL * s);
                assertThat(Math.abs(f.value(inst.theta()) - valueRef)).as("f (value), %s", where).isLessThanOrEqualTo(LOSS_REL * s);
                double gTol = GRADIENT_REL * problem.order() * s;
                for (int k = 0; k < g.length; k++) {
                    assertThat(Math.abs(g[k] - gRef[k])).as("gradient coordinate %d (%s vs %s), %s", k, g[k], gRef[k], where)
                            .isLessThanOrEqualTo(gTol);
                }
                // packed residual (E8.9): no cancellation, summation order only
                double residualRef = ref.residualNorm(inst.theta());
                assertThat(Math.abs(f.residualNorm(inst.theta()) - residualRef))
                        .as("‖T − T*‖ (packed), %s", where).isLessThanOrEqualTo(LOSS_REL * Math.sqrt(s));
                // Gram-form fallback for large m·N(d,l): |√a − √b| ≤ √|a − b| inherits the loss tolerance
                Objective gramOnly = new GramObjective(problem, blasChoice.blas.get(), variant == FastVariant.GRAM_FACTORED
                        ? new FactoredTruthTerm(blasChoice.blas.get(), (FactoredTruth) problem.truth(), problem.width())
                        : new PackedDenseTruthTerm(blasChoice.blas.get(), (DenseTruth) problem.truth(), problem.width()), 0L);
                assertThat(Math.abs(gramOnly.residualNorm(inst.theta()) - residualRef))
                        .as("‖T − T*‖ (Gram form), %s", where).isLessThanOrEqualTo(Math.sqrt(2 * LOSS_REL * s));
            });
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    @Tag("C14")
    @SpecRef("C14")
    void trajectoriesEqualTheReference(BlasChoice blasChoice, FastVariant variant, ModelKind model) {
        Backend fast = new GramBackend(blasChoice.blas.get());
        for (int order = 2; order <= 4; order++) {
            ClaimSettings.theory(TRAJECTORY_EXAMPLES).forAll(Instances.instances(Instances.Shape.of(model, order))).checkAssert(inst -> {
                Problem problem = forVariant(variant, inst.problem());
                Objective f = fast.objective(problem);
                Objective ref = REFERENCE.objective(problem);
                double[] g0 = new double[inst.theta().length];
                ref.valueAndGradient(inst.theta(), g0);
                double eta = 0.25 / SmoothnessBound.over(inst.problem(), inst.theta(), g0, 0.0);
                double s = Math.max(1.0, ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), inst.theta()));
                List<Supplier<Optimizer>> optimizers = List.of(() -> new GradientDescent(eta),
                        () -> new HeavyBall(eta, 0.5), () -> new Nesterov(eta));
                for (Supplier<Optimizer> make : optimizers) {
                    Optimizer a = make.get();
                    Optimizer b = make.get();
                    double[] theta = inst.theta().clone();
                    double[] thetaRef = inst.theta().clone();
                    String where = inst + " on " + fast.name() + " " + variant + " " + a.form() + " eta=" + eta;
                    for (int k = 0; k < STEPS; k++) {
                        double value = a.step(f, theta);
                        double valueRef = b.step(ref, thetaRef);
                        assertThat(Math.abs(value - valueRef)).as("f at step %d, %s", k, where).isLessThanOrEqualTo(LOSS_REL * s);
                        double scale = 1.0;
                        for (double x : thetaRef) {
                            scale = Math.max(scale, Math.abs(x));
                        }
                        for (int q = 0; q < theta.length; q++) {
                            assertThat(Math.abs(theta[q] - thetaRef[q])).as("θ[%d] after step %d, %s", q, k + 1, where)
                                    .isLessThanOrEqualTo(TRAJECTORY_REL * scale);
                        }
                    }
                }
            });
        }
    }

    /** A hand-computed case (E8.2, E8.3): plain, l = 3, d = 2, one component w = (1, 1), truth c = 2, u = (1, 0). */
    @Test
    @Tag("C14")
    @SpecRef("C14")
    void handComputedCase() {
        for (BlasChoice choice : BlasChoice.values()) {
            Problem p = Problem.of(ModelKind.PLAIN, 1, 0.0, new FactoredTruth(3, 2, 1, new double[] {1, 0}, new double[] {2}));
            Objective f = new GramBackend(choice.blas.get()).objective(p);
            double[] g = new double[2];
            // 2f = (w·w)^3 − 2·2·(w·u)^3 + 4·(u·u)^3 = 8 − 4 + 4 = 8
            assertThat(f.valueAndGradient(new double[] {1, 1}, g)).isEqualTo(4.0);
            // ∇f = 3[(w·w)^2 w − 2 (w·u)^2 u] = 3[(4, 4) − (2, 0)] = (6, 12)
            assertThat(g).containsExactly(6.0, 12.0);
        }
    }

    /**
     * Near a perfect fit the residual norm must not cancel (E8.9): at an exact fit moved by 1e-9 the
     * fast ‖T − T*‖ equals the reference's (computed densely) within 1e-6 relative, where the Gram form's
     * √(ε·S) ≈ 1e-8·‖T*‖ error would be 10 times the quantity itself.
     */
    @Test
    @Tag("C14")
    @SpecRef("C14")
    void residualNormNearAPerfectFitDoesNotCancel() {
        for (BlasChoice choice : BlasChoice.values()) {
            for (FastVariant variant : COVERED) {
                for (ModelKind model : ModelKind.values()) {
                    for (int order = 2; order <= 4; order++) {
                        var rng = org.beyondlazy.core.Generators.rng(100L + order);
                        int d = 4;
                        int r = 3;
                        FactoredTruth truth = new FactoredTruth(order, d, r, org.beyondlazy.core.Generators.unitRows(rng, r, d),
                                new double[] {1.0, 0.7, 1.3});
                        Instance fit = Instances.exactFit(order, model, truth);
                        double[] theta = fit.theta().clone();
                        double[] move = org.beyondlazy.core.Generators.gaussian(rng, 1, theta.length, NEAR_FIT_MOVE);
                        for (int k = 0; k < theta.length; k++) {
                            theta[k] += move[k];
                        }
                        Problem problem = forVariant(variant, fit.problem());
                        double fast = new GramBackend(choice.blas.get()).objective(problem).residualNorm(theta);
                        double ref = REFERENCE.objective(problem).residualNorm(theta);
                        assertThat(ref).as("reference residual is of the size of the move").isGreaterThan(1e-3 * NEAR_FIT_MOVE);
                        assertThat(Math.abs(fast - ref)).as("‖T − T*‖ near the fit, %s %s %s l=%d (fast %s, reference %s)",
                                choice, variant, model, order, fast, ref).isLessThanOrEqualTo(NEAR_FIT_RESIDUAL_REL * ref);
                    }
                }
            }
        }
    }

    /** Size of the move away from an exact fit in {@link #residualNormNearAPerfectFitDoesNotCancel}. */
    static final double NEAR_FIT_MOVE = 1e-9;
    /** Relative agreement of two cancellation-free residual norms (summation order only). */
    static final double NEAR_FIT_RESIDUAL_REL = 1e-6;

    /** A homog component at the origin contributes nothing and has gradient λ·0 = 0 (E2.3, E2.7), as in the reference. */
    @Test
    @Tag("C14")
    @SpecRef("C14")
    void homogZeroRowMatchesTheReference() {
        Instance inst = Instances.random(7L, new Instances.Shape(ModelKind.HOMOG, 3, 4, 4, 2, true));
        double[] theta = inst.theta().clone();
        java.util.Arrays.fill(theta, 0, inst.problem().dim(), 0.0); // row 0 = 0
        for (BlasChoice choice : BlasChoice.values()) {
            for (FastVariant variant : COVERED) {
                Problem problem = forVariant(variant, inst.problem());
                double[] g = new double[theta.length];
                double[] gRef = new double[theta.length];
                double value = new GramBackend(choice.blas.get()).objective(problem).valueAndGradient(theta, g);
                double valueRef = REFERENCE.objective(problem).valueAndGradient(theta, gRef);
                double s = Math.max(1.0, ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), theta));
                assertThat(Math.abs(value - valueRef)).as("f, %s %s", choice, variant).isLessThanOrEqualTo(LOSS_REL * s);
                for (int k = 0; k < g.length; k++) {
                    assertThat(Math.abs(g[k] - gRef[k])).as("gradient %d, %s %s", k, choice, variant)
                            .isLessThanOrEqualTo(GRADIENT_REL * 3 * s);
                }
            }
        }
    }

    /**
     * The packed contraction in blocks of rows (E8.4): with a monomial buffer of one row, every row is
     * its own block, and the result still equals the reference; l = 2..5 (l ≤ 4 use the unrolled loops,
     * l = 5 the generic lexicographic walk).
     */
    @Test
    @Tag("C14")
    @SpecRef("C14")
    void packedContractionInSeveralBlocksMatchesTheReference() {
        int genericWalks = 0;
        for (BlasChoice choice : BlasChoice.values()) {
            for (ModelKind model : ModelKind.values()) {
                for (int example = 0; example < 4 * 4; example++) {
                    int order = 2 + example % 4; // l = 5 runs the generic multiset walk of E8.4
                    Instance inst = Instances.random(11L * example, new Instances.Shape(model, order, order == 5 ? 3 : 4, 4, 3, true));
                    if (order == 5 && inst.problem().dim() > 1) {
                        genericWalks++;
                    }
                    Problem problem = forVariant(FastVariant.PACKED_DENSE, inst.problem());
                    BLAS blas = choice.blas.get();
                    long packed = org.beyondlazy.core.Sizes.symmetricDimension(problem.dim(), order - 1);
                    Objective f = new GramObjective(problem, blas,
                            new PackedDenseTruthTerm(blas, (DenseTruth) problem.truth(), problem.width(), (int) packed));
                    Objective ref = REFERENCE.objective(problem);
                    double[] g = new double[inst.theta().length];
                    double[] gRef = new double[g.length];
                    double s = Math.max(1.0, ExpandedLoss.magnitude(inst.problem(), (FactoredTruth) inst.problem().truth(), inst.theta()));
                    assertThat(Math.abs(f.valueAndGradient(inst.theta(), g) - ref.valueAndGradient(inst.theta(), gRef)))
                            .as("f, %s %s", inst, choice).isLessThanOrEqualTo(LOSS_REL * s);
                    for (int k = 0; k < g.length; k++) {
                        assertThat(Math.abs(g[k] - gRef[k])).as("gradient %d, %s %s", k, inst, choice)
                                .isLessThanOrEqualTo(GRADIENT_REL * order * s);
                    }
                }
            }
        }
        assertThat(genericWalks).as("l = 5 instances with d > 1 (generic walk exercised)").isPositive();
    }

    /**
     * Count check (E8.5): every class of the fast module that is not listed as infrastructure (BLAS
     * selection, the backend facade, the registry) is a kernel and belongs to a registered
     * {@link FastVariant}, and every registered variant is covered by this suite.
     */
    @Test
    @Tag("C14")
    @SpecRef("C14")
    void everyFastVariantIsCovered() throws Exception {
        assertThat(COVERAGE.keySet()).as("variants covered by the differential suite").containsExactlyInAnyOrder(FastVariant.values());
        Set<Class<?>> registered = new java.util.HashSet<>();
        for (FastVariant v : FastVariant.values()) {
            registered.addAll(v.kernels());
        }
        java.nio.file.Path classes = java.nio.file.Path.of(GramObjective.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/beyondlazy/fast");
        List<Class<?>> kernels = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(classes)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName("org.beyondlazy.fast." + name.substring(0, name.length() - ".class".length()));
                if (!c.isInterface() && !INFRASTRUCTURE.contains(c)) {
                    kernels.add(c);
                }
            }
        }
        assertThat(kernels).as("kernel classes found in %s", classes).isNotEmpty();
        assertThat(registered).as("kernel classes registered in FastVariant").containsAll(kernels);
    }
}
