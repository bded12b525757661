package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.Supplier;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claim C8's scaling form (spec E7.10): the separation of growth rates W20 proves, measured. For every order of
 * the full grid (l = 3, d = 10 … 320; l = 4, d = 8 … 64), the variant's m_min(d) is found at every d (a grid
 * width passes with a Wilson 95% lower bound ≥ 0.8, E7.10), and the 95% interval of its log–log slope lies
 * entirely below the interval of the slope of the exact lazy boundary m*(d) (E5.9): m_min grows strictly slower
 * than the lazy width, at the stated confidence. A paper-scale measurement (minutes on the fast path), so the
 * property carries the tag {@value #FULL_PROFILE}: the test suite and the audit's quick profile leave it out,
 * the full profile runs it.
 */
public abstract class ScalingLawClaims implements BackendUnderTest {
    /** The tag of properties that only the audit's full profile runs. */
    public static final String FULL_PROFILE = "full-profile";

    /** The backend the study runs on (the backend under test by default; a binding may name a faster conforming one). */
    protected Backend studyBackend() {
        return backend();
    }

    /** Runs the study; a binding may wrap it (e.g. one BLAS thread per seed thread). */
    protected <T> T around(Supplier<T> study) {
        return study.get();
    }

    /** Seed threads of the study (its result does not depend on them). */
    protected int threads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    @Tag("C8")
    @Tag(FULL_PROFILE)
    @SpecRef({"C8", "E7.10"})
    void theVariantsWidthGrowsSlowerThanTheLazyWidth() {
        ScalingLawStudy.Spec spec = ScalingLawStudy.Spec.full().withSeedsShiftedBy(ClaimSettings.seed() - ClaimSettings.DEFAULT_SEED);
        ScalingLawStudy.Result study = around(() -> ScalingLawStudy.cached(studyBackend(), spec, threads(), line -> { }));
        for (ScalingLawStudy.OrderResult o : study.orders()) {
            int l = o.grid().order();
            for (ScalingLawStudy.DimensionPoint p : o.points()) {
                assertThat(p.search().found()).as("C8 l=%d d=%d: no grid width passed (Wilson lower bound >= %s) on %s", l, p.dim(),
                        spec.requiredLower(), study.backend()).isTrue();
            }
            String line = String.format(Locale.ROOT, "C8 scaling form l=%d: slope of m_min(d) %.2f [%.2f, %.2f], of m*(d) %.2f [%.2f, %.2f]",
                    l, o.minWidthFit().slope(), o.minWidthFit().lower(), o.minWidthFit().upper(), o.thresholdFit().slope(),
                    o.thresholdFit().lower(), o.thresholdFit().upper());
            ClaimOutput.println(line);
            assertThat(o.minWidthFit().upper()).as(line).isLessThan(o.thresholdFit().lower());
        }
    }
}
