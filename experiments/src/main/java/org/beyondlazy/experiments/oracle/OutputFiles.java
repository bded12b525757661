package org.beyondlazy.experiments.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyException;
import org.beyondlazy.npy.NpyWriter;

/**
 * The outputs of the oracle commands (spec E9.7): validated before any work, written atomically (a temporary
 * file in the same directory, then a move), so that a failure never leaves a partial file.
 */
@SpecRef("E9.7")
public final class OutputFiles {
    private OutputFiles() {
    }

    /** A JSON-safe number: non-finite values become null. */
    public static Object jsonNumber(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /**
     * Validates an output file before any work: its directory must exist and be writable, and the path must not
     * be a directory. Returns {@code file} (null stays null: the output was not asked for).
     */
    public static Path requireWritable(String option, Path file) {
        if (file == null) {
            return null;
        }
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, NpyInputs.name(option, file), "is a directory, expected a file path");
        }
        Path parent = abs.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, NpyInputs.name(option, file), "directory " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, NpyInputs.name(option, file), "directory " + parent + " is not writable");
        }
        return file;
    }

    /** Validates an output directory: it may exist (then it must be a directory) or its parent must exist. */
    public static Path requireDirectory(String option, Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, NpyInputs.name(option, dir), "exists and is not a directory");
        }
        Path parent = abs.getParent();
        if (!Files.exists(abs) && parent != null && !Files.isDirectory(parent)) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, NpyInputs.name(option, dir), "parent directory " + parent + " does not exist");
        }
        return dir;
    }

    /** Writes {@code text} (UTF-8) to {@code file} atomically; an I/O failure is an {@link UncheckedIOException} naming the file. */
    public static void writeString(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    /** Creates {@code dir} if needed ({@code option} names it in an error) and writes {@code text} to {@code dir/fileName} atomically. */
    public static void writeInto(String option, Path dir, String fileName, String text) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw BeyondLazyException.about(ErrorCode.IO_FAILURE, option + " " + dir, "cannot create: " + e.getMessage());
        }
        writeString(dir.resolve(fileName), text);
    }

    /** Writes a .npy file atomically (NpyWriter writes a temporary file and moves it); errors name {@code option}. */
    public static void writeNpy(String option, Path file, NpyArray array) {
        try {
            NpyWriter.write(file, array);
        } catch (NpyException e) {
            throw NpyInputs.about(option, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
