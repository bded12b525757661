package org.beyondlazy.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes {@link NpyArray}s as NumPy {@code .npy} files: dtype {@code '<f8'} (float64,
 * little-endian), C order, format version 1.0, or 2.0 when the header does not fit 1.0's uint16
 * length field.
 *
 * <p>The header is byte for byte what {@code numpy.save} writes (NumPy 1.23 and later,
 * {@code numpy.lib.format._write_array_header}): {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }}, then {@code 21 - len(str(shape[0]))} spaces of growth room (none for a
 * scalar), then spaces so that the data starts at a multiple of 64 bytes (between 1 and 64
 * spaces: NumPy adds a full 64 when already aligned), then {@code '\n'}. NumPy before 1.23 wrote
 * no growth room; every NumPy version reads both forms.
 *
 * <p>Writing to a path is atomic: the bytes go to a temporary file in the target's directory,
 * which is then moved over the target; on failure the temporary file is deleted, so the target
 * is either untouched or complete.
 */
public final class NpyWriter {

    /** NumPy's {@code ARRAY_ALIGN}: the data starts at a multiple of this many bytes. */
    static final int ARRAY_ALIGN = 64;

    /** NumPy's {@code GROWTH_AXIS_MAX_DIGITS}: room left to grow the first dimension in place. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** Doubles encoded per step. */
    private static final int CHUNK_DOUBLES = 8192;

    private NpyWriter() {
    }

    /**
     * Writes an array to a file atomically, replacing any existing file.
     *
     * @param file  the target; its directory must exist
     * @param array the array; not modified
     * @throws NpyException IO_ERROR if the file cannot be written (the target is then unchanged
     *                      and no temporary file remains); the message names {@code file}
     */
    public static void write(Path file, NpyArray array) throws NpyException {
        Objects.requireNonNull(array, "array");
        String source = file.toString();
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = null;
        try {
            temporary = createTemporaryBeside(target);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writeTo(out, array);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (NoSuchFileException e) {
            throw new NpyException(NpyError.IO_ERROR, source, e, "directory does not exist: " + directory);
        } catch (IOException e) {
            throw NpyReader.ioError(source, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; that is the error reported.
                }
            }
        }
    }

    /**
     * Creates an empty, uniquely named file {@code .<name>.<random>.tmp} in the target's
     * directory. Unlike {@link Files#createTempFile}, which makes the file readable by its owner
     * only, the file gets the default permissions, which it keeps once moved into place.
     */
    private static Path createTemporaryBeside(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path candidate = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes an array to a stream: header, then data.
     *
     * @param out   the stream; written to, flushed, not closed
     * @param array the array; not modified
     * @throws NpyException IO_ERROR if the stream fails
     */
    public static void write(OutputStream out, NpyArray array) throws NpyException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(array, "array");
        try {
            writeTo(out, array);
            out.flush();
        } catch (IOException e) {
            throw NpyReader.ioError("output stream", e);
        }
    }

    private static void writeTo(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array.shapeView()));
        double[] data = array.dataView();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_DOUBLES * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += CHUNK_DOUBLES) {
            int count = Math.min(CHUNK_DOUBLES, data.length - start);
            chunk.clear();
            chunk.asDoubleBuffer().put(data, start, count);
            out.write(chunk.array(), 0, count * Double.BYTES);
        }
    }

    /**
     * The preamble and header NumPy writes for a float64 C-order array of this shape.
     *
     * @param shape the dimensions; not modified
     * @return magic, version, length field and padded header; its length is a multiple of 64
     */
    static byte[] header(int[] shape) {
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': "
                + NpyArray.shapeToString(shape) + ", }";
        StringBuilder text = new StringBuilder(dictionary);
        if (shape.length > 0) {
            text.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape[0]).length()));
        }
        return wrapChoosingVersion(text.toString());
    }

    /**
     * NumPy's {@code _wrap_header_guess_version} for ASCII text: version 1.0 if the padded header
     * length fits a uint16, else 2.0.
     *
     * @param dictionary the header text before padding (ASCII)
     * @return magic, version, length field and padded header; its length is a multiple of 64
     */
    static byte[] wrapChoosingVersion(String dictionary) {
        byte[] version1 = wrap(dictionary, 1);
        return version1 != null ? version1 : wrap(dictionary, 2);
    }

    /**
     * NumPy's {@code _wrap_header}: pads with spaces and a newline so that preamble plus header is
     * a multiple of {@link #ARRAY_ALIGN}; null if the length does not fit the version's field.
     */
    private static byte[] wrap(String dictionary, int major) {
        byte[] text = dictionary.getBytes(StandardCharsets.US_ASCII);
        int lengthFieldBytes = major == 1 ? 2 : 4;
        int preambleLength = NpyReader.MAGIC.length + 2 + lengthFieldBytes;
        int textAndNewline = text.length + 1;
        int padding = ARRAY_ALIGN - (preambleLength + textAndNewline) % ARRAY_ALIGN;
        int headerLength = textAndNewline + padding;
        if (major == 1 && headerLength > 0xffff) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(preambleLength + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyReader.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }
}
