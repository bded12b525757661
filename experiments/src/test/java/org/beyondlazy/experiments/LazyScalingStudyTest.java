package org.beyondlazy.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** The scaling study's records against the lazy-residual study and hand-computed thresholds. */
class LazyScalingStudyTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    @Test
    void thresholdsSlopeAndResidualsAtFixedWidth() {
        LazyScalingStudy.Spec spec = new LazyScalingStudy.Spec(3, 3, LazyScalingStudy.Spec.doubling(4, 16), 7L, 3);
        assertThat(spec.dims()).containsExactly(4, 8, 16);
        LazyScalingStudy.Result result = LazyScalingStudy.run(REFERENCE, spec);
        // E5.9 by hand: m*(4,3) = ⌈20/4⌉ = 5, m*(8,3) = ⌈120/8⌉ = 15, m*(16,3) = ⌈816/16⌉ = 51
        assertThat(result.points()).extracting(LazyScalingStudy.Point::threshold).containsExactly(5, 15, 51);
        assertThat(result.points()).extracting(LazyScalingStudy.Point::symmetricDimension).containsExactly(20L, 120L, 816L);
        // equally spaced log d: the least-squares slope is the end-to-end one, log(51/5)/log(4)
        assertThat(result.thresholdSlope()).isCloseTo(Math.log(51.0 / 5.0) / Math.log(4.0), Offset.offset(1e-12));
        for (LazyScalingStudy.Point p : result.points()) {
            LazyResidualStudy.Width direct = LazyResidualStudy.run(REFERENCE,
                    new LazyResidualStudy.Spec(p.dim(), 3, new int[] {3}, 7L, 3)).widths().get(0);
            assertThat(p.lazy().residuals()).containsExactly(direct.residuals());
            assertThat(p.lazy().ranks()).containsExactly(direct.ranks());
            assertThat(p.lazy().ranksMatching()).isEqualTo(3); // m·d < N: rank m·d = E5.8
            assertThat(p.lazy().belowThreshold()).isTrue();
        }
    }

    @Test
    void rejectsGridsWithoutASlope() {
        assertThatThrownBy(() -> new LazyScalingStudy.Spec(3, 3, new int[] {8}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
        assertThatThrownBy(() -> new LazyScalingStudy.Spec(3, 3, new int[] {8, 8}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
        assertThatThrownBy(() -> new LazyScalingStudy.Spec(3, 0, new int[] {4, 8}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
    }
}
