package org.beyondlazy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The θ layout (E2.9) and the trajectory file layout (E9.3), on hand-written arrays. */
class ParameterLayoutTest {
    final FactoredTruth truth = new FactoredTruth(3, 3, 1, new double[] {1, 0, 0}, new double[] {1});

    @Test
    void coefRowsPutTheCoefficientFirst() {
        Problem p = Problem.of(ModelKind.COEF, 2, 0.0, truth);
        double[] theta = {7, 8, 1, 2, 3, 4, 5, 6}; // c = (7, 8), U = [[1, 2, 3], [4, 5, 6]]
        assertThat(ParameterLayout.trajectoryShape(p, 1)).containsExactly(1, 2, 4);
        double[] data = ParameterLayout.trajectoryData(p, List.of(theta));
        assertThat(data).containsExactly(7, 1, 2, 3, 8, 4, 5, 6);
        assertThat(ParameterLayout.iterates(p, data, 1)[0]).containsExactly(theta);
        assertThat(ParameterLayout.theta(p, new double[] {7, 8}, new double[] {1, 2, 3, 4, 5, 6})).containsExactly(theta);
        assertThat(ParameterLayout.coeffs(p, theta)).containsExactly(7, 8);
        assertThat(ParameterLayout.weights(p, theta)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ParameterLayout.fileCoordinate(p, 1)).containsExactly(1, 0); // c_2
        assertThat(ParameterLayout.fileCoordinate(p, 4)).containsExactly(0, 3); // u_{1,3}
        assertThat(ParameterLayout.fileCoordinate(p, 5)).containsExactly(1, 1); // u_{2,1}
    }

    @Test
    void plainRowsAreTheRowsOfW() {
        Problem p = Problem.of(ModelKind.PLAIN, 2, 0.0, truth);
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {6, 5, 4, 3, 2, 1};
        double[] data = ParameterLayout.trajectoryData(p, List.of(a, b));
        assertThat(data).containsExactly(1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1);
        double[][] back = ParameterLayout.iterates(p, data, 2);
        assertThat(back[1]).containsExactly(b);
        assertThat(ParameterLayout.fileCoordinate(p, 4)).containsExactly(1, 1);
    }
}
