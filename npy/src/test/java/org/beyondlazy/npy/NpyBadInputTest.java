package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad input is rejected with its error code, whether read from a stream or from a file. */
class NpyBadInputTest {

    @TempDir
    Path directory;

    private static byte[] withHeader(String header, byte[] data) {
        return NpyBytes.file(1, header, data);
    }

    private static byte[] withDtype(String descr) {
        return withHeader(NpyBytes.dictionary(descr, false, "(1,)"), new byte[8]);
    }

    private static byte[] withShape(String shape, byte[] data) {
        return withHeader(NpyBytes.dictionary("<f8", false, shape), data);
    }

    private static byte[] preamble(int major, int minor, long headerLength) {
        return NpyBytes.concat(NpyBytes.MAGIC, new byte[] {(byte) major, (byte) minor},
                NpyBytes.littleEndian(headerLength, major == 1 ? 2 : 4));
    }

    private static final byte[] VALID = withShape("(3,)", NpyBytes.doublesLittleEndian(1, 2, 3));

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // Not a .npy file at all.
                Arguments.of("empty file", new byte[0], NpyError.NOT_NPY),
                Arguments.of("text file", NpyBytes.ascii("hello, world\n"), NpyError.NOT_NPY),
                Arguments.of("magic without its first byte", Arrays.copyOfRange(VALID, 1, VALID.length), NpyError.NOT_NPY),
                Arguments.of("half of the magic", Arrays.copyOf(VALID, 3), NpyError.NOT_NPY),
                Arguments.of("zip archive (.npz)", NpyBytes.hex("504b0304140000000000"), NpyError.NOT_NPY),
                // Preamble.
                Arguments.of("magic only", NpyBytes.MAGIC, NpyError.TRUNCATED),
                Arguments.of("no header length", NpyBytes.concat(NpyBytes.MAGIC, NpyBytes.hex("0100")), NpyError.TRUNCATED),
                Arguments.of("half a header length", NpyBytes.concat(NpyBytes.MAGIC, NpyBytes.hex("010076")), NpyError.TRUNCATED),
                Arguments.of("version 2 with 3 length bytes", NpyBytes.concat(NpyBytes.MAGIC, NpyBytes.hex("0200760000")), NpyError.TRUNCATED),
                Arguments.of("version 4.0", preamble(4, 0, 0), NpyError.UNSUPPORTED_VERSION),
                Arguments.of("version 1.1", preamble(1, 1, 0), NpyError.UNSUPPORTED_VERSION),
                Arguments.of("version 0.0", preamble(0, 0, 0), NpyError.UNSUPPORTED_VERSION),
                Arguments.of("version 255.255", preamble(255, 255, 0), NpyError.UNSUPPORTED_VERSION),
                // Header length and header bytes.
                Arguments.of("truncated header", Arrays.copyOf(VALID, 40), NpyError.TRUNCATED),
                Arguments.of("header length beyond file", NpyBytes.concat(preamble(1, 0, 60000), NpyBytes.ascii("{'descr': '<f8'")), NpyError.TRUNCATED),
                Arguments.of("v2 header length 4 GiB - 1", preamble(2, 0, 0xffff_ffffL), NpyError.MALFORMED_HEADER),
                Arguments.of("v2 header length above 1 MiB", NpyBytes.concat(preamble(2, 0, (1 << 20) + 1), new byte[64]), NpyError.MALFORMED_HEADER),
                Arguments.of("empty header", NpyBytes.concat(preamble(1, 0, 0), NpyBytes.doublesLittleEndian(1)), NpyError.MALFORMED_HEADER),
                Arguments.of("blank header", withHeader("   ", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("v3 header not UTF-8", NpyBytes.concat(preamble(3, 0, 4), NpyBytes.hex("7bff7d0a")), NpyError.MALFORMED_HEADER),
                // Malformed dictionaries.
                Arguments.of("not a dictionary", withHeader("['descr', '<f8']", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("unclosed dictionary", withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,),", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("missing colon", withHeader("{'descr' '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("unquoted key", withHeader("{descr: '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("unterminated string", withHeader("{'descr: '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("escape in string", withHeader("{'descr': '<f\\x38', 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("two commas", withHeader("{'descr': '<f8',, 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("only a comma", withHeader("{,}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("missing comma", withHeader("{'descr': '<f8' 'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("text after dictionary", withHeader(NpyBytes.dictionary("<f8", false, "(1,)") + " x", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("two dictionaries", withHeader(NpyBytes.dictionary("<f8", false, "(1,)") + "{}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("unknown key", withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("repeated key", withHeader("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("fortran_order not a bool", withHeader("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("fortran_order lowercase", withHeader("{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("fortran_order Truest", withHeader("{'descr': '<f8', 'fortran_order': Truest, 'shape': (1,)}", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape as list", withShape("[1]", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape (1) is not a tuple", withShape("(1)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape with empty element", withShape("(1,,1)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape (,)", withShape("(,)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape with a string", withShape("('1',)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape with a float", withShape("(1.0,)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape with a leading zero", withShape("(01,)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("shape with hex", withShape("(0x1,)", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("unclosed shape", withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1, }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("descr not a string", withHeader("{'descr': f8, 'fortran_order': False, 'shape': (1,)}", new byte[8]), NpyError.MALFORMED_HEADER),
                // Missing keys.
                Arguments.of("missing descr", withHeader("{'fortran_order': False, 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("missing fortran_order", withHeader("{'descr': '<f8', 'shape': (1,), }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("missing shape", withHeader("{'descr': '<f8', 'fortran_order': False, }", new byte[8]), NpyError.MALFORMED_HEADER),
                Arguments.of("empty dictionary", withHeader("{}", new byte[8]), NpyError.MALFORMED_HEADER),
                // Unsupported dtypes.
                Arguments.of("dtype <i16", withDtype("<i16"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype <c16", withDtype("<c16"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype |b1", withDtype("|b1"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype |f2", withDtype("|f2"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype O", withDtype("O"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype |O", withDtype("|O"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype <f16", withDtype("<f16"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype |f8", withDtype("|f8"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype <d", withDtype("<d"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("dtype <U5", withDtype("<U5"), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("empty dtype", withDtype(""), NpyError.UNSUPPORTED_DTYPE),
                Arguments.of("structured dtype", withHeader("{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[12]), NpyError.UNSUPPORTED_DTYPE),
                // Bad shapes.
                Arguments.of("negative dimension", withShape("(-1,)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("negative second dimension", withShape("(2, -3)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("element count overflows int", withShape("(2147483647, 2147483647)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("element count just above the limit", withShape("(2147483640,)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("element count overflows long", withShape("(4294967296, 4294967296, 4294967296)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("dimension with 30 digits", withShape("(123456789012345678901234567890,)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("huge dimension next to a zero", withShape("(0, 99999999999)", new byte[0]), NpyError.BAD_SHAPE),
                Arguments.of("65 dimensions", withShape("(" + "1, ".repeat(65) + ")", new byte[8]), NpyError.BAD_SHAPE),
                // Data size.
                Arguments.of("truncated data", withShape("(3,)", NpyBytes.doublesLittleEndian(1, 2)), NpyError.TRUNCATED),
                Arguments.of("data cut inside an element", Arrays.copyOf(VALID, VALID.length - 1), NpyError.TRUNCATED),
                Arguments.of("no data", withShape("(3,)", new byte[0]), NpyError.TRUNCATED),
                Arguments.of("no data for a scalar", withShape("()", new byte[0]), NpyError.TRUNCATED),
                Arguments.of("float32 cut inside an element", withHeader(NpyBytes.dictionary("<f4", false, "(2,)"), new byte[5]), NpyError.TRUNCATED),
                Arguments.of("huge shape over little data", withShape("(300000000,)", NpyBytes.doublesLittleEndian(1)), NpyError.TRUNCATED),
                Arguments.of("trailing data", NpyBytes.concat(VALID, new byte[] {0}), NpyError.TRAILING_DATA),
                Arguments.of("two arrays in one file", NpyBytes.concat(VALID, VALID), NpyError.TRAILING_DATA),
                Arguments.of("data for an empty array", withShape("(0,)", new byte[8]), NpyError.TRAILING_DATA),
                Arguments.of("two elements for a scalar", withShape("()", new byte[16]), NpyError.TRAILING_DATA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void streamInputIsRejectedWithItsCode(String description, byte[] bytes, NpyError expected) {
        NpyException e = catchThrowableOfType(NpyException.class,
                () -> NpyReader.read(new ByteArrayInputStream(bytes), "bad.npy"));
        assertThat(e).as(description).isNotNull();
        assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.source()).isEqualTo("bad.npy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void fileInputIsRejectedWithItsCode(String description, byte[] bytes, NpyError expected) throws IOException {
        Path file = directory.resolve("bad.npy");
        Files.write(file, bytes);
        NpyException e = catchThrowableOfType(NpyException.class, () -> NpyReader.read(file));
        assertThat(e).as(description).isNotNull();
        assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.source()).isEqualTo(file.toString());
    }

    /** The message contract the command line relies on: one line, prefixed by the source. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void messagesAreOneLineAndNameTheSource(String description, byte[] bytes, NpyError expected) {
        NpyException e = catchThrowableOfType(NpyException.class,
                () -> NpyReader.read(new ByteArrayInputStream(bytes), "dir/W.npy"));
        assertThat(e.getMessage()).startsWith("dir/W.npy: ").doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void unsupportedDtypeMessageNamesTheDtypeAndTheAcceptedOnes() {
        NpyException e = catchThrowableOfType(NpyException.class,
                () -> NpyReader.read(new ByteArrayInputStream(withDtype("<c16")), "W.npy"));
        assertThat(e.getMessage()).isEqualTo("W.npy: unsupported dtype '<c16' (expected a float ('<f8', '<f4', '<f2') "
                + "or an integer ('<i8', '|i1', '<u4', ...) dtype)");
    }

    @Test
    void truncatedDataMessageSaysExpectedAndFoundBytes() {
        NpyException e = catchThrowableOfType(NpyException.class,
                () -> NpyReader.read(new ByteArrayInputStream(withShape("(3,)", new byte[16])), "W.npy"));
        assertThat(e.getMessage()).isEqualTo("W.npy: truncated data: expected 24 bytes, found 16");
    }

    /** np.save(f, np.arange(3)): int64 (make_numpy_fixtures.py), read exactly and named by its dtype. */
    @Test
    void numpyInt64FileIsReadWithItsDtype() throws IOException, NpyException {
        byte[] bytes;
        try (InputStream in = NpyBadInputTest.class.getResourceAsStream("numpy/i8_3.npy")) {
            bytes = in.readAllBytes();
        }
        NpyArray a = NpyReader.read(new ByteArrayInputStream(bytes), "i8_3.npy");
        assertThat(a.dtype()).isEqualTo("int64");
        assertThat(a.isFloat()).isFalse();
        assertThat(a.data()).containsExactly(0, 1, 2);
    }

    /** float16 bit patterns of 1, −2, 65504 (largest), 2^-24 (smallest subnormal), +∞, widened exactly. */
    @Test
    void float16IsWidenedExactly() {
        assertThat(NpyReader.halfToDouble((short) 0x3c00)).isEqualTo(1.0);
        assertThat(NpyReader.halfToDouble((short) 0xc000)).isEqualTo(-2.0);
        assertThat(NpyReader.halfToDouble((short) 0x7bff)).isEqualTo(65504.0);
        assertThat(NpyReader.halfToDouble((short) 0x0001)).isEqualTo(0x1p-24);
        assertThat(NpyReader.halfToDouble((short) 0x3555)).isEqualTo(0x1.554p-2); // 0.33325195...
        assertThat(NpyReader.halfToDouble((short) 0x7c00)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NpyReader.halfToDouble((short) 0x7e00)).isNaN();
    }

    @Test
    void missingFileIsNotFound() {
        Path missing = directory.resolve("missing.npy");
        assertThatThrownBy(() -> NpyReader.read(missing))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.NOT_FOUND));
        Path inMissingDirectory = directory.resolve("nowhere").resolve("missing.npy");
        assertThatThrownBy(() -> NpyReader.read(inMissingDirectory))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.NOT_FOUND));
    }

    @Test
    void directoryIsAnIoError() {
        assertThatThrownBy(() -> NpyReader.read(directory))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.IO_ERROR));
    }

    @Test
    void failingStreamIsAnIoError() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < VALID.length - 5) {
                    return VALID[served++] & 0xff;
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> NpyReader.read(failing, "remote.npy"))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.IO_ERROR));
    }

    @Test
    void aDeclaredArrayBeyondTheHeapIsTooLargeBeforeAnyDataIsRead() {
        // 2·10⁹ float64 = 16 GB declared, 8 bytes present: refused from the header against Runtime.maxMemory()
        byte[] header = withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000,), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(new java.io.ByteArrayInputStream(header), "huge.npy"))
                .isInstanceOfSatisfying(NpyException.class, e -> assertThat(e.error()).isEqualTo(NpyError.TOO_LARGE))
                .hasMessageContaining("MiB");
    }

    @Test
    void everyCodeIsCoveredByATest() {
        // NOT_FOUND and IO_ERROR come from the file system and are tested above, TOO_LARGE from the heap.
        Stream<NpyError> fromTable = badInputs().map(arguments -> (NpyError) arguments.get()[2]);
        assertThat(Stream.concat(fromTable, Stream.of(NpyError.NOT_FOUND, NpyError.IO_ERROR, NpyError.TOO_LARGE)).distinct())
                .containsExactlyInAnyOrder(NpyError.values());
    }
}
