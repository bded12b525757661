package org.beyondlazy.cli;

import org.beyondlazy.core.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beyondlazy.cli.run.RunConfig;
import org.beyondlazy.cli.run.RunFiles;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.AtomicDirectory;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy sweep}: a grid of runs in parallel (spec E9.10). Each finished run appends one line
 * to {@code results.jsonl} (flushed to disk before the next line), so a killed sweep loses no finished
 * result; re-running the same command skips the runs whose id is already there.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of experiments in parallel: {\"base\": {run config}, \"grid\": {\"field\": [values], …}}.",
                "Appends one JSON line per finished run to DIR/results.jsonl; per-run outputs in DIR/runs/<id>/.",
                "Re-running the same command resumes: finished runs (by id) are skipped."})
@SpecRef("E9.10")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--config", required = true, paramLabel = "sweep.json")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--threads", paramLabel = "n", description = "Parallel runs (default: available processors).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One expanded run: its id, its grid values, its full config. */
    record Planned(String id, Map<String, Object> params, RunConfig config) {
    }

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw InputException.bad("--threads", "must be >= 1, found " + n);
        }
        Inputs.outputDirectory("--out", out);
        List<Planned> plan = plan("--config " + config, config);
        Files.createDirectories(out);
        Path results = out.resolve("results.jsonl");
        AtomicDirectory.removeInterrupted(out.resolve("runs"));
        Set<String> done = finishedIds(results);
        List<Planned> todo = plan.stream().filter(p -> !done.contains(p.id())).toList();
        AtomicInteger diverged = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("sweep").setInitialMax(plan.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setConsumer(
                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        try {
            if (bar != null) {
                bar.stepTo(plan.size() - todo.size());
            }
            Sweep.run(todo, n, p -> {
                RunResult outcome = RunFiles.run(p.config(), out.resolve("runs").resolve(p.id()));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", p.id());
                line.put("params", p.params());
                line.put("status", outcome.status());
                line.put("steps", outcome.steps());
                line.put("finalLoss", Outputs.number(outcome.finalLoss()));
                line.put("finalRelativeError", Outputs.number(outcome.finalRelativeError()));
                line.put("seconds", outcome.seconds());
                Sweep.append(results, Outputs.toJson(line));
                return outcome;
            }, outcome -> {
                if (outcome.diverged()) {
                    diverged.incrementAndGet();
                }
                ran.incrementAndGet();
                if (bar != null) {
                    bar.step();
                }
            });
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        Map<String, Object> result = Outputs.map();
        result.put("runs", plan.size());
        result.put("skipped", plan.size() - todo.size());
        result.put("ran", ran.get());
        result.put("diverged", diverged.get());
        result.put("results", results.toString());
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }

    /** Expands and validates the grid (every run is validated before any runs). */
    static List<Planned> plan(String source, Path file) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        if (!Files.isRegularFile(file)) {
            throw new InputException(ErrorCode.MISSING_FILE, source, "no such file");
        }
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(ErrorCode.MALFORMED_FILE, source, "not valid JSON: " + Main.oneLine(e.getMessage()).split(" at \\[")[0]);
        }
        if (root == null || !root.isObject()) {
            throw InputException.bad(source, "expected a JSON object {\"base\": {...}, \"grid\": {...}}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("base") && !f.equals("grid")) {
                throw InputException.bad(source, "unknown field '" + f + "' (expected base, grid)");
            }
        }
        JsonNode base = root.has("base") ? root.get("base") : mapper.createObjectNode();
        JsonNode grid = root.has("grid") ? root.get("grid") : mapper.createObjectNode();
        if (!base.isObject() || !grid.isObject()) {
            throw InputException.bad(source, "base and grid must be JSON objects");
        }
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw InputException.bad(source, "grid field '" + e.getKey() + "' must be a non-empty array");
            }
            List<JsonNode> values = new ArrayList<>();
            e.getValue().forEach(values::add);
            axes.put(e.getKey(), values);
        }
        List<Planned> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, JsonNode> combination : Sweep.expand(axes)) {
            ObjectNode merged = ((ObjectNode) base).deepCopy();
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : combination.entrySet()) {
                merged.set(e.getKey(), e.getValue());
                params.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
            }
            String label = source + " run " + params;
            RunConfig c;
            try {
                c = RunFiles.mapper().treeToValue(merged, RunConfig.class);
            } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                throw InputException.bad(label, "unknown field '" + e.getPropertyName() + "'");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw InputException.bad(label, Main.oneLine(e.getOriginalMessage()));
            }
            RunFiles.spec(label, c);
            String id = id(c);
            if (seen.add(id)) {
                plan.add(new Planned(id, params, c));
            }
        }
        return plan;
    }

    /** A run's id: the first 12 hex digits of SHA-256 of its full config in JSON (spec E9.10). */
    @SpecRef("E9.10")
    static String id(RunConfig c) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(Outputs.toJson(c).getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                s.append(String.format("%02x", h[i]));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids of finished runs in results.jsonl; a torn last line (a kill mid-write) is ignored. */
    static Set<String> finishedIds(Path results) {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(results)) {
            return ids;
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                try {
                    JsonNode node = mapper.readTree(line);
                    if (node != null && node.has("id")) {
                        ids.add(node.get("id").asText());
                    }
                } catch (IOException torn) {
                    // a line cut by a kill: that run did not finish and will run again
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
