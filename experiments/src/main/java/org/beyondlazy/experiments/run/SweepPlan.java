package org.beyondlazy.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The runs of a sweep (spec E9.10), planned and validated before any of them runs: the config
 * {@code {"base": {run config}, "grid": {"field": [values], …}}} expands to the Cartesian product of the grid over
 * base (the last field varying fastest), each run has the id of {@link #id}, and a combination that repeats an
 * earlier run's complete config is the same run (planned once). A grid of more than {@link #MAX_RUNS} runs is
 * refused from the sizes of its axes alone, before anything is expanded.
 */
@SpecRef("E9.10")
public final class SweepPlan {
    /** Most runs a sweep may plan: each is validated and held in memory before the first runs. */
    public static final long MAX_RUNS = 100_000;

    /** One planned run: its id, its grid values, its complete config and the validated spec. */
    public record PlannedRun(String id, Map<String, Object> params, RunConfig config, RunSpec spec) {
    }

    private final List<PlannedRun> runs;

    private SweepPlan(List<PlannedRun> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The runs in grid order. */
    public List<PlannedRun> runs() {
        return runs;
    }

    /** Reads and plans a sweep config from a file or a pipe; {@code source} names it in messages. */
    public static SweepPlan read(String source, Path file) {
        return of(source, RunConfigs.readTree(source, file));
    }

    /** Plans a parsed sweep config. */
    public static SweepPlan of(String source, JsonNode root) {
        if (!root.isObject()) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "expected a JSON object {\"base\": {...}, \"grid\": {...}}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("base") && !f.equals("grid")) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "unknown field '" + f + "' (expected base, grid)");
            }
        }
        JsonNode base = root.has("base") ? root.get("base") : RunConfigs.mapper().createObjectNode();
        JsonNode grid = root.has("grid") ? root.get("grid") : RunConfigs.mapper().createObjectNode();
        if (!base.isObject() || !grid.isObject()) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "base and grid must be JSON objects");
        }
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        double count = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "grid field '" + e.getKey() + "' must be a non-empty array");
            }
            List<JsonNode> values = new ArrayList<>();
            e.getValue().forEach(values::add);
            axes.put(e.getKey(), values);
            count *= values.size(); // in double: a product of many axes overflows a long
        }
        if (count > MAX_RUNS) {
            throw new BeyondLazyException(ErrorCode.INVALID_SIZE, source + ": grid", "at most " + MAX_RUNS + " runs",
                    String.format(java.util.Locale.ROOT, "%.4g runs (the product of the axes' lengths)", count));
        }
        List<PlannedRun> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, JsonNode> combination : Sweep.expand(axes)) {
            ObjectNode merged = ((ObjectNode) base).deepCopy();
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : combination.entrySet()) {
                merged.set(e.getKey(), e.getValue());
                params.put(e.getKey(), RunConfigs.mapper().convertValue(e.getValue(), Object.class));
            }
            String label = source + " run " + params;
            RunConfig c = RunConfigs.convert(label, merged);
            RunSpec spec = RunConfigs.spec(label, c);
            String id = id(c);
            if (seen.add(id)) {
                plan.add(new PlannedRun(id, params, c, spec));
            }
        }
        return new SweepPlan(plan);
    }

    /** A run's id: the first 12 hex digits of SHA-256 of its complete config in JSON, defaults filled in (E9.10). */
    @SpecRef("E9.10")
    public static String id(RunConfig c) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(RunConfigs.toJson(c).getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                s.append(String.format("%02x", h[i]));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
