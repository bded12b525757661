package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyWriterTest {

    @TempDir
    Path directory;

    private static byte[] written(NpyArray array) throws NpyException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, array);
        return out.toByteArray();
    }

    /**
     * {@code np.save(f, np.arange(6.).reshape(2, 3))}, built from the format spec: magic, version
     * 1.0, header length 118 (0x76) little-endian, the dictionary, spaces up to byte 127, '\n'
     * at byte 127, then 0.0 .. 5.0 as little-endian float64. (NumPy >= 1.23 adds 20 spaces of
     * growth room after the dictionary; here they fall inside the alignment padding, so NumPy
     * versions before and after 1.23 write the same bytes.) src/test/python/make_numpy_fixtures.py
     * prints the bytes NumPy writes.
     */
    @Test
    void goldenBytesOfArange6Reshaped2x3() throws Exception {
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        int headerLength = 128 - 10;
        String header = dictionary + " ".repeat(headerLength - dictionary.length() - 1) + "\n";
        byte[] expected = NpyBytes.concat(
                NpyBytes.hex("934e554d5059" + "0100" + "7600"),
                header.getBytes(StandardCharsets.US_ASCII),
                NpyBytes.hex("0000000000000000" + "000000000000f03f" + "0000000000000040"
                        + "0000000000000840" + "0000000000001040" + "0000000000001440"));
        assertThat(expected).hasSize(128 + 48);

        assertThat(written(NpyArray.of(new int[] {2, 3}, NpyBytes.range(6)))).isEqualTo(expected);
        Path file = directory.resolve("golden.npy");
        NpyWriter.write(file, NpyArray.of(new int[] {2, 3}, NpyBytes.range(6)));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    static Stream<Arguments> numpyWrittenFiles() {
        return Stream.of(
                Arguments.of("written_scalar.npy", new int[] {}),
                Arguments.of("written_0.npy", new int[] {0}),
                Arguments.of("written_5.npy", new int[] {5}),
                Arguments.of("written_3x4.npy", new int[] {3, 4}),
                Arguments.of("written_2x3x4.npy", new int[] {2, 3, 4}),
                Arguments.of("written_1000000000x0.npy", new int[] {1_000_000_000, 0}),
                Arguments.of("written_ones30.npy", new int[30]));
    }

    /** Files np.save wrote (make_numpy_fixtures.py): the writer reproduces them byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyWrittenFiles")
    void writesTheBytesNumpyWrites(String resource, int[] shape) throws Exception {
        if (resource.equals("written_ones30.npy")) {
            java.util.Arrays.fill(shape, 1);
        }
        byte[] numpyBytes;
        try (InputStream in = NpyWriterTest.class.getResourceAsStream("numpy/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            numpyBytes = in.readAllBytes();
        }
        long size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        NpyArray array = NpyArray.of(shape, NpyBytes.range((int) size));
        assertThat(written(array)).isEqualTo(numpyBytes);
    }

    @Test
    void headersAreAlignedTo64BytesAndEndWithNewline() {
        for (int ndim = 0; ndim <= NpyArray.MAX_DIMENSIONS; ndim++) {
            for (int dimension : new int[] {0, 1, 7, 12345, Integer.MAX_VALUE}) {
                int[] shape = new int[ndim];
                java.util.Arrays.fill(shape, dimension);
                byte[] header = NpyWriter.header(shape);
                assertThat(header.length % 64).as("ndim %d, dimension %d", ndim, dimension).isZero();
                assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
                assertThat(header[6]).isEqualTo((byte) 1);
                int headerLength = (header[8] & 0xff) | (header[9] & 0xff) << 8;
                assertThat(headerLength).isEqualTo(header.length - 10);
            }
        }
    }

    @Test
    void switchesToVersion2WhenTheHeaderDoesNotFitAUint16() {
        String longDictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }" + " ".repeat(70_000);
        byte[] header = NpyWriter.wrapChoosingVersion(longDictionary);
        assertThat(header[6]).isEqualTo((byte) 2);
        assertThat(header.length % 64).isZero();
        long headerLength = (header[8] & 0xffL) | (header[9] & 0xffL) << 8 | (header[10] & 0xffL) << 16
                | (header[11] & 0xffL) << 24;
        assertThat(headerLength).isEqualTo(header.length - 12);
        assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
    }

    @Test
    void writingToAPathReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = directory.resolve("out.npy");
        NpyWriter.write(file, NpyArray.vector(1, 2, 3));
        NpyWriter.write(file, NpyArray.scalar(4));
        assertThat(NpyReader.read(file)).isEqualTo(NpyArray.scalar(4));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithoutCreatingAnything() {
        Path file = directory.resolve("missing").resolve("out.npy");
        assertThatThrownBy(() -> NpyWriter.write(file, NpyArray.vector(1)))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.IO_ERROR));
        assertThat(directory.resolve("missing")).doesNotExist();
    }

    @Test
    void writingOverADirectoryFailsAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.createDirectory(directory.resolve("taken.npy"));
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> NpyWriter.write(target, NpyArray.vector(1)))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.IO_ERROR));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(target.resolve("inside")).hasContent("x");
    }

    @Test
    void aFailingStreamIsAnIoError() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> NpyWriter.write(failing, NpyArray.vector(1, 2)))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.IO_ERROR));
    }
}
