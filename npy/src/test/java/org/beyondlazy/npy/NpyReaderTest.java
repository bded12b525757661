package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid inputs: files NumPy wrote, and hand-built fixtures for each accepted variant. */
class NpyReaderTest {

    @TempDir
    Path directory;

    /** Reads the bytes both as a stream and as a file, checks both agree, returns the array. */
    private NpyArray read(byte[] bytes) throws Exception {
        NpyArray fromStream = NpyReader.read(new ByteArrayInputStream(bytes), "fixture");
        Path file = directory.resolve("fixture.npy");
        Files.write(file, bytes);
        NpyArray fromFile = NpyReader.read(file);
        assertThat(fromFile).isEqualTo(fromStream);
        return fromStream;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = NpyReaderTest.class.getResourceAsStream("numpy/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    // --- Files NumPy wrote (src/test/python/make_numpy_fixtures.py): element at C index i is i.

    static Stream<Arguments> numpyFiles() {
        return Stream.of(
                Arguments.of("f8_le_c_2x3.npy", new int[] {2, 3}),
                Arguments.of("f8_be_c_2x3.npy", new int[] {2, 3}),
                Arguments.of("f4_le_c_2x3.npy", new int[] {2, 3}),
                Arguments.of("f4_be_c_2x3.npy", new int[] {2, 3}),
                Arguments.of("f8_le_fortran_2x3.npy", new int[] {2, 3}),
                Arguments.of("f4_be_fortran_2x3x2.npy", new int[] {2, 3, 2}),
                Arguments.of("f8_le_c_2x3x2_v2.npy", new int[] {2, 3, 2}),
                Arguments.of("f8_le_c_2x3x2_v3.npy", new int[] {2, 3, 2}),
                Arguments.of("f8_empty_0.npy", new int[] {0}),
                Arguments.of("f8_empty_2x0.npy", new int[] {2, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyFiles")
    void readsFilesNumpyWrote(String name, int[] shape) throws Exception {
        NpyArray array = read(resource(name));
        assertThat(array.shape()).containsExactly(shape);
        assertThat(array.data()).containsExactly(NpyBytes.range((int) array.size()));
    }

    @Test
    void readsANumpyScalar() throws Exception {
        assertThat(read(resource("f8_scalar.npy"))).isEqualTo(NpyArray.scalar(2.5));
    }

    @Test
    void readsNonFiniteValuesAndReportsTheFirst() throws Exception {
        NpyArray array = read(resource("f8_nonfinite_4.npy"));
        assertThat(array.data()).containsExactly(1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(array.firstNonFiniteIndex()).isEqualTo(1);
    }

    // --- Hand-built fixtures.

    @Test
    void float64LittleEndian() throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary("<f8", false, "(3,)"),
                NpyBytes.doublesLittleEndian(1.5, -2.25, 1e300));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1.5, -2.25, 1e300));
    }

    @Test
    void float64BigEndian() throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary(">f8", false, "(3,)"),
                NpyBytes.doublesBigEndian(1.5, -2.25, 1e300));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1.5, -2.25, 1e300));
    }

    @Test
    void float32LittleEndianIsWidenedExactly() throws Exception {
        float third = 1f / 3f;
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary("<f4", false, "(3,)"),
                NpyBytes.floatsLittleEndian(1.5f, third, Float.MAX_VALUE));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1.5, third, Float.MAX_VALUE));
    }

    @Test
    void float32BigEndianIsWidenedExactly() throws Exception {
        float third = 1f / 3f;
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary(">f4", false, "(3,)"),
                NpyBytes.floatsBigEndian(1.5f, third, Float.MIN_VALUE));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1.5, third, Float.MIN_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=f8", "f8"})
    void nativeOrderFloat64IsReadAsLittleEndian(String descr) throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary(descr, false, "(2,)"), NpyBytes.doublesLittleEndian(1, 2));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=f4", "f4"})
    void nativeOrderFloat32IsReadAsLittleEndian(String descr) throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary(descr, false, "(2,)"), NpyBytes.floatsLittleEndian(1, 2));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1, 2));
    }

    /**
     * The 2x3 matrix [[a, b, c], [d, e, f]] is stored column by column in Fortran order:
     * a d b e c f.
     */
    @Test
    void fortranOrder2x3IsTransposedIntoCOrder() throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary("<f8", true, "(2, 3)"),
                NpyBytes.doublesLittleEndian(11, 21, 12, 22, 13, 23));
        NpyArray array = read(bytes);
        assertThat(array.shape()).containsExactly(2, 3);
        assertThat(array.data()).containsExactly(11, 12, 13, 21, 22, 23);
    }

    /**
     * Element (i, j, k) of shape (2, 3, 2) is at Fortran offset i + 2j + 6k and C offset
     * 6i + 2j + k. The fixture stores value 100i + 10j + k at its Fortran offset.
     */
    @Test
    void fortranOrder2x3x2IsReorderedIntoCOrder() throws Exception {
        double[] fortran = new double[12];
        double[] expectedC = new double[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    fortran[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
                    expectedC[6 * i + 2 * j + k] = 100 * i + 10 * j + k;
                }
            }
        }
        assertThat(fortran).startsWith(0, 100, 10, 110, 20, 120, 1, 101);
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary("<f8", true, "(2, 3, 2)"),
                NpyBytes.doublesLittleEndian(fortran));
        NpyArray array = read(bytes);
        assertThat(array.data()).containsExactly(expectedC);
        assertThat(array.get(1, 2, 1)).isEqualTo(121);
    }

    @Test
    void fortranOrderOfVectorsScalarsAndEmptyArraysChangesNothing() throws Exception {
        assertThat(read(NpyBytes.file(1, NpyBytes.dictionary("<f8", true, "(3,)"), NpyBytes.doublesLittleEndian(1, 2, 3))))
                .isEqualTo(NpyArray.vector(1, 2, 3));
        assertThat(read(NpyBytes.file(1, NpyBytes.dictionary("<f8", true, "()"), NpyBytes.doublesLittleEndian(7))))
                .isEqualTo(NpyArray.scalar(7));
        assertThat(read(NpyBytes.file(1, NpyBytes.dictionary("<f8", true, "(0, 3)"), new byte[0])).shape())
                .containsExactly(0, 3);
    }

    @Test
    void version2Header() throws Exception {
        byte[] bytes = NpyBytes.file(2, NpyBytes.dictionary("<f8", false, "(2, 2)"), NpyBytes.doublesLittleEndian(1, 2, 3, 4));
        assertThat(bytes[6]).isEqualTo((byte) 2);
        assertThat(read(bytes)).isEqualTo(NpyArray.matrix(new double[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void version2HeaderLongerThan65535Bytes() throws Exception {
        String header = NpyBytes.dictionary("<f8", false, "(1,)") + " ".repeat(70_000);
        assertThat(read(NpyBytes.file(2, header, NpyBytes.doublesLittleEndian(5)))).isEqualTo(NpyArray.vector(5));
    }

    @Test
    void version3HeaderIsUtf8() throws Exception {
        byte[] bytes = NpyBytes.file(3, NpyBytes.dictionary(">f4", false, "(2,)"), NpyBytes.floatsBigEndian(1, 2));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(1, 2));
    }

    static Stream<Arguments> toleratedHeaders() {
        return Stream.of(
                Arguments.of("keys in another order", "{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}"),
                Arguments.of("no trailing comma", "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}"),
                Arguments.of("double quotes", "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,)}"),
                Arguments.of("whitespace everywhere", " {\t'descr' :'<f8' ,\n 'fortran_order':False,'shape' : ( 2 , ) , } \t"),
                Arguments.of("python 2 long suffix", "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }"),
                Arguments.of("explicit plus sign", "{'descr': '<f8', 'fortran_order': False, 'shape': (+2,), }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toleratedHeaders")
    void toleratesWhitespaceKeyOrderAndPunctuationVariants(String description, String header) throws Exception {
        assertThat(read(NpyBytes.file(1, header, NpyBytes.doublesLittleEndian(1, 2)))).isEqualTo(NpyArray.vector(1, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 64, 4096})
    void acceptsAnyDataAlignment(int alignment) throws Exception {
        byte[] bytes = NpyBytes.file(1, NpyBytes.dictionary("<f8", false, "(2, 1)"), alignment, NpyBytes.doublesLittleEndian(1, 2));
        assertThat(read(bytes).data()).containsExactly(1, 2);
    }

    @Test
    void multiDimensionalShapesWithTrailingComma() throws Exception {
        byte[] bytes = NpyBytes.file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 1,), }",
                NpyBytes.doublesLittleEndian(1, 2));
        assertThat(read(bytes).shape()).containsExactly(1, 2, 1);
    }

    @Test
    void readsAHeaderWithoutANewline() throws Exception {
        byte[] bytes = NpyBytes.concat(NpyBytes.MAGIC, NpyBytes.hex("0100"), NpyBytes.littleEndian(54, 2),
                NpyBytes.ascii("{'descr':'<f8','fortran_order':False,'shape':(1,),}   "), NpyBytes.doublesLittleEndian(3));
        assertThat(read(bytes)).isEqualTo(NpyArray.vector(3));
    }
}
