package org.beyondlazy.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Path;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.HeapBudget;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.npy.InputFile;
import org.beyondlazy.npy.NpyError;
import org.beyondlazy.npy.NpyException;

/**
 * Reading run and sweep configs strictly (spec E9.8): one JSON object and nothing after it, no duplicate keys,
 * no unknown fields, and no coercion between JSON types ({@code "dim": "8"}, {@code "lr": "0.1"},
 * {@code "model": 3}, {@code "trajectory": 1} and {@code "dim": 8.5} are errors; an integer where a real number
 * is expected is the number). Every error is a {@link BeyondLazyException} whose message starts with the
 * config's name and names the field.
 */
@SpecRef("E9.8")
public final class RunConfigs {
    /** Largest config accepted, in bytes: a config is a few hundred bytes, a sweep grid a few kilobytes. */
    public static final int MAX_CONFIG_BYTES = 1 << 20;

    /** Arrays a dense reference run holds at once (the truth T*, T(θ) and the residual), for the memory check. */
    static final int DENSE_REFERENCE_ARRAYS = 3;

    private static final ObjectMapper STRICT = strictMapper();

    /** Writes configs and result lines: field order preserved, no pretty printing. */
    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private RunConfigs() {
    }

    /** The strict reader of configs (shared, thread-safe). */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a run config from a file or a pipe and validates it ({@link #spec}).
     *
     * @param source how messages name the config, e.g. "--config exp.json"
     */
    public static RunConfig read(String source, Path file) {
        JsonNode root = readTree(source, file);
        if (!root.isObject()) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "expected a JSON object {\"field\": value, ...}");
        }
        RunConfig config = convert(source, root);
        spec(source, config);
        return config;
    }

    /** Parses a config file (or pipe) into a JSON tree: valid JSON, one value, no duplicate keys, at most 1 MiB. */
    public static JsonNode readTree(String source, Path file) {
        byte[] bytes;
        try {
            bytes = InputFile.readAll(file, source, MAX_CONFIG_BYTES);
        } catch (NpyException e) {
            ErrorCode code = e.error() == NpyError.NOT_FOUND ? ErrorCode.MISSING_FILE : ErrorCode.IO_FAILURE;
            String detail = e.getMessage().substring(Math.min(e.getMessage().length(), source.length() + 2));
            throw code == ErrorCode.MISSING_FILE ? new BeyondLazyException(code, source) : new BeyondLazyException(code, source, detail);
        }
        return parse(source, bytes);
    }

    /** Parses config bytes (see {@link #readTree}); an empty input is malformed. */
    public static JsonNode parse(String source, byte[] bytes) {
        try {
            JsonNode root = STRICT.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new BeyondLazyException(ErrorCode.MALFORMED_FILE, source, "empty config (expected a JSON object)");
            }
            return root;
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.MALFORMED_FILE, source, "not valid JSON: " + jsonMessage(e));
        }
    }

    /** A JSON object as a config: unknown fields, wrong JSON types and coercions are bad input naming the field. */
    public static RunConfig convert(String source, JsonNode object) {
        try {
            return STRICT.treeToValue(object, RunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "field " + path(e) + ": " + jsonMessage(e));
        } catch (JsonProcessingException e) {
            throw new BeyondLazyException(ErrorCode.MALFORMED_FILE, source, "not valid JSON: " + jsonMessage(e));
        } catch (IllegalArgumentException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, oneLine(e.getMessage()));
        }
    }

    /**
     * The typed spec of a config, every field checked; {@code source} names the config in messages. The
     * implementation must be a registered backend; the memory the run needs (the dense d^l truth of the
     * reference, the m×m Gram matrix of the fast path, a kept trajectory) must fit in the heap.
     */
    public static RunSpec spec(String source, RunConfig c) {
        try {
            ModelKind model = ModelKind.parse(c.model);
            if (!"random".equals(c.truth) && !"orthonormal".equals(c.truth)) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "truth", c.truth, "[random, orthonormal]");
            }
            if (!"plus".equals(c.signs) && !"random".equals(c.signs)) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "signs", c.signs, "[plus, random]");
            }
            double[] coeffs = null;
            if (c.truthCoeffs != null) {
                coeffs = new double[c.truthCoeffs.size()];
                for (int j = 0; j < coeffs.length; j++) {
                    Double x = c.truthCoeffs.get(j);
                    if (x == null) {
                        throw new BeyondLazyException(ErrorCode.NON_FINITE, "truthCoeffs", null, j);
                    }
                    coeffs[j] = x;
                }
            }
            if (c.implementation == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "implementation", "a backend name", "null");
            }
            RunSpec spec = new RunSpec(model, c.order, c.dim, c.width, c.rank, "orthonormal".equals(c.truth), coeffs, c.initScale,
                    "random".equals(c.signs), c.initCoeff, c.lambda, RunOptimizer.parse(c.optimizer), c.lr, c.momentum, c.fraction,
                    c.delta, c.stepsPerEpoch, c.epochs, ReinitRule.parse(c.reinit), ModeSwitch.parse(c.mode), c.directionSteps,
                    c.directionRate, c.steps, c.logEvery, c.targetError, c.seed);
            Backends.get(c.implementation);
            if (c.trajectory && spec.optimizer() == RunOptimizer.VARIANT) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "trajectory", "false with optimizer variant "
                        + "(its re-initializations are not steps of one update form)", true);
            }
            requireMemory(c, spec);
            return spec;
        } catch (BeyondLazyException e) {
            throw BeyondLazyException.within(source, e);
        }
    }

    /** Refuses, before any allocation, a run whose arrays cannot fit in the heap (spec E9.6). */
    private static void requireMemory(RunConfig c, RunSpec spec) {
        double md = (double) spec.width() * spec.dim();
        if ("reference".equals(c.implementation)) {
            Sizes.denseLength(spec.dim(), spec.order()); // d^l must be one array
            HeapBudget.requireDoubles("run with the dense reference (" + DENSE_REFERENCE_ARRAYS + " arrays of d^l, d=" + spec.dim()
                    + ", l=" + spec.order() + ")", DENSE_REFERENCE_ARRAYS * Math.pow(spec.dim(), spec.order()));
        }
        HeapBudget.requireDoubles("run parameters and Gram matrix (m=" + spec.width() + ", d=" + spec.dim() + ")",
                (double) spec.width() * spec.width() + 8 * md + (double) spec.rank() * spec.dim());
        if (c.trajectory) {
            // the iterates θ_0 … θ_T, then the file's array of the same size
            HeapBudget.requireDoubles("trajectory ((steps+1)×m×(d+1), steps=" + spec.steps() + ")",
                    2.0 * (spec.steps() + 1.0) * spec.width() * (spec.dim() + 1.0));
        }
    }

    /** The JSON form of a value (a config, a results line). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON-safe number: non-finite values become null (spec E9.7). */
    public static Object number(double x) {
        return Double.isFinite(x) ? x : null;
    }

    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? (b.length() > 0 ? "." : "") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "?" : "'" + b + "'";
    }

    /** Jackson's message without its source excerpt and location (one line). */
    static String jsonMessage(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        m = oneLine(m);
        int at = m.indexOf(" at [Source");
        return at < 0 ? m : m.substring(0, at);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace('\r', ' ').trim();
    }
}
