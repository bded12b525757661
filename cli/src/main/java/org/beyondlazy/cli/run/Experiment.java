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
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.beyondlazy.cli.Backends;
import org.beyondlazy.cli.InputException;
import org.beyondlazy.cli.Inputs;
import org.beyondlazy.cli.Outputs;
import org.beyondlazy.cli.Parameters;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.CertifiedStep;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.variant.EpochRecord;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.core.variant.VariantRun;
import org.hipparchus.random.RandomGenerator;

/**
 * Runs one {@link RunConfig} (spec E9.8): builds the seeded truth and initialization, runs the optimizer,
 * writes {@code metrics.jsonl}, the final parameters and {@code summary.json} into a directory.
 */
@SpecRef("E9.8")
public final class Experiment {
    /** Optimizer names accepted in configs. */
    public static final String OPTIMIZERS = "[gd, heavy-ball, nesterov, gd-certified, variant]";

    private Experiment() {
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
            validate(option + " " + file, config);
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw InputException.bad(option + " " + file, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw InputException.bad(option + " " + file, "field " + path(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(ErrorCode.MALFORMED_FILE, option + " " + file, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static ObjectMapper mapper() {
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

    /** Checks every field of a config; {@code source} names the config in messages. */
    public static void validate(String source, RunConfig c) {
        Inputs.within(source, () -> {
            ModelKind.parse(c.model);
            Check.atLeast("order", c.order, 2);
            Check.atLeast("dim", c.dim, 1);
            Check.atLeast("width", c.width, 1);
            Check.atLeast("rank", c.rank, 1);
            if (!c.truth.equals("random") && !c.truth.equals("orthonormal")) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "truth", c.truth, "[random, orthonormal]");
            }
            if (c.truth.equals("orthonormal") && c.rank > c.dim) {
                throw new BeyondLazyException(ErrorCode.INVALID_SIZE, "rank of an orthonormal truth", "<= dim = " + c.dim, c.rank);
            }
            if (c.truthCoeffs != null && c.truthCoeffs.size() != c.rank) {
                throw new BeyondLazyException(ErrorCode.SHAPE_MISMATCH, "truthCoeffs", "rank = " + c.rank + " values", c.truthCoeffs.size() + " values");
            }
            if (c.truthCoeffs != null) {
                for (Double x : c.truthCoeffs) {
                    if (x == null || !Double.isFinite(x)) {
                        throw new BeyondLazyException(ErrorCode.NON_FINITE, "truthCoeffs", x, c.truthCoeffs.indexOf(x));
                    }
                }
            }
            Check.positive("initScale", c.initScale);
            if (!c.signs.equals("plus") && !c.signs.equals("random")) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "signs", c.signs, "[plus, random]");
            }
            if (!Double.isFinite(c.initCoeff)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "initCoeff", "finite", c.initCoeff);
            }
            Check.nonNegative("lambda", c.lambda);
            switch (c.optimizer) {
                case "gd", "nesterov" -> Check.positive("lr", c.lr);
                case "heavy-ball" -> {
                    Check.positive("lr", c.lr);
                    if (!(c.momentum >= 0 && c.momentum < 1)) {
                        throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "momentum", "in [0, 1)", c.momentum);
                    }
                }
                case "gd-certified" -> {
                    if (!(c.fraction > 0 && c.fraction <= 1)) {
                        throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "fraction", "in (0, 1]", c.fraction);
                    }
                }
                case "variant" -> {
                    if (!c.model.equals("homog")) {
                        throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "model", "homog with optimizer variant (A7.1)", c.model);
                    }
                    variantConfig(c);
                }
                default -> throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "optimizer", c.optimizer, OPTIMIZERS);
            }
            Check.atLeast("steps", c.steps, 0);
            Check.atLeast("logEvery", c.logEvery, 1);
            Check.nonNegative("targetError", c.targetError);
            Backends.get(c.implementation);
            // the dense reference needs d^l entries; reject before allocating
            org.beyondlazy.core.Sizes.symmetricDimension(c.dim, c.order);
            if (c.implementation.equals("reference")) {
                org.beyondlazy.core.Sizes.denseLength(c.dim, c.order);
            }
            return null;
        });
    }

    /** The seeded problem of a config (A3.5 truth from {@code seed}; signs from {@code seed + 1}). */
    public static Problem problem(RunConfig c) {
        double[] coeffs = c.truthCoeffs == null ? Generators.constant(c.rank, 1.0)
                : c.truthCoeffs.stream().mapToDouble(Double::doubleValue).toArray();
        FactoredTruth truth = Generators.truth(c.seed, c.order, c.dim, coeffs, c.truth.equals("orthonormal"));
        ModelKind kind = ModelKind.parse(c.model);
        double[] signs = null;
        RandomGenerator rng = Generators.rng(c.seed + 1);
        if (kind.hasSigns()) {
            signs = new double[c.width];
            for (int i = 0; i < c.width; i++) {
                signs[i] = c.signs.equals("random") ? (rng.nextBoolean() ? 1.0 : -1.0) : 1.0;
            }
        }
        return new Problem(kind, c.width, signs, c.lambda, truth);
    }

    /** The seeded initial θ (rows N(0, initScale²/d) per entry; coef coefficients initCoeff), from seed + 2. */
    public static double[] initial(RunConfig c, Problem p) {
        RandomGenerator rng = Generators.rng(c.seed + 2);
        double[] w = Generators.gaussian(rng, c.width, c.dim, c.initScale / Math.sqrt(c.dim));
        double[] coeffs = new double[c.width];
        java.util.Arrays.fill(coeffs, c.initCoeff);
        return Parameters.assemble(p, coeffs, w);
    }

    /** The variant's configuration (E7.1) from a run config: lr is η, the rest by name. */
    static VariantConfig variantConfig(RunConfig c) {
        return VariantConfig.defaults().withWidth(c.width).withLambda(c.lambda).withDelta(c.delta).withEta(c.lr)
                .withStepsPerEpoch(c.stepsPerEpoch).withEpochs(c.epochs).withTargetError(c.targetError)
                .withReinit(ReinitRule.parse(c.reinit)).withMode(ModeSwitch.parse(c.mode))
                .withDirectionPhase(c.directionSteps, c.directionRate);
    }

    /** Runs the variant (A7.1) and writes one metrics line per epoch. */
    static Outcome runVariant(RunConfig c, Path out) {
        Problem problem = problem(c);
        Backend backend = Backends.get(c.implementation);
        long start = System.nanoTime();
        VariantRun run = new VariantGradientDescent(variantConfig(c)).run(backend, problem.truth(), c.seed);
        Path dir = out.toAbsolutePath();
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp");
            try {
                StringBuilder metrics = new StringBuilder();
                boolean finite = true;
                for (EpochRecord e : run.epochs()) {
                    Map<String, Object> line = Outputs.map();
                    line.put("epoch", e.epoch());
                    line.put("step", e.steps());
                    line.put("loss", Outputs.number(e.loss()));
                    line.put("relativeError", Outputs.number(e.relativeError()));
                    line.put("active", e.active());
                    line.put("reinitialized", e.reinitialized());
                    metrics.append(Outputs.toJson(line)).append('\n');
                    finite &= Double.isFinite(e.loss());
                }
                Files.writeString(tmp.resolve("metrics.jsonl"), metrics.toString());
                String status = finite ? "finished" : "diverged";
                if (finite) {
                    Problem p = Problem.of(ModelKind.HOMOG, c.width, c.lambda, problem.truth());
                    Outputs.writeNpy("final weights", tmp.resolve("weights.npy"), Parameters.weightsOf(p, run.theta()));
                    Outputs.writeNpy("final signs", tmp.resolve("signs.npy"),
                            org.beyondlazy.npy.NpyArray.of(new int[] {c.width}, run.signs().clone()));
                }
                Map<String, Object> summary = Outputs.map();
                summary.put("status", status);
                summary.put("failure", finite ? null : "non-finite loss");
                summary.put("steps", run.totalSteps());
                summary.put("epochs", run.epochs().size());
                summary.put("stoppedEarly", run.stoppedEarly());
                summary.put("finalLoss", Outputs.number(run.epochs().get(run.epochs().size() - 1).loss()));
                summary.put("finalRelativeError", Outputs.number(run.finalRelativeError()));
                summary.put("seconds", (System.nanoTime() - start) / 1e9);
                summary.put("implementation", c.implementation);
                summary.put("config", c);
                Files.writeString(tmp.resolve("summary.json"), Outputs.toPrettyJson(summary) + "\n");
                Files.createDirectories(dir);
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString().equals("summary.json") ? 1 : 0)).toList()) {
                        Files.move(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return new Outcome(status, summary);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(out + ": cannot write: " + e.getMessage(), e));
        }
    }

    static Optimizer optimizer(RunConfig c) {
        return switch (c.optimizer) {
            case "gd" -> new GradientDescent(c.lr);
            case "heavy-ball" -> new HeavyBall(c.lr, c.momentum);
            case "nesterov" -> new Nesterov(c.lr);
            case "gd-certified" -> new CertifiedStep(c.fraction);
            default -> throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "optimizer", c.optimizer, OPTIMIZERS);
        };
    }

    /** Outcome of a run. */
    public record Outcome(String status, Map<String, Object> summary) {
        public boolean diverged() {
            return status.equals("diverged");
        }
    }

    /**
     * Runs the experiment and writes its outputs into {@code out} (created if needed). Files are written
     * into a temporary directory beside {@code out} and moved in at the end, so an interrupted run leaves
     * no partial files in {@code out}. A diverged run keeps the metrics computed up to the divergence and
     * a summary with status "diverged", but writes no final parameters.
     */
    public static Outcome run(RunConfig c, Path out) {
        if (c.optimizer.equals("variant")) {
            return runVariant(c, out);
        }
        Problem problem = problem(c);
        Objective objective = Backends.get(c.implementation).objective(problem);
        double[] theta = initial(c, problem);
        Optimizer optimizer = optimizer(c);
        Path dir = out.toAbsolutePath();
        long start = System.nanoTime();
        String status = "finished";
        String failure = null;
        double lastLoss = Double.NaN;
        double lastRel = Double.NaN;
        int step = 0;
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp");
            try {
                try (BufferedWriter metrics = Files.newBufferedWriter(tmp.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
                    for (step = 0; step <= c.steps; step++) {
                        boolean log = step % c.logEvery == 0 || step == c.steps;
                        double rel = Double.NaN;
                        if (log || c.targetError > 0) {
                            lastLoss = objective.value(theta);
                            rel = objective.relativeError(theta);
                            lastRel = rel;
                            if (!Double.isFinite(lastLoss) || !Double.isFinite(rel)) {
                                status = "diverged";
                                failure = "non-finite loss at step " + step;
                                break;
                            }
                        }
                        boolean done = step == c.steps || (c.targetError > 0 && rel <= c.targetError);
                        if (log || done) {
                            Map<String, Object> line = Outputs.map();
                            line.put("step", step);
                            line.put("loss", lastLoss);
                            line.put("relativeError", lastRel);
                            metrics.write(Outputs.toJson(line));
                            metrics.newLine();
                        }
                        if (done) {
                            break;
                        }
                        optimizer.step(objective, theta);
                    }
                }
                if (!status.equals("diverged")) {
                    Outputs.writeNpy("final weights", tmp.resolve("weights.npy"), Parameters.weightsOf(problem, theta));
                    if (problem.model().hasCoefficients()) {
                        Outputs.writeNpy("final coefficients", tmp.resolve("coeffs.npy"), Parameters.coeffsOf(problem, theta));
                    }
                }
                Map<String, Object> summary = Outputs.map();
                summary.put("status", status);
                summary.put("failure", failure);
                summary.put("steps", Math.min(step, c.steps));
                summary.put("finalLoss", Outputs.number(lastLoss));
                summary.put("finalRelativeError", Outputs.number(lastRel));
                summary.put("seconds", (System.nanoTime() - start) / 1e9);
                summary.put("implementation", c.implementation);
                summary.put("config", c);
                Files.writeString(tmp.resolve("summary.json"), Outputs.toPrettyJson(summary) + "\n");
                Files.createDirectories(dir);
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString().equals("summary.json") ? 1 : 0)).toList()) {
                        Files.move(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return new Outcome(status, summary);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(out + ": cannot write: " + e.getMessage(), e));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
