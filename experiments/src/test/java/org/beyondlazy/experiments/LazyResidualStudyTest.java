package org.beyondlazy.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.lazy.LazyInstances;
import org.beyondlazy.reference.ReferenceBackend;
import org.beyondlazy.reference.lazy.ReferenceTangentSpace;
import org.junit.jupiter.api.Test;

/** The study's records against a direct computation on the reference, and its input checks. */
class LazyResidualStudyTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    @Test
    void residualsAndRanksEqualTheDirectComputationPerSeedAndWidth() {
        LazyResidualStudy.Spec spec = new LazyResidualStudy.Spec(5, 3, new int[] {1, 3, 7, 8}, 11L, 3);
        LazyResidualStudy.Result result = LazyResidualStudy.run(REFERENCE, spec);
        assertThat(result.symmetricDimension()).isEqualTo(35);
        assertThat(result.threshold()).isEqualTo(8); // E5.9: one more than ⌈35/5⌉ in the defective case
        for (int k = 0; k < spec.widths().length; k++) {
            int m = spec.widths()[k];
            LazyResidualStudy.Width w = result.widths().get(k);
            assertThat(w.width()).isEqualTo(m);
            assertThat(w.belowThreshold()).isEqualTo(m < 8);
            double sumSquares = 0;
            for (int s = 0; s < spec.seeds(); s++) {
                // a fresh instance drawn for width m alone: the study's nesting must not change the numbers
                LazyInstances.Instance inst = LazyInstances.rankOneTarget(11L + s, 5, 3, m);
                ReferenceTangentSpace v = new ReferenceTangentSpace(Problem.of(ModelKind.PLAIN, m, 0.0, inst.truth()),
                        inst.initialization(m));
                double rho = v.lazyResidual(inst.truth());
                assertThat(result.residual(s, k)).isEqualTo(rho);
                assertThat(w.ranks()[s]).isEqualTo(v.rank());
                sumSquares += rho * rho;
            }
            assertThat(w.meanSquare()).isCloseTo(sumSquares / spec.seeds(), org.assertj.core.data.Offset.offset(1e-15));
        }
        // (5, 3, 7) is the Alexander–Hirschowitz exception: rank 34 < 35, so ρ_lazy stays positive at m = 7
        assertThat(result.widths().get(2).defective()).isTrue();
        assertThat(result.widths().get(2).min()).isGreaterThan(1e-6);
        assertThat(result.widths().get(3).max()).isLessThan(1e-12);
    }

    @Test
    void rejectsWidthsThatAreNotStrictlyIncreasing() {
        assertThatThrownBy(() -> new LazyResidualStudy.Spec(4, 3, new int[] {3, 3}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
        assertThatThrownBy(() -> new LazyResidualStudy.Spec(4, 3, new int[] {}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
        assertThatThrownBy(() -> new LazyResidualStudy.Spec(4, 3, new int[] {0}, 0L, 1)).isInstanceOf(BeyondLazyException.class);
    }
}
