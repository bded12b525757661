package org.beyondlazy.npy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} byte fixtures by hand for the tests, independently of the code under test:
 * numbers are encoded by shifting bits, not with {@link java.nio.ByteBuffer}.
 */
final class NpyBytes {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyBytes() {
    }

    /** The header dictionary NumPy writes, without padding. */
    static String dictionary(String descr, boolean fortranOrder, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shape + ", }";
    }

    /** A version {@code major}.0 file with the header padded to 64-byte alignment, then data. */
    static byte[] file(int major, String header, byte[] data) {
        return file(major, header, 64, data);
    }

    /**
     * A version {@code major}.0 file whose header is padded with spaces and a final newline so
     * the data starts at a multiple of {@code alignment} (1: no padding beyond the newline).
     */
    static byte[] file(int major, String header, int alignment, byte[] data) {
        int preamble = major == 1 ? 10 : 12;
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int unpadded = preamble + text.length + 1;
        int padding = (alignment - unpadded % alignment) % alignment;
        int headerLength = text.length + padding + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(major);
        out.write(0);
        out.writeBytes(littleEndian(headerLength, major == 1 ? 2 : 4));
        out.writeBytes(text);
        out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The concatenation of the parts. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The low {@code byteCount} bytes of {@code value}, least significant first. */
    static byte[] littleEndian(long value, int byteCount) {
        byte[] bytes = new byte[byteCount];
        for (int i = 0; i < byteCount; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static byte[] bigEndian(long value, int byteCount) {
        byte[] little = littleEndian(value, byteCount);
        byte[] big = new byte[byteCount];
        for (int i = 0; i < byteCount; i++) {
            big[i] = little[byteCount - 1 - i];
        }
        return big;
    }

    static byte[] doublesLittleEndian(double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (double value : values) {
            out.writeBytes(littleEndian(Double.doubleToRawLongBits(value), 8));
        }
        return out.toByteArray();
    }

    static byte[] doublesBigEndian(double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (double value : values) {
            out.writeBytes(bigEndian(Double.doubleToRawLongBits(value), 8));
        }
        return out.toByteArray();
    }

    static byte[] floatsLittleEndian(float... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (float value : values) {
            out.writeBytes(littleEndian(Float.floatToRawIntBits(value), 4));
        }
        return out.toByteArray();
    }

    static byte[] floatsBigEndian(float... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (float value : values) {
            out.writeBytes(bigEndian(Float.floatToRawIntBits(value), 4));
        }
        return out.toByteArray();
    }

    /** 0, 1, ..., n-1. */
    static double[] range(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    static float[] rangeFloat(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
