package org.beyondlazy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyException;
import org.beyondlazy.npy.NpyWriter;

/**
 * Printing results (JSON with {@code --json}, else one "key: value" line per field) and writing files
 * atomically: a temporary file in the same directory, then a move (spec E9.7).
 */
@SpecRef("E9.7")
public final class Outputs {
    /** The project's JSON mapper (field order preserved, no pretty printing). */
    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Outputs() {
    }

    /** A JSON-safe number: non-finite values become null. */
    public static Object number(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** Prints a result object. */
    public static void print(PrintWriter out, boolean json, Map<String, ?> result) {
        if (json) {
            out.println(toJson(result));
        } else {
            for (Map.Entry<String, ?> e : result.entrySet()) {
                Object v = e.getValue();
                out.println(e.getKey() + ": " + (v instanceof Map || v instanceof java.util.Collection ? toJson(v) : v));
            }
        }
        out.flush();
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPrettyJson(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ordered map builder. */
    public static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    /** Writes text atomically. */
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

    /** Writes a .npy file atomically (NpyWriter writes a temporary file and moves it). */
    public static void writeNpy(String option, Path file, NpyArray array) {
        try {
            NpyWriter.write(file, array);
        } catch (NpyException e) {
            throw InputException.of(option, e);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
