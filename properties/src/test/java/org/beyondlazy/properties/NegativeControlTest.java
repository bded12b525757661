package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Negative controls of the kit: backends that break the {@link Objective} contract in one small way
 * must fail it, and a backend that implements only {@link Backend#objective} must pass with the claims
 * needing the lazy-regime section aborted as "not supported". Each runs the kit's suites through the
 * JUnit Platform Launcher, as a third party's build would.
 */
class NegativeControlTest {
    private static final Backend REFERENCE = new ReferenceBackend();

    /** Delegates everything to another objective. */
    abstract static class Wrapping implements Objective {
        final Objective inner;

        Wrapping(Objective inner) {
            this.inner = inner;
        }

        @Override
        public Problem problem() {
            return inner.problem();
        }

        @Override
        public double value(double[] theta) {
            return inner.value(theta);
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            return inner.valueAndGradient(theta, gradient);
        }

        @Override
        public double residualNorm(double[] theta) {
            return inner.residualNorm(theta);
        }
    }

    /** The reference, except that {@code valueAndGradient} moves θ[0] up by one ulp after computing. */
    static final class OneUlpBackend implements Backend {
        @Override
        public String name() {
            return "reference-moving-theta-by-one-ulp";
        }

        @Override
        public Objective objective(Problem problem) {
            return new Wrapping(REFERENCE.objective(problem)) {
                @Override
                public double valueAndGradient(double[] theta, double[] gradient) {
                    double v = inner.valueAndGradient(theta, gradient);
                    theta[0] = Math.nextUp(theta[0]);
                    return v;
                }
            };
        }
    }

    /** The reference, except that {@code valueAndGradient} returns f without (λ/2)‖W‖² (the gradient is right). */
    static final class ForgetfulBackend implements Backend {
        @Override
        public String name() {
            return "reference-without-the-regularizer-in-valueAndGradient";
        }

        @Override
        public Objective objective(Problem problem) {
            return new Wrapping(REFERENCE.objective(problem)) {
                @Override
                public double valueAndGradient(double[] theta, double[] gradient) {
                    double v = inner.valueAndGradient(theta, gradient);
                    double w2 = 0;
                    for (int p = problem.weightsOffset(); p < theta.length; p++) {
                        w2 += theta[p] * theta[p];
                    }
                    return v - 0.5 * problem.lambda() * w2;
                }
            };
        }
    }

    /** The reference, except that the first gradient coordinate is scaled by 1 + 1e-6 (the value is right). */
    static final class NudgedGradientBackend implements Backend {
        @Override
        public String name() {
            return "reference-with-gradient-0-scaled-by-1+1e-6";
        }

        @Override
        public Objective objective(Problem problem) {
            return new Wrapping(REFERENCE.objective(problem)) {
                @Override
                public double valueAndGradient(double[] theta, double[] gradient) {
                    double v = inner.valueAndGradient(theta, gradient);
                    gradient[0] *= 1 + 1e-6;
                    return v;
                }
            };
        }
    }

    /** Only {@link Backend#objective}: the lazy-regime methods keep their UNSUPPORTED defaults. */
    static final class ObjectiveOnlyBackend implements Backend {
        @Override
        public String name() {
            return "objective-only";
        }

        @Override
        public Objective objective(Problem problem) {
            return REFERENCE.objective(problem);
        }
    }

    /** Bindings of the kit to the controls (selected through the Launcher only, never by the build's scan). */
    static class OneUlpKit extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return new OneUlpBackend();
        }
    }

    static class ForgetfulKit extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return new ForgetfulBackend();
        }
    }

    static class NudgedGradientKit extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return new NudgedGradientBackend();
        }
    }

    static class ObjectiveOnlyKit extends ConformanceKitTests {
        @Override
        protected Backend backend() {
            return new ObjectiveOnlyBackend();
        }
    }

    /** What a Launcher run of some selected tests did: test method name → outcome (with the abort reason). */
    record Outcomes(Map<String, List<String>> failed, Map<String, List<String>> aborted, List<String> succeeded) {
    }

    static Outcomes run(DiscoverySelector... selectors) {
        return run(List.of(), selectors);
    }

    /** Runs the selected tests except those tagged with one of {@code excludedTags}. */
    static Outcomes run(List<String> excludedTags, DiscoverySelector... selectors) {
        Outcomes out = new Outcomes(new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
        var launcher = org.junit.platform.launcher.core.LauncherFactory.create();
        var builder = LauncherDiscoveryRequestBuilder.request().selectors(selectors);
        if (!excludedTags.isEmpty()) {
            builder.filters(TagFilter.excludeTags(excludedTags));
        }
        var request = builder.build();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                String name = id.getUniqueId();
                String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
                switch (result.getStatus()) {
                    case FAILED -> out.failed().computeIfAbsent(name, k -> new ArrayList<>()).add(reason);
                    case ABORTED -> out.aborted().computeIfAbsent(name, k -> new ArrayList<>()).add(reason);
                    case SUCCESSFUL -> out.succeeded().add(name);
                }
            }
        });
        return out;
    }

    @Test
    void aBackendThatMovesThetaByOneUlpFailsTheContractChecks() {
        Outcomes out = run(selectNestedClass(List.of(OneUlpKit.class), ConformanceKitTests.ObjectiveContract.class));
        assertThat(out.failed().keySet()).as("failed properties").anyMatch(id -> id.contains("noObjectiveMethodModifiesTheta"));
        assertThat(out.failed().values().toString()).contains("valueAndGradient modified θ[0]");
    }

    @Test
    void aBackendWhoseValueAndGradientForgetsTheRegularizerFailsTheContractChecks() {
        Outcomes out = run(selectNestedClass(List.of(ForgetfulKit.class), ConformanceKitTests.ObjectiveContract.class));
        assertThat(out.failed().keySet()).as("failed properties").anyMatch(id -> id.contains("valueAndGradientReturnsTheValue"));
        assertThat(out.failed().keySet()).as("only the value check can see it").allMatch(id -> id.contains("valueAndGradientReturnsTheValue"));
    }

    @Test
    void aGradientOffBy1e6RelativeInOneCoordinateFailsTheDifferentialSuite() {
        Outcomes out = run(selectNestedClass(List.of(NudgedGradientKit.class), ConformanceKitTests.Differential.class));
        assertThat(out.failed().keySet()).as("failed properties").anyMatch(id -> id.contains("lossGradientAndResidualEqualTheOracle"));
        assertThat(out.failed().keySet()).as("failed properties").anyMatch(id -> id.contains("everyStepOfTheBackendsRunIsTheOraclesOneStepMap"));
        assertThat(out.failed().keySet()).as("failed properties").anyMatch(id -> id.contains("contractingCertifiedRunsStayWithinThePropagatedOneStepBound"));
    }

    /**
     * The variant's claims (C8–C10, C13) are left out of this run: they need no optional capability, the
     * objective-only backend is the reference's objective, and they alone take over two minutes (measured
     * 161 s for the whole kit, 2 cores); {@link NamedBackendConformanceTest} runs them on the reference.
     */
    static final List<String> VARIANT_CLAIMS = List.of("C8", "C9", "C10", "C13");

    @Test
    void aBackendWithOnlyTheObjectiveRunsTheKitWithTheLazyClaimsNotSupported() {
        Outcomes out = run(VARIANT_CLAIMS, selectClass(ObjectiveOnlyKit.class));
        assertThat(out.failed()).as("failures of the objective-only backend").isEmpty();
        assertThat(out.succeeded()).as("claims judged").isNotEmpty();
        List<String> lazySuites = List.of("TangentRank", "LazyFailure", "LazyLimit", "Momentum");
        for (String suite : lazySuites) {
            assertThat(out.aborted().keySet()).as("aborted properties of %s", suite).anyMatch(id -> id.contains("[nested-class:" + suite + "]"));
            assertThat(out.succeeded()).as("%s judged nothing", suite).noneMatch(id -> id.contains("[nested-class:" + suite + "]"));
        }
        assertThat(out.aborted().values()).as("abort reasons").allMatch(r -> r.toString().contains(Capability.NOT_SUPPORTED));
        // the contract checks' linearized and tangent-space parts are aborted, the rest judged
        assertThat(out.aborted().keySet()).anyMatch(id -> id.contains("theLinearizedObjectiveModifiesNeitherThetaNorTheta0"));
        assertThat(out.succeeded()).anyMatch(id -> id.contains("noObjectiveMethodModifiesTheta"));
    }
}
