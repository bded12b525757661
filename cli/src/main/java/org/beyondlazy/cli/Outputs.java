package org.beyondlazy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Printing results: JSON with {@code --json}, else one "key: value" line per field. Files are written by the
 * library ({@link org.beyondlazy.experiments.oracle.OutputFiles}, spec E9.7).
 */
public final class Outputs {
    /** The project's JSON mapper (field order preserved, no pretty printing). */
    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Outputs() {
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

    /** {@code value} as one line of JSON. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ordered map builder. */
    public static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
