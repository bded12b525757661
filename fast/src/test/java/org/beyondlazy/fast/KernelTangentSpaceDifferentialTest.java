package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.core.lazy.TangentRank;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.Instances;
import org.beyondlazy.properties.TangentRankClaims;
import org.beyondlazy.reference.DenseTensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim C16 (spec E8.10, E8.11, A8.1): the kernel-form tangent space equals the packed SVD (E8.8, itself
 * equal to the reference by C14) on random shapes, reproduces the Alexander–Hirschowitz rank E5.8 on every
 * case of C5 (including the four defective ones), and a hand-computed case; on the pure-Java and the best
 * BLAS/LAPACK.
 */
class KernelTangentSpaceDifferentialTest {
    /**
     * Gram entries of E8.10 against JᵀJ formed from the packed Jacobian: both are sums of products of
     * l-fold products of entries of W₀; the packed side sums up to N(d,l) ≤ 120 terms, so they agree to
     * ~N·ε of max(1, max|JᵀJ|).
     */
    static final double GRAM_REL = 1e-13;
    /** b = Jᵀ pack(T*) from the truth term (E8.3/E8.4) against the packed product, relative to max(1, ‖J‖_max·‖t‖₁). */
    static final double ADJOINT_REL = 1e-13;
    /**
     * Eigenvalues of JᵀJ against σ_k² of the packed SVD, absolute in λ₁: each side is backward stable
     * (error ~ n·ε·λ₁ with n ≤ 84 here), measured below 1e-14·λ₁.
     */
    static final double EIGENVALUE_ABS = 1e-13;
    /** Floor of the ρ² comparison: the packed side's own ρ² carries round-off ~ N·ε. */
    static final double RESIDUAL_SQUARE_FLOOR = 1e-13;
    /** Instances per order on random shapes. */
    static final int EXAMPLES = 20;
    /** The spectral gap the C5 range must show on the kernel route: smallest kept λ/λ₁ (= KEPT_FLOOR² of C5). */
    static final double KEPT_EIGENVALUE_FLOOR = TangentRankClaims.KEPT_FLOOR * TangentRankClaims.KEPT_FLOOR;
    /** Largest dropped λ/λ₁ on the C5 range: the round-off of an n ≤ 80 eigensolver, a decade below the threshold. */
    static final double DROPPED_EIGENVALUE_CEILING = KernelTangentSpace.EIGENVALUE_TOLERANCE / 10;

    /** The BLAS/LAPACK pairs the suite runs on. */
    enum Route {
        PURE_JAVA(Blas::pureJava, Lapack::hipparchus),
        BEST(Blas::best, Lapack::best);

        final Supplier<BLAS> blas;
        final Supplier<Lapack> lapack;

        Route(Supplier<BLAS> blas, Supplier<Lapack> lapack) {
            this.blas = blas;
            this.lapack = lapack;
        }

        GramBackend backend() {
            return new GramBackend(blas.get(), lapack.get());
        }
    }

    static Stream<Arguments> routesAndOrders() {
        List<Arguments> out = new ArrayList<>();
        for (Route r : Route.values()) {
            for (int l = 2; l <= 4; l++) {
                out.add(Arguments.of(r, l));
            }
        }
        return out.stream();
    }

    /** Random plain shapes with m up to 12 (both m &lt; d and m ≥ d, so both blocks of E8.11 occur). */
    static Instances.Shape shape(int order) {
        int maxDim = order == 2 ? 8 : order == 3 ? 7 : 5;
        return new Instances.Shape(ModelKind.PLAIN, order, maxDim, 12, 3, false);
    }

    @ParameterizedTest(name = "l={0}")
    @ValueSource(ints = {2, 3, 4})
    @Tag("C16")
    @SpecRef({"C16", "E8.10"})
    void gramAndAdjointEqualThoseOfThePackedJacobian(int order) {
        ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(shape(order))).checkAssert(inst -> {
            Problem p = inst.problem();
            PackedTangentSpace packed = new PackedTangentSpace(p, inst.theta());
            KernelTangentSpace kernel = Route.PURE_JAVA.backend().kernelTangentSpace(p, inst.theta());
            double[][] j = packed.jacobianMatrix();
            int n = p.parameterCount();
            double[] gram = kernel.gramMatrix();
            double size = 1.0;
            double[][] jtj = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (double[] row : j) {
                        s += row[a] * row[b];
                    }
                    jtj[a][b] = s;
                    size = Math.max(size, Math.abs(s));
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    assertThat(Math.abs(gram[a * n + b] - jtj[a][b])).as("(JᵀJ)[%d][%d], %s", a, b, inst)
                            .isLessThanOrEqualTo(GRAM_REL * size);
                }
            }
            // E5.5 in packed coordinates: (Jᵀ pack T*)_{(i,a)} = s_i l T*(w_i^{⊗(l−1)})_a
            double[] t = packed.packTruth(p.truth());
            double[] contraction = new double[n];
            new FactoredTruthTerm(Blas.pureJava(), (FactoredTruth) p.truth(), p.width()).contract(inst.theta(), 0, contraction);
            double scale = 1.0;
            for (double[] row : j) {
                for (double x : row) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
            double tNorm1 = 0;
            for (double x : t) {
                tNorm1 += Math.abs(x);
            }
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int row = 0; row < j.length; row++) {
                    s += j[row][c] * t[row];
                }
                double mine = p.sign(c / p.dim()) * p.order() * contraction[c];
                assertThat(Math.abs(mine - s)).as("(Jᵀt)[%d], %s", c, inst).isLessThanOrEqualTo(ADJOINT_REL * Math.max(1.0, scale * tNorm1));
            }
        });
    }

    @ParameterizedTest(name = "{0}, l={1}")
    @MethodSource("routesAndOrders")
    @Tag("C16")
    @SpecRef({"C16", "E8.11", "A8.1"})
    void rankSpectrumAndResidualEqualThePackedSvd(Route route, int order) {
        GramBackend backend = route.backend();
        ClaimSettings.theory(EXAMPLES).forAll(Instances.instances(shape(order))).checkAssert(inst ->
                compareWithPacked(backend, inst.problem(), inst.theta(), inst.toString()));
    }

    private static void compareWithPacked(GramBackend backend, Problem p, double[] theta, String what) {
        PackedTangentSpace packed = new PackedTangentSpace(p, theta);
        KernelTangentSpace kernel = backend.kernelTangentSpace(p, theta);
        assertThat(kernel.rank()).as("rank, %s", what).isEqualTo(packed.rank());
        double[] sigma = packed.singularValues();
        double[] lambda = kernel.eigenvalues();
        double lambda1 = sigma[0] * sigma[0];
        assertThat(lambda).hasSize(p.parameterCount());
        for (int i = 0; i < lambda.length; i++) {
            double expected = i < sigma.length ? sigma[i] * sigma[i] : 0.0; // md > N: the rest are exact zeros
            assertThat(Math.abs(lambda[i] - expected)).as("λ_%d, %s", i, what).isLessThanOrEqualTo(EIGENVALUE_ABS * lambda1);
        }
        assertThat(kernel.singularValues()).hasSameSizeAs(sigma);
        DenseTruth dense = new DenseTruth(p.order(), p.dim(), DenseTensor.of(p.truth()).entries());
        double tolerance = kernel.residualSquareAccuracy() + RESIDUAL_SQUARE_FLOOR;
        for (var truth : List.of(p.truth(), dense)) {
            double rho = kernel.lazyResidual(truth);
            double rhoRef = packed.lazyResidual(truth);
            assertThat(Math.abs(rho * rho - rhoRef * rhoRef)).as("ρ² (%s truth), accuracy %s, %s",
                    truth instanceof DenseTruth ? "dense" : "factored", kernel.residualSquareAccuracy(), what)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Route.class)
    @Tag("C16")
    @SpecRef({"C16", "E5.8", "A8.1"})
    void rankEqualsTheAlexanderHirschowitzFormulaOnEveryC5Case(Route route) {
        GramBackend backend = route.backend();
        List<int[]> range = TangentRankClaims.range();
        int defective = 0;
        double worstKept = 1;
        double worstDropped = 0;
        for (int[] c : range) {
            int d = c[0];
            int l = c[1];
            int m = c[2];
            if (TangentRank.isDefective(d, l, m)) {
                defective++;
            }
            for (int s = 0; s < TangentRankClaims.SEEDS_PER_SHAPE; s++) {
                TangentRankClaims.RangeInstance inst = TangentRankClaims.RangeInstance.of(d, l, m, s);
                long seed = inst.seed();
                double[] w0 = inst.theta0();
                Problem p = inst.problem();
                KernelTangentSpace v = backend.kernelTangentSpace(p, w0);
                String what = String.format("(d=%d, l=%d, m=%d), W0 seed %dL", d, l, m, seed);
                assertThat((long) v.rank()).as("rank at %s", what).isEqualTo(TangentRank.expectedRank(d, l, m));
                assertThat(v.rankIsResolved()).as("rank certified at %s", what)
                        .isEqualTo(v.rank() == Math.min((long) m * d, v.ambientDimension()));
                double[] lambda = v.eigenvalues();
                int r = v.rank();
                double kept = lambda[r - 1] / lambda[0];
                assertThat(kept).as("smallest kept λ/λ1 at %s", what).isGreaterThan(KEPT_EIGENVALUE_FLOOR);
                worstKept = Math.min(worstKept, kept);
                if (r < lambda.length) {
                    double dropped = Math.abs(lambda[r]) / lambda[0];
                    assertThat(dropped).as("largest dropped |λ|/λ1 at %s", what).isLessThan(DROPPED_EIGENVALUE_CEILING);
                    worstDropped = Math.max(worstDropped, dropped);
                }
            }
        }
        assertThat(defective).as("the C5 range contains the four defective cases").isEqualTo(4);
        System.out.printf("C16 kernel rank on the C5 range (%s): %d cases, smallest kept λ/λ1 %.3g, largest dropped |λ|/λ1 %.3g%n",
                route, range.size() * TangentRankClaims.SEEDS_PER_SHAPE, worstKept, worstDropped);
    }

    /**
     * Hand-computed (proofs-notes/C16.md): m = 1, d = 2, w = e₁. l = 2: JᵀJ = 2[I + e₁e₁ᵀ] = diag(4, 2), rank 2 of
     * N = 3; T* = ((e₁ + e₂)/√2)^{⊗2} keeps only its e₂e₂ entry ½ outside V, so ρ = ½. l = 3: JᵀJ = 3[I + 2e₁e₁ᵀ]
     * = diag(9, 3); V = span{e₁³, Sym(e₁e₁e₂)} holds ½ of ‖((e₁ + e₂)/√2)^{⊗3}‖² = 1, so ρ = 1/√2; T* = e₂^{⊗3}
     * is orthogonal to V, ρ = 1. With sign s = −1 nothing changes.
     */
    @Test
    @Tag("C16")
    @SpecRef({"C16", "E8.10", "E8.11"})
    void handComputedCase() {
        double r = Math.sqrt(0.5);
        for (double sign : new double[] {1.0, -1.0}) {
            for (Route route : Route.values()) {
                FactoredTruth diagonal2 = new FactoredTruth(2, 2, 1, new double[] {r, r}, new double[] {1.0});
                Problem p2 = new Problem(ModelKind.PLAIN, 1, new double[] {sign}, 0.0, diagonal2);
                KernelTangentSpace v2 = route.backend().kernelTangentSpace(p2, new double[] {1.0, 0.0});
                assertThat(v2.spanDimension()).isEqualTo(1);
                assertThat(v2.eigenvalues()).containsExactly(new double[] {4.0, 2.0}, org.assertj.core.data.Offset.offset(1e-15));
                assertThat(v2.rank()).isEqualTo(2);
                assertThat(v2.lazyResidual(diagonal2)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));

                FactoredTruth diagonal3 = new FactoredTruth(3, 2, 1, new double[] {r, r}, new double[] {1.0});
                Problem p3 = new Problem(ModelKind.PLAIN, 1, new double[] {sign}, 0.0, diagonal3);
                KernelTangentSpace v3 = route.backend().kernelTangentSpace(p3, new double[] {1.0, 0.0});
                assertThat(v3.eigenvalues()).containsExactly(new double[] {9.0, 3.0}, org.assertj.core.data.Offset.offset(1e-14));
                assertThat(v3.singularValues()).containsExactly(new double[] {3.0, Math.sqrt(3.0)}, org.assertj.core.data.Offset.offset(1e-15));
                assertThat(v3.lazyResidual(diagonal3)).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-15));
                FactoredTruth orthogonal = new FactoredTruth(3, 2, 1, new double[] {0.0, 1.0}, new double[] {1.0});
                assertThat(v3.lazyResidual(orthogonal)).isEqualTo(1.0);
            }
        }
    }

    /** At full rank N(d,l) the residual is exactly 0 (V = Sym^l), for a dense truth too. */
    @Test
    @Tag("C16")
    @SpecRef({"C16", "A8.1"})
    void fullRankGivesZeroResidual() {
        LazyInstances.Instance inst = LazyInstances.rankOneTarget(ClaimSettings.seed(), 6, 3, TangentRank.threshold(6, 3));
        int m = TangentRank.threshold(6, 3);
        Problem p = Problem.of(ModelKind.PLAIN, m, 0.0, inst.truth());
        KernelTangentSpace v = Route.BEST.backend().kernelTangentSpace(p, inst.initialization(m));
        assertThat((long) v.rank()).isEqualTo(v.ambientDimension());
        assertThat(v.lazyResidual(inst.truth())).isZero();
        assertThat(v.residualSquareAccuracy()).isZero();
    }

    /**
     * A square Jacobian at m = m*(6, 4) = 21 with σ_min ≈ 1.9e-8·σ₁, between A5.1's threshold 1e-9·σ₁ and what
     * a Gram resolves (found by C6 on seed 20201142): the kernel drops it (rank 125, ρ ≈ 0.009), does not certify
     * that rank ({@link KernelTangentSpace#rankIsResolved()}), and the route rule answers with the packed SVD
     * (rank 126 = E5.8, ρ ≈ 0).
     */
    @Test
    @Tag("C16")
    @SpecRef({"C16", "A8.1"})
    void unresolvedRankFallsBackToThePackedSvd() {
        LazyInstances.Instance inst = LazyInstances.rankOneTarget(20201142L, 6, 4, 21);
        Problem p = Problem.of(ModelKind.PLAIN, 21, 0.0, inst.truth());
        GramBackend backend = Route.BEST.backend();
        KernelTangentSpace kernel = backend.kernelTangentSpace(p, inst.initialization(21));
        PackedTangentSpace packed = new PackedTangentSpace(p, inst.initialization(21));
        double[] sigma = packed.singularValues();
        System.out.printf("C16 (6,4,21) seed 20201142: packed σ_min/σ1 = %.3g, kernel rank %d, resolved %s%n",
                sigma[sigma.length - 1] / sigma[0], kernel.rank(), kernel.rankIsResolved());
        assertThat((long) packed.rank()).isEqualTo(TangentRank.expectedRank(6, 4, 21));
        assertThat(kernel.rank()).isLessThan(packed.rank());
        assertThat(kernel.rankIsResolved()).isFalse();
        var chosen = backend.tangentSpectrum(p, inst.initialization(21));
        assertThat(chosen).isInstanceOf(PackedTangentSpace.class);
        assertThat(chosen.rank()).isEqualTo(126);
        assertThat(chosen.lazyResidual(inst.truth())).isLessThan(1e-12);
    }

    /** The route rule picks the kernel at the sizes where the packed SVD is infeasible. */
    @Test
    @SpecRef({"C16", "A8.1"})
    @Tag("C16")
    void routeRulePrefersTheKernelAtLargeSizes() {
        assertThat(GramBackend.prefersKernel(40, 3, 30)).isTrue();
        assertThat(GramBackend.prefersKernel(320, 3, 30)).isTrue();
        assertThat(GramBackend.prefersKernel(64, 4, 40)).isTrue();
        assertThat(GramBackend.prefersKernel(2, 2, 40)).isFalse(); // N = 3: the 3×80 packed SVD is cheaper than an 80×80 eigenproblem
        assertThat(new GramBackend().tangentSpectrum(Problem.of(ModelKind.PLAIN, 30, 0.0,
                LazyInstances.rankOneTarget(1L, 40, 3, 30).truth()), LazyInstances.rankOneTarget(1L, 40, 3, 30).initialization(30)))
                .isInstanceOf(KernelTangentSpace.class);
    }
}
