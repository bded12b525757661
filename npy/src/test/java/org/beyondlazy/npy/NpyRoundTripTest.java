package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyRoundTripTest {

    private static final long SEED = 20240601L;

    @TempDir
    Path directory;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of((Object) new int[] {}),
                Arguments.of((Object) new int[] {0}),
                Arguments.of((Object) new int[] {5}),
                Arguments.of((Object) new int[] {3, 4}),
                Arguments.of((Object) new int[] {2, 3, 4}),
                Arguments.of((Object) new int[] {2, 0, 3}),
                Arguments.of((Object) new int[] {1, 1, 1, 1, 1, 1, 1, 1}));
    }

    private static NpyArray randomArray(int[] shape, long seed) {
        Random random = new Random(seed);
        int size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        double[] data = new double[size];
        for (int i = 0; i < size; i++) {
            data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
        return NpyArray.of(shape, data);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void roundTripThroughAFile(int[] shape) throws Exception {
        NpyArray array = randomArray(shape, SEED);
        Path file = directory.resolve("a.npy");
        NpyWriter.write(file, array);
        NpyArray read = NpyReader.read(file);
        assertThat(read).as("seed %d", SEED).isEqualTo(array);
        assertThat(read.shape()).containsExactly(shape);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void roundTripThroughAStream(int[] shape) throws Exception {
        NpyArray array = randomArray(shape, SEED + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, array);
        assertThat(out.size() % 8).isZero();
        NpyArray read = NpyReader.read(new ByteArrayInputStream(out.toByteArray()), "stream");
        assertThat(read).as("seed %d", SEED + 1).isEqualTo(array);
    }

    @Test
    void specialValuesKeepTheirBits() throws Exception {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, Math.PI};
        NpyArray array = NpyArray.vector(special);
        Path file = directory.resolve("special.npy");
        NpyWriter.write(file, array);
        double[] read = NpyReader.read(file).data();
        for (int i = 0; i < special.length; i++) {
            assertThat(Double.doubleToRawLongBits(read[i])).as("element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(special[i]));
        }
        assertThat(NpyReader.read(file).firstNonFiniteIndex()).isZero();
    }

    /** Larger than the reader's 64 KiB chunk, so the data is read and (for streams) grown in steps. */
    @Test
    void largeArraysRoundTripThroughFileAndStream() throws Exception {
        NpyArray array = randomArray(new int[] {300, 101}, SEED + 2);
        Path file = directory.resolve("large.npy");
        NpyWriter.write(file, array);
        assertThat(NpyReader.read(file)).isEqualTo(array);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, array);
        assertThat(NpyReader.read(new ByteArrayInputStream(out.toByteArray()), "large")).isEqualTo(array);
    }
}
