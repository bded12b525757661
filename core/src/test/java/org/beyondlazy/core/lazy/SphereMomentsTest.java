package org.beyondlazy.core.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.beyondlazy.core.Generators;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** E5.12's moment matrix against closed forms and a Monte-Carlo average, and its eigenspace structure. */
class SphereMomentsTest {
    @Test
    void momentMatrixHasUnitTraceAndKnownEntries() {
        for (int[] shape : new int[][] {{3, 2}, {4, 3}, {3, 4}, {8, 3}, {6, 4}}) {
            double[][] m = SphereMoments.of(shape[0], shape[1]).momentMatrix();
            double trace = 0;
            for (int k = 0; k < m.length; k++) {
                trace += m[k][k];
            }
            assertThat(trace).as("tr M = E‖u‖^{2l} = 1, (d, l) = (%d, %d)", shape[0], shape[1]).isCloseTo(1.0, within(1e-12));
        }
        // d = 3, l = 2, packed order (0,0), (0,1), (0,2), (1,1), …: E[u₁⁴] = 3/(d(d+2)) = 1/5, E[u₁²u₂²] = 1/15
        double[][] m = SphereMoments.of(3, 2).momentMatrix();
        assertThat(m[0][0]).isCloseTo(0.2, within(1e-15));
        assertThat(m[0][3]).isCloseTo(1.0 / 15, within(1e-15));
        assertThat(m[1][1]).as("mult 2 on both sides: 2·E[u₁²u₂²]").isCloseTo(2.0 / 15, within(1e-15));
        assertThat(m[0][1]).as("odd exponents").isEqualTo(0.0);
    }

    @Test
    void momentMatrixEqualsAMonteCarloAverage() {
        int d = 4;
        int l = 3;
        int samples = 200_000;
        List<int[]> indices = SphereMoments.sortedMultiIndices(d, l);
        int n = indices.size();
        double[][] sum = new double[n][n];
        RandomGenerator rng = Generators.rng(12345L);
        for (int s = 0; s < samples; s++) {
            double[] u = Generators.unitVector(rng, d);
            double[] t = new double[n];
            for (int k = 0; k < n; k++) {
                double p = Math.sqrt(SphereMoments.multiplicity(indices.get(k)));
                for (int i : indices.get(k)) {
                    p *= u[i];
                }
                t[k] = p;
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    sum[a][b] += t[a] * t[b];
                }
            }
        }
        double[][] m = SphereMoments.of(d, l).momentMatrix();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                // |t_a t_b| ≤ 3 (mult ≤ 6, |u_i| ≤ 1), so 6σ of the mean is ≤ 6·3/√samples ≈ 0.04; use 5e-3 (measured ≤ 2e-3)
                assertThat(sum[a][b] / samples).as("M[%d][%d]", a, b).isCloseTo(m[a][b], within(5e-3));
            }
        }
    }

    @Test
    void eigenspacesAreTheHarmonicPieces() {
        // Sym^l = H_l ⊕ H_{l−2} ⊕ …: outside the largest piece H_l there are N(d, l−2) dimensions
        assertThat(SphereMoments.of(8, 3).evaluations()).isEqualTo(8);
        assertThat(SphereMoments.of(10, 3).evaluations()).isEqualTo(10);
        assertThat(SphereMoments.of(6, 4).evaluations()).isEqualTo(21);
    }
}
