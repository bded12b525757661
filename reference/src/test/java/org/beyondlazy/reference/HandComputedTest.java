package org.beyondlazy.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.junit.jupiter.api.Test;

/** Small cases computed by hand, independent of the claim properties. */
class HandComputedTest {
    @Test
    void storageIsRowMajor() {
        DenseTensor t = DenseTensor.rankOnePower(new double[] {1, 2, 3}, 2);
        // entry (i, j) at offset 3i + j equals v_i v_j
        assertThat(t.entries()).containsExactly(1, 2, 3, 2, 4, 6, 3, 6, 9);
        assertThat(t.indexOf(5)).containsExactly(1, 2);
        DenseTensor cube = DenseTensor.rankOnePower(new double[] {1, 2}, 3);
        assertThat(cube.entries()).containsExactly(1, 2, 2, 4, 2, 4, 4, 8);
    }

    @Test
    void contractions() {
        double[] v = {1, 2};
        DenseTensor t = DenseTensor.rankOnePower(new double[] {3, -1}, 3);
        // (u^{⊗3})(v^{⊗2}) = (u·v)² u, (u·v) = 1
        assertThat(t.contract(v, 2)).containsExactly(3, -1);
        assertThat(t.contract(v, 3)[0]).isEqualTo(1.0);
        assertThat(t.contract(new double[] {1, 1}, 3)[0]).isEqualTo(8.0);
        assertThat(t.inner(t)).isCloseTo(1000.0, offset(1e-12)); // (u·u)^3 = 10^3
    }

    @Test
    void plainLossAndGradientOnAOneByOneCase() {
        // l = 2, d = 1, truth 3·(1)^{⊗2} = [3], one component w = 2: T = 4, E = 1, f = ½, ∇f = 2·E·w = 4
        FactoredTruth truth = new FactoredTruth(2, 1, 1, new double[] {1}, new double[] {3});
        ReferenceObjective f = new ReferenceObjective(Problem.of(ModelKind.PLAIN, 1, 0.0, truth));
        double[] g = new double[1];
        assertThat(f.valueAndGradient(new double[] {2}, g)).isEqualTo(0.5);
        assertThat(g[0]).isEqualTo(4.0);
        // homog with l = 3, d = 1: T = ‖w‖^{-1} w³ = w|w| = 4 for w = 2; E = 1; ∇ = ρ[2E·w̄] = 4
        FactoredTruth cubic = new FactoredTruth(3, 1, 1, new double[] {1}, new double[] {3});
        ReferenceObjective h = new ReferenceObjective(Problem.of(ModelKind.HOMOG, 1, 0.0, cubic));
        assertThat(h.valueAndGradient(new double[] {2}, g)).isEqualTo(0.5);
        assertThat(g[0]).isEqualTo(4.0);
        // coef with λ = 1: c = 2, u = 1, T = 2, E = −1; ∂c = E·1 = −1, ∂u = 3·2·(−1) + 1·1 = −5, f = ½ + ½
        ReferenceObjective c = new ReferenceObjective(Problem.of(ModelKind.COEF, 1, 1.0, cubic));
        double[] gc = new double[2];
        assertThat(c.valueAndGradient(new double[] {2, 1}, gc)).isEqualTo(1.0);
        assertThat(gc).containsExactly(-1.0, -5.0);
    }
}
