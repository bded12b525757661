package org.beyondlazy.cli.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beyondlazy.cli.Backends;
import org.beyondlazy.cli.InputException;
import org.beyondlazy.cli.Inputs;
import org.beyondlazy.cli.Outputs;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Sizes;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.experiments.run.AtomicDirectory;
import org.beyondlazy.experiments.run.Metric;
import org.beyondlazy.experiments.run.RunOptimizer;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.RunSpec;
import org.beyondlazy.experiments.run.Runner;
import org.beyondlazy.npy.NpyArray;

/**
 * The files of {@code beyondlazy run} (spec E9.8): the JSON config read into a {@link RunSpec}, and a run's
 * directory — {@code metrics.jsonl}, the final parameters, {@code summary.json} — written through
 * {@link AtomicDirectory}. The run itself is {@link Runner#run}.
 */
@SpecRef("E9.8")
public final class RunFiles {
    private RunFiles() {
    }

    /** Reads a config file; unknown fields, wrong types and bad values are bad input naming the field. */
    public static RunConfig read(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(ErrorCode.MISSING_FILE, option + " " + file, "no such file");
        }
        try {
            RunConfig config = mapper().readValue(file.toFile(), RunConfig.class);
            if (config == null) {
                throw InputException.bad(option + " " + file, "empty config");
            }
            spec(option + " " + file, config);
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw InputException.bad(option + " " + file, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw InputException.bad(option + " " + file, "field " + path(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(ErrorCode.MALFORMED_FILE, option + " " + file, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The config reader: unknown fields, nulls for numbers and fractional integers are errors. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? (b.length() > 0 ? "." : "") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "?" : "'" + b + "'";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The typed spec of a config, every field checked; {@code source} names the config in messages. The
     * implementation must be a known backend, and the reference needs the dense d^l truth to fit one array.
     */
    public static RunSpec spec(String source, RunConfig c) {
        return Inputs.within(source, () -> {
            ModelKind model = ModelKind.parse(c.model);
            if (!c.truth.equals("random") && !c.truth.equals("orthonormal")) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "truth", c.truth, "[random, orthonormal]");
            }
            if (!c.signs.equals("plus") && !c.signs.equals("random")) {
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
            RunSpec spec = new RunSpec(model, c.order, c.dim, c.width, c.rank, c.truth.equals("orthonormal"), coeffs, c.initScale,
                    c.signs.equals("random"), c.initCoeff, c.lambda, RunOptimizer.parse(c.optimizer), c.lr, c.momentum, c.fraction,
                    c.delta, c.stepsPerEpoch, c.epochs, ReinitRule.parse(c.reinit), ModeSwitch.parse(c.mode), c.directionSteps,
                    c.directionRate, c.steps, c.logEvery, c.targetError, c.seed);
            Backends.get(c.implementation);
            if (c.implementation.equals("reference")) {
                Sizes.denseLength(c.dim, c.order); // the dense reference needs d^l entries; reject before allocating
            }
            return spec;
        });
    }

    /**
     * Runs a config and writes its directory {@code out} (created if needed): one {@code metrics.jsonl}
     * line per {@link Metric}, {@code weights.npy} (and {@code coeffs.npy} for coef, {@code signs.npy} for the
     * variant) unless the run diverged, and {@code summary.json}, moved in last.
     */
    public static RunResult run(RunConfig c, Path out) {
        RunSpec spec = spec("config", c);
        return AtomicDirectory.publish(out, "summary.json", tmp -> {
            RunResult result;
            try (BufferedWriter metrics = Files.newBufferedWriter(tmp.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
                result = Runner.run(spec, Backends.get(c.implementation), m -> writeLine(metrics, line(m)));
            }
            if (!result.diverged()) {
                int m = result.problem().width();
                Outputs.writeNpy("final weights", tmp.resolve("weights.npy"), NpyArray.of(new int[] {m, result.problem().dim()},
                        result.weights()));
                if (result.coeffs() != null) {
                    Outputs.writeNpy("final coefficients", tmp.resolve("coeffs.npy"), NpyArray.of(new int[] {m}, result.coeffs()));
                }
                if (result.signs() != null) {
                    Outputs.writeNpy("final signs", tmp.resolve("signs.npy"), NpyArray.of(new int[] {m}, result.signs()));
                }
            }
            Files.writeString(tmp.resolve("summary.json"), Outputs.toPrettyJson(summary(result, c)) + "\n");
            return result;
        });
    }

    /** The fields of {@code summary.json} (and of {@code run}'s output), the config last. */
    public static Map<String, Object> summary(RunResult r, RunConfig c) {
        Map<String, Object> summary = Outputs.map();
        summary.put("status", r.status());
        summary.put("failure", r.failure());
        summary.put("steps", r.steps());
        if (r.epochs() != null) {
            summary.put("epochs", r.epochs());
            summary.put("stoppedEarly", r.stoppedEarly());
        }
        summary.put("finalLoss", Outputs.number(r.finalLoss()));
        summary.put("finalRelativeError", Outputs.number(r.finalRelativeError()));
        summary.put("seconds", r.seconds());
        summary.put("implementation", c.implementation);
        summary.put("config", c);
        return summary;
    }

    static Map<String, Object> line(Metric m) {
        Map<String, Object> line = Outputs.map();
        if (m.epoch() != null) {
            line.put("epoch", m.epoch());
        }
        line.put("step", m.step());
        line.put("loss", Outputs.number(m.loss()));
        line.put("relativeError", Outputs.number(m.relativeError()));
        if (m.epoch() != null) {
            line.put("active", m.active());
            line.put("reinitialized", m.reinitialized());
        }
        return line;
    }

    private static void writeLine(BufferedWriter out, Map<String, Object> line) {
        try {
            out.write(Outputs.toJson(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
