package org.beyondlazy.properties;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of the conformance kit's suites: every abstract {@link BackendUnderTest} class of this
 * package, the claims it judges and the capabilities it needs. {@link ConformanceKitTests} binds each
 * to a backend; the kit's own count guard fails when a suite exists here without being listed.
 */
public final class ConformanceKit {
    /**
     * One suite of the kit.
     *
     * @param type   the abstract suite class
     * @param claims the claim ids its properties cite
     * @param needs  the capabilities it needs; missing ones make its properties "not supported"
     */
    public record Suite(Class<? extends BackendUnderTest> type, List<String> claims, Set<Capability> needs) {
        public Suite {
            claims = List.copyOf(claims);
            needs = Set.copyOf(needs);
        }
    }

    private static Suite suite(Class<? extends BackendUnderTest> type, List<String> claims, Capability... needs) {
        Set<Capability> set = EnumSet.of(Capability.OBJECTIVE);
        set.addAll(List.of(needs));
        return new Suite(type, claims, set);
    }

    /** Every suite, in claim order. */
    public static final List<Suite> SUITES = List.of(
            suite(ObjectiveIdentityClaims.class, List.of("C1")),
            suite(GradientClaims.class, List.of("C2")),
            suite(InvarianceClaims.class, List.of("C3")),
            suite(MonotonicityClaims.class, List.of("C4")),
            suite(SmoothnessBoundClaims.class, List.of("C4")),
            suite(TangentRankClaims.class, List.of("C5"), Capability.TANGENT_SPACE),
            suite(LazyFailureClaims.class, List.of("C6"), Capability.TANGENT_SPACE),
            suite(LazyLimitClaims.class, List.of("C7"), Capability.TANGENT_SPACE, Capability.LINEARIZED_OBJECTIVE),
            suite(VariantClaims.class, List.of("C8", "C9", "C10", "C13")),
            suite(ScalingLawClaims.class, List.of("C8"), Capability.TANGENT_SPACE),
            suite(MomentumClaims.class, List.of("C11"), Capability.TANGENT_SPACE, Capability.LINEARIZED_OBJECTIVE),
            suite(PolarDynamicsClaims.class, List.of("C12")),
            suite(DifferentialClaims.class, List.of("C14")),
            suite(ObjectiveContractClaims.class, List.of("C15")),
            suite(TangentSpectrumClaims.class, List.of("C16"), Capability.TANGENT_SPACE));

    private ConformanceKit() {
    }

    /** The listed suite that {@code testClass} extends, if any. */
    public static Optional<Suite> suiteOf(Class<?> testClass) {
        return SUITES.stream().filter(s -> s.type().isAssignableFrom(testClass)).findFirst();
    }
}
