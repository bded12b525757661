package org.beyondlazy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small numpy-free .npy writer for test fixtures, independent of the npy module: any of the four
 * float dtypes, C or Fortran order, and arbitrary dtype strings for negative cases.
 */
final class NpyFixtures {
    private NpyFixtures() {
    }

    /** Writes a float64 little-endian C-order file. */
    static Path f8(Path file, int[] shape, double... data) {
        return write(file, "<f8", false, shape, data);
    }

    /**
     * @param descr  dtype descr, e.g. "<f8", ">f4", "<i8"
     * @param data   values in C order (converted to Fortran order when {@code fortran})
     */
    static Path write(Path file, String descr, boolean fortran, int[] shape, double[] data) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(shape[i]).append(shape.length == 1 ? "," : (i + 1 < shape.length ? ", " : ""));
        }
        shapeText.append(")");
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shapeText + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        int width = descr.endsWith("4") ? 4 : 8;
        boolean big = descr.startsWith(">");
        double[] ordered = fortran ? toFortran(shape, data) : data;
        ByteBuffer body = ByteBuffer.allocate(ordered.length * width).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double x : ordered) {
            if (descr.contains("i8")) {
                body.putLong((long) x);
            } else if (width == 4) {
                body.putFloat((float) x);
            } else {
                body.putDouble(x);
            }
        }
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        head.putShort((short) header.length());
        try {
            byte[] out = new byte[10 + header.length() + body.capacity()];
            System.arraycopy(head.array(), 0, out, 0, 10);
            System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, out, 10, header.length());
            System.arraycopy(body.array(), 0, out, 10 + header.length(), body.capacity());
            Files.write(file, out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] toFortran(int[] shape, double[] c) {
        double[] f = new double[c.length];
        int n = shape.length;
        int[] idx = new int[n];
        for (int off = 0; off < c.length; off++) {
            int rest = off;
            for (int k = n - 1; k >= 0; k--) {
                idx[k] = rest % shape[k];
                rest /= shape[k];
            }
            int fo = 0;
            for (int k = n - 1; k >= 0; k--) {
                fo = fo * shape[k] + idx[k];
            }
            f[fo] = c[off];
        }
        return f;
    }
}
