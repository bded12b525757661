package org.beyondlazy.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.SpecRef;

/**
 * The same GD step timed in numpy or PyTorch by the committed script {@link #SCRIPT} (spec E9.11), as the
 * yardstick of {@code bench --compare}. Never throws for a missing runtime: the result then says why it was
 * skipped.
 */
@SpecRef("E9.11")
public final class RuntimeComparison {
    /** The comparison script, relative to the project root. */
    public static final String SCRIPT = "bench/compare/gd_step.py";
    /** Longest a comparison run may take before it is abandoned. */
    public static final long TIMEOUT_SECONDS = 900;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeComparison() {
    }

    /**
     * The sizes of the timed step, as the script takes them.
     *
     * @param factored whether the truth is factored (else dense)
     */
    public record Case(boolean factored, int dim, int width, int rank, int order, int steps, int repetitions, int threads) {
        List<String> arguments() {
            return List.of("--case", factored ? "factored" : "dense", "--dim", Integer.toString(dim), "--width",
                    Integer.toString(width), "--rank", Integer.toString(rank), "--order", Integer.toString(order),
                    "--steps", Integer.toString(steps), "--repetitions", Integer.toString(repetitions),
                    "--threads", Integer.toString(threads));
        }
    }

    /**
     * Runs the script for {@code runtime} ({@code numpy} or {@code torch}) and returns its versions, BLAS and
     * per-form medians with {@code ratio} = their median / {@code ourMedianMs} (above 1: this project is faster),
     * or {@code {"skipped": reason}}.
     *
     * @param root the project root (where {@link #SCRIPT} lies)
     */
    public static Map<String, Object> run(Path root, String runtime, Case sizes, double ourMedianMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        Path script = root.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            out.put("skipped", "comparison script " + script + " not found");
            return out;
        }
        // Debian's python3-torch serves /usr/bin/python3; numpy is usually on the first python3 of the PATH
        List<String> pythons = runtime.equals("torch") ? List.of("/usr/bin/python3", "python3") : List.of("python3", "/usr/bin/python3");
        String reason = "no python3 found";
        for (String python : pythons) {
            List<String> command = new ArrayList<>(List.of(python, script.toString(), "--runtime", runtime));
            command.addAll(sizes.arguments());
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(sizes.threads()));
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(sizes.threads()));
                Process p = pb.start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    reason = python + ": timed out";
                    continue;
                }
                if (p.exitValue() != 0 || text.isBlank()) {
                    reason = python + " exited " + p.exitValue();
                    continue;
                }
                JsonNode j = JSON.readTree(text.lines().reduce((a, b) -> b).orElse("{}"));
                if (j.has("skipped")) {
                    reason = j.get("skipped").asText();
                    continue;
                }
                for (String key : List.of("runtime", "version", "blas", "python")) {
                    out.put(key, j.path(key).asText());
                }
                out.put("threads", j.path("threads").asInt());
                out.put("forms", forms(j.path("forms"), ourMedianMs));
                out.put("script", SCRIPT);
                return out;
            } catch (IOException e) {
                reason = python + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted";
                break;
            }
        }
        out.put("skipped", runtime + " comparison skipped: " + reason);
        return out;
    }

    private static Map<String, Object> forms(JsonNode forms, double ourMedianMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = forms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            Map<String, Object> form = new LinkedHashMap<>();
            if (f.getValue().has("skipped")) {
                form.put("skipped", f.getValue().get("skipped").asText());
            } else {
                double theirs = f.getValue().path("msPerStepMedian").asDouble();
                form.put("msPerStepMedian", theirs);
                form.put("ratio", theirs / ourMedianMs);
            }
            out.put(f.getKey(), form);
        }
        return out;
    }
}
