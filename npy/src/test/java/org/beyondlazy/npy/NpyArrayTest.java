package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void ofCopiesItsArgumentsAndItsResults() {
        int[] shape = {2, 3};
        double[] data = NpyBytes.range(6);
        NpyArray array = NpyArray.of(shape, data);
        shape[0] = 7;
        data[0] = 99;
        array.shape()[1] = 9;
        array.data()[1] = 99;
        assertThat(array.shape()).containsExactly(2, 3);
        assertThat(array.data()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(array.size()).isEqualTo(6);
        assertThat(array.ndim()).isEqualTo(2);
    }

    @Test
    void getUsesRowMajorOrder() {
        NpyArray array = NpyArray.of(new int[] {2, 3, 4}, NpyBytes.range(24));
        assertThat(array.get(0, 0, 0)).isEqualTo(0);
        assertThat(array.get(0, 0, 1)).isEqualTo(1);
        assertThat(array.get(0, 1, 0)).isEqualTo(4);
        assertThat(array.get(1, 0, 0)).isEqualTo(12);
        assertThat(array.get(1, 2, 3)).isEqualTo(23);
        assertThatThrownBy(() -> array.get(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> array.get(0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void scalarHasEmptyShapeAndOneElement() {
        NpyArray scalar = NpyArray.scalar(2.5);
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.size()).isEqualTo(1);
        assertThat(scalar.get()).isEqualTo(2.5);
        assertThat(NpyArray.of(new int[0], new double[] {2.5})).isEqualTo(scalar);
    }

    @Test
    void zeroSizeArraysHaveNoElements() {
        assertThat(NpyArray.zeros(0).size()).isZero();
        assertThat(NpyArray.zeros(2, 0, 3).size()).isZero();
        assertThat(NpyArray.zeros(2, 0, 3).shape()).containsExactly(2, 0, 3);
        assertThat(NpyArray.vector().shape()).containsExactly(0);
        assertThat(NpyArray.matrix(new double[0][]).shape()).containsExactly(0, 0);
        // A zero dimension makes the size 0 even when the other dimensions multiply past the limit.
        assertThat(NpyArray.zeros(Integer.MAX_VALUE, Integer.MAX_VALUE, 0).size()).isZero();
    }

    @Test
    void vectorAndMatrixFactories() {
        assertThat(NpyArray.vector(1, 2, 3)).isEqualTo(NpyArray.of(new int[] {3}, new double[] {1, 2, 3}));
        assertThat(NpyArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .isEqualTo(NpyArray.of(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        assertThatThrownBy(() -> NpyArray.matrix(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidFactoryArgumentsAreRejected() {
        assertThatThrownBy(() -> NpyArray.of(new int[] {2, 3}, new double[5]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpyArray.of(new int[] {-1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpyArray.of(new int[] {65536, 65536}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpyArray.zeros(new int[NpyArray.MAX_DIMENSIONS + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpyArray.of(null, new double[0])).isInstanceOf(NullPointerException.class);
    }

    @Test
    void firstNonFiniteIndexFindsNanAndInfinities() {
        assertThat(NpyArray.vector(1, 2, 3).firstNonFiniteIndex()).isEqualTo(-1);
        assertThat(NpyArray.vector().firstNonFiniteIndex()).isEqualTo(-1);
        assertThat(NpyArray.vector(1, Double.NaN, Double.POSITIVE_INFINITY).firstNonFiniteIndex()).isEqualTo(1);
        assertThat(NpyArray.vector(1, 2, Double.NEGATIVE_INFINITY).firstNonFiniteIndex()).isEqualTo(2);
        assertThat(NpyArray.scalar(Double.NaN).firstNonFiniteIndex()).isZero();
    }

    @Test
    void equalityComparesShapeAndData() {
        NpyArray row = NpyArray.of(new int[] {1, 3}, new double[] {1, 2, 3});
        assertThat(row).isEqualTo(NpyArray.of(new int[] {1, 3}, new double[] {1, 2, 3}));
        assertThat(row).hasSameHashCodeAs(NpyArray.of(new int[] {1, 3}, new double[] {1, 2, 3}));
        assertThat(row).isNotEqualTo(NpyArray.vector(1, 2, 3));
        assertThat(NpyArray.scalar(Double.NaN)).isEqualTo(NpyArray.scalar(Double.NaN));
        assertThat(NpyArray.scalar(0.0)).isNotEqualTo(NpyArray.scalar(-0.0));
        assertThat(row.toString()).isEqualTo("NpyArray(shape=(1, 3), data=[1.0, 2.0, 3.0])");
        assertThat(NpyArray.vector(NpyBytes.range(9)).toString()).isEqualTo("NpyArray(shape=(9,), data=[9 elements])");
    }
}
