package org.beyondlazy.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads NumPy {@code .npy} files of format versions 1.0, 2.0 and 3.0 holding float64, float32 or float16
 * arrays, or integer arrays (signed or unsigned, 1 to 8 bytes), in either byte order and in C or Fortran
 * order.
 *
 * <p>Layout (NumPy Enhancement Proposal 1, {@code numpy.lib.format}): the magic
 * {@code \x93NUMPY}; one byte major and one byte minor version; the header length as a
 * little-endian uint16 (1.0) or uint32 (2.0, 3.0); the header, a Python dictionary literal in
 * Latin-1 (1.0, 2.0) or UTF-8 (3.0), padded with spaces and a newline; then the raw data. Any
 * alignment of the data is accepted.
 *
 * <p>Accepted dtypes: {@code '<f8'}, {@code '>f8'}, {@code '<f4'}, {@code '>f4'}, and the
 * variants {@code '=f8'}, {@code 'f8'}, {@code '=f4'}, {@code 'f4'}, read as little-endian; likewise
 * {@code f2} and the integers {@code i1 i2 i4 i8 u1 u2 u4 u8} (also with {@code '|'}). float32 and float16
 * values and integers up to 2^53 are widened to double exactly; {@link NpyArray#dtype()} names the stored
 * type, so callers decide which types an input accepts. Fortran-order data is reordered so that
 * {@link NpyArray#data()} is always in C order. Non-finite values are returned as they are
 * (see {@link NpyArray#firstNonFiniteIndex()}).
 *
 * <p>Every failure is an {@link NpyException} with an {@link NpyError} code; no other exception
 * escapes for any input bytes. The reader never reads past the declared header length, rejects
 * header lengths above {@link #MAX_HEADER_LENGTH}, and allocates memory in proportion to the
 * bytes actually present, not to the size the header claims.
 */
public final class NpyReader {

    /** Largest header length accepted, in bytes (1 MiB); NumPy's own headers are a few hundred. */
    public static final int MAX_HEADER_LENGTH = 1 << 20;

    /** The first six bytes of every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Bytes converted per step; a multiple of 8. */
    private static final int CHUNK_BYTES = 1 << 16;

    private NpyReader() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param file the file; not modified
     * @return the array, data in C order
     * @throws NpyException NOT_FOUND if the file does not exist, IO_ERROR if it cannot be read,
     *                      or any content error code (see {@link #read(InputStream, String)});
     *                      the message names {@code file}
     */
    public static NpyArray read(Path file) throws NpyException {
        String source = file.toString();
        try (InputStream in = InputFile.open(file, source)) {
            return readFrom(new BufferedInputStream(in, CHUNK_BYTES), source, InputFile.knownLength(file));
        } catch (IOException e) {
            throw ioError(source, e);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream, which must end right after the data.
     *
     * @param in         the stream, read to its end and not closed
     * @param sourceName the name used in error messages (e.g. a file or entry name)
     * @return the array, data in C order
     * @throws NpyException NOT_NPY, UNSUPPORTED_VERSION, MALFORMED_HEADER, UNSUPPORTED_DTYPE,
     *                      BAD_SHAPE, TRUNCATED, TRAILING_DATA, or IO_ERROR if the stream fails
     */
    public static NpyArray read(InputStream in, String sourceName) throws NpyException {
        return readFrom(in, sourceName, -1);
    }

    /**
     * Reads the array; {@code totalLength} is the input's length if known (a regular file), else
     * -1. A known length lets size errors be reported before any data is read.
     */
    private static NpyArray readFrom(InputStream in, String source, long totalLength) throws NpyException {
        try {
            // Preamble: magic, version, header length.
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                String found = magic.length == 0 ? "empty input"
                        : "'" + NpyHeaderParser.printable(new String(magic, StandardCharsets.ISO_8859_1)) + "'";
                throw new NpyException(NpyError.NOT_NPY, source, found);
            }
            byte[] version = in.readNBytes(2);
            if (version.length < 2) {
                throw new NpyException(NpyError.TRUNCATED, source, "preamble", 10L, (long) MAGIC.length + version.length);
            }
            int major = version[0] & 0xff;
            int minor = version[1] & 0xff;
            if (minor != 0 || major < 1 || major > 3) {
                throw new NpyException(NpyError.UNSUPPORTED_VERSION, source, major, minor);
            }
            int lengthFieldBytes = major == 1 ? 2 : 4;
            int preambleLength = MAGIC.length + 2 + lengthFieldBytes;
            byte[] lengthField = in.readNBytes(lengthFieldBytes);
            if (lengthField.length < lengthFieldBytes) {
                throw new NpyException(NpyError.TRUNCATED, source, "preamble",
                        (long) preambleLength, (long) MAGIC.length + 2 + lengthField.length);
            }
            ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1
                    ? Short.toUnsignedLong(lengthBuffer.getShort())
                    : Integer.toUnsignedLong(lengthBuffer.getInt());

            // Header: exactly headerLength bytes, never more.
            if (headerLength > MAX_HEADER_LENGTH) {
                throw new NpyException(NpyError.MALFORMED_HEADER, source,
                        "header length " + headerLength + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes");
            }
            if (totalLength >= 0 && preambleLength + headerLength > totalLength) {
                throw new NpyException(NpyError.TRUNCATED, source, "header", headerLength, totalLength - preambleLength);
            }
            byte[] headerBytes = in.readNBytes((int) headerLength);
            if (headerBytes.length < headerLength) {
                throw new NpyException(NpyError.TRUNCATED, source, "header", headerLength, (long) headerBytes.length);
            }
            String headerText = decodeHeader(headerBytes, major, source);
            NpyHeaderParser.Header header = NpyHeaderParser.parse(headerText, source);
            ByteOrder order = byteOrderOf(header, source);
            int itemSize = itemSizeOf(header, source);
            char kind = kindOf(header, source);
            int[] shape = validatedShape(header.dimensions, source);
            int count = Math.toIntExact(sizeOf(shape));
            requireMemory(count, header.fortranOrder, source);

            // Data: exactly count * itemSize bytes, then the end of the input.
            long expectedDataBytes = (long) count * itemSize;
            boolean lengthVerified = false;
            if (totalLength >= 0) {
                long foundDataBytes = totalLength - preambleLength - headerLength;
                if (foundDataBytes < expectedDataBytes) {
                    throw new NpyException(NpyError.TRUNCATED, source, "data", expectedDataBytes, foundDataBytes);
                }
                if (foundDataBytes > expectedDataBytes) {
                    throw new NpyException(NpyError.TRAILING_DATA, source, expectedDataBytes, foundDataBytes);
                }
                lengthVerified = true;
            }
            double[] values = readValues(in, count, kind, itemSize, order, lengthVerified, source);
            long trailingBytes = in.transferTo(OutputStream.nullOutputStream());
            if (trailingBytes > 0) {
                throw new NpyException(NpyError.TRAILING_DATA, source, expectedDataBytes, expectedDataBytes + trailingBytes);
            }
            if (header.fortranOrder) {
                values = fortranToC(values, shape);
            }
            return NpyArray.wrapValidated(shape, values, dtypeName(kind, itemSize));
        } catch (IOException e) {
            throw ioError(source, e);
        }
    }

    /**
     * Refuses, before any data is read, an array whose doubles (twice as many for a Fortran-order file, which is
     * reordered into a copy) do not fit in the heap the JVM can still allocate: a consistent header over a huge
     * sparse file would otherwise end in an {@link OutOfMemoryError}.
     */
    private static void requireMemory(int count, boolean fortran, String source) throws NpyException {
        long needed = (long) count * Double.BYTES * (fortran ? 2 : 1);
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > available) {
            throw new NpyException(NpyError.TOO_LARGE, source, count, needed >> 20, available >> 20);
        }
    }

    /** Latin-1 for versions 1.0 and 2.0 (every byte is a character), strict UTF-8 for 3.0. */
    private static String decodeHeader(byte[] headerBytes, int major, String source) throws NpyException {
        if (major < 3) {
            return new String(headerBytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(headerBytes));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw new NpyException(NpyError.MALFORMED_HEADER, source, e, "version 3.0 header is not valid UTF-8");
        }
    }

    /** {@code <} and {@code =} or none: little-endian; {@code >}: big-endian. */
    private static ByteOrder byteOrderOf(NpyHeaderParser.Header header, String source) throws NpyException {
        String descr = requireSupportedDescr(header, source);
        return descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static int itemSizeOf(NpyHeaderParser.Header header, String source) throws NpyException {
        String descr = requireSupportedDescr(header, source);
        return descr.charAt(descr.length() - 1) - '0';
    }

    /** 'f' (IEEE float), 'i' (signed integer) or 'u' (unsigned integer). */
    private static char kindOf(NpyHeaderParser.Header header, String source) throws NpyException {
        String descr = requireSupportedDescr(header, source);
        return descr.charAt(descr.length() - 2);
    }

    private static String dtypeName(char kind, int itemSize) {
        String base = kind == 'f' ? "float" : kind == 'i' ? "int" : "uint";
        return base + (8 * itemSize);
    }

    private static String requireSupportedDescr(NpyHeaderParser.Header header, String source) throws NpyException {
        String descr = header.descr;
        if (descr != null && (descr.matches("[<>=]?f[248]") || descr.matches("[<>=|]?[iu][1248]"))) {
            return descr;
        }
        throw new NpyException(NpyError.UNSUPPORTED_DTYPE, source, NpyHeaderParser.printable(header.descrAsWritten));
    }

    /** Checks the dimension count, signs, int range and element count. */
    private static int[] validatedShape(long[] dimensions, String source) throws NpyException {
        if (dimensions.length > NpyArray.MAX_DIMENSIONS) {
            throw badShape(dimensions, source, dimensions.length + " dimensions, at most "
                    + NpyArray.MAX_DIMENSIONS + " supported");
        }
        for (int axis = 0; axis < dimensions.length; axis++) {
            if (dimensions[axis] < 0) {
                throw badShape(dimensions, source, "negative dimension at axis " + axis);
            }
        }
        for (int axis = 0; axis < dimensions.length; axis++) {
            if (dimensions[axis] > NpyArray.MAX_ELEMENTS) {
                throw badShape(dimensions, source, "dimension at axis " + axis + " exceeds " + NpyArray.MAX_ELEMENTS);
            }
        }
        int[] shape = new int[dimensions.length];
        for (int axis = 0; axis < dimensions.length; axis++) {
            shape[axis] = (int) dimensions[axis];
        }
        if (sizeOf(shape) > NpyArray.MAX_ELEMENTS) {
            throw badShape(dimensions, source, "more than " + NpyArray.MAX_ELEMENTS + " elements");
        }
        return shape;
    }

    /**
     * The product of the dimensions, or any value above {@link NpyArray#MAX_ELEMENTS} when it is
     * larger (computed without overflow: each factor is at most MAX_ELEMENTS).
     */
    private static long sizeOf(int[] shape) {
        for (int dimension : shape) {
            if (dimension == 0) {
                return 0;
            }
        }
        long size = 1;
        for (int dimension : shape) {
            size *= dimension;
            if (size > NpyArray.MAX_ELEMENTS) {
                return size;
            }
        }
        return size;
    }

    private static NpyException badShape(long[] dimensions, String source, String reason) {
        StringBuilder text = new StringBuilder("(");
        for (int axis = 0; axis < dimensions.length && text.length() < 80; axis++) {
            text.append(axis == 0 ? "" : ", ").append(dimensions[axis]);
        }
        if (text.length() >= 80) {
            text.append(", ...");
        } else if (dimensions.length == 1) {
            text.append(',');
        }
        text.append(')');
        return new NpyException(NpyError.BAD_SHAPE, source, text.toString(), reason);
    }

    /**
     * Reads {@code count} values of {@code itemSize} bytes in {@code order}, widening float32 to
     * double. Unless the input length was verified, the result array grows with the data read,
     * so a header claiming a huge shape over a short input cannot exhaust memory.
     */
    private static double[] readValues(InputStream in, int count, char kind, int itemSize, ByteOrder order,
            boolean lengthVerified, String source) throws IOException, NpyException {
        int elementsPerChunk = CHUNK_BYTES / itemSize;
        double[] values = new double[lengthVerified ? count : Math.min(count, elementsPerChunk)];
        byte[] chunk = new byte[CHUNK_BYTES];
        int filled = 0;
        while (filled < count) {
            int elements = Math.min(count - filled, elementsPerChunk);
            int wantedBytes = elements * itemSize;
            int gotBytes = in.readNBytes(chunk, 0, wantedBytes);
            if (gotBytes < wantedBytes) {
                throw new NpyException(NpyError.TRUNCATED, source, "data",
                        (long) count * itemSize, (long) filled * itemSize + gotBytes);
            }
            if (filled + elements > values.length) {
                long grown = Math.max((long) filled + elements, 2L * values.length);
                values = Arrays.copyOf(values, (int) Math.min(count, grown));
            }
            ByteBuffer bytes = ByteBuffer.wrap(chunk, 0, wantedBytes).order(order);
            if (kind == 'f' && itemSize == Double.BYTES) {
                bytes.asDoubleBuffer().get(values, filled, elements);
            } else {
                for (int i = 0; i < elements; i++) {
                    values[filled + i] = element(bytes, i * itemSize, kind, itemSize);
                }
            }
            filled += elements;
        }
        return values;
    }

    /** One element widened to double: exact for floats and for integers of magnitude up to 2^53. */
    private static double element(ByteBuffer bytes, int offset, char kind, int itemSize) {
        if (kind == 'f') {
            return itemSize == Float.BYTES ? bytes.getFloat(offset) : halfToDouble(bytes.getShort(offset));
        }
        long v = switch (itemSize) {
            case 1 -> kind == 'i' ? bytes.get(offset) : Byte.toUnsignedLong(bytes.get(offset));
            case 2 -> kind == 'i' ? bytes.getShort(offset) : Short.toUnsignedLong(bytes.getShort(offset));
            case 4 -> kind == 'i' ? bytes.getInt(offset) : Integer.toUnsignedLong(bytes.getInt(offset));
            default -> bytes.getLong(offset);
        };
        if (kind == 'u' && itemSize == 8 && v < 0) {
            return (double) (v >>> 1) * 2.0 + (v & 1); // above 2^63: not exact, and never a valid input here
        }
        return v;
    }

    /** IEEE 754 binary16 to double, exactly (subnormals, infinities and NaN included). */
    static double halfToDouble(short bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24; // subnormal: mantissa · 2^-24
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = (1024 + mantissa) * Math.scalb(1.0, exponent - 25);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /**
     * Reorders column-major (Fortran) data into row-major (C) order.
     *
     * @param fortran the elements with the first index varying fastest, length = product of
     *                {@code shape}; not modified
     * @param shape   the dimensions; not modified
     * @return a new array with the same elements, the last index varying fastest
     */
    static double[] fortranToC(double[] fortran, int[] shape) {
        int rank = shape.length;
        // C-order stride of each axis, in elements.
        int[] cStride = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            cStride[axis] = stride;
            stride *= shape[axis];
        }
        double[] c = new double[fortran.length];
        int[] index = new int[rank];
        for (int fortranOffset = 0; fortranOffset < fortran.length; fortranOffset++) {
            // Where element index[] lives in C order.
            int cOffset = 0;
            for (int axis = 0; axis < rank; axis++) {
                cOffset += index[axis] * cStride[axis];
            }
            c[cOffset] = fortran[fortranOffset];
            // Next Fortran-order index: the first axis varies fastest.
            for (int axis = 0; axis < rank; axis++) {
                if (++index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return c;
    }

    static NpyException ioError(String source, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e.getMessage() != null) {
            reason = e.getMessage();
        } else {
            reason = e.getClass().getSimpleName();
        }
        return new NpyException(NpyError.IO_ERROR, source, e, reason);
    }
}
