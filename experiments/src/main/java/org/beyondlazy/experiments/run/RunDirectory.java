package org.beyondlazy.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyException;
import org.beyondlazy.npy.NpyWriter;

/**
 * A run's directory (spec E9.7, E9.8): {@code metrics.jsonl}, the final parameters ({@code weights.npy}, and
 * {@code coeffs.npy} for coef, {@code signs.npy} for the variant) unless the run diverged, the trajectory files
 * when the config asks for them, and {@code summary.json} — published together as one transaction
 * ({@link AtomicDirectory}). An existing directory is replaced as a whole when it is empty or holds only the
 * files a run writes; any other directory is refused before the run starts.
 */
@SpecRef({"E9.7", "E9.8"})
public final class RunDirectory {
    public static final String METRICS = "metrics.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String WEIGHTS = "weights.npy";
    public static final String COEFFS = "coeffs.npy";
    public static final String SIGNS = "signs.npy";
    public static final String TRAJECTORY = "trajectory.npy";
    public static final String TRUTH_FACTORS = "truth-factors.npy";
    public static final String TRUTH_COEFFS = "truth-coeffs.npy";

    /** Every file a run directory can hold: a directory holding only these may be replaced by a new run. */
    public static final Set<String> RUN_FILES = Set.of(METRICS, SUMMARY, WEIGHTS, COEFFS, SIGNS, TRAJECTORY, TRUTH_FACTORS, TRUTH_COEFFS);

    private RunDirectory() {
    }

    /**
     * Runs a config and publishes its directory {@code dir} (the whole of {@code beyondlazy run}): validated, then
     * locked ({@code .<name>.lock} beside {@code dir}, E9.8: a second run into {@code dir} meanwhile is refused), then
     * checked replaceable, then computed, then written; the lock is released after the publication.
     *
     * @param source    how messages name the config
     * @param dirSource how messages name {@code dir}
     * @param notices   receives the stale-lock notice (a run that died holding the lock)
     * @throws BeyondLazyException INVALID_INPUT when another run holds {@code dir}'s lock
     */
    public static CompletedRun run(String source, RunConfig config, String dirSource, Path dir, Consumer<String> notices) {
        RunSpec spec = RunConfigs.spec(source, config);
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, dirSource, "is the root directory, which a run does not replace");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, dirSource, "cannot create its parent: " + e.getMessage());
        }
        try (DirectoryLock lock = DirectoryLock.run(dirSource, dir, notices)) {
            requireReplaceable(dirSource, dir);
            CompletedRun run = Runner.execute(config, spec);
            publish(dir, run);
            return run;
        }
    }

    /**
     * Refuses ({@link ErrorCode#INVALID_INPUT}, naming {@code source}) a directory a run may not replace: a file, or a
     * directory holding anything but the files of a run. Absent, empty and earlier run directories pass.
     */
    public static void requireReplaceable(String source, Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "exists and is not a directory");
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (!RUN_FILES.contains(name) || Files.isDirectory(p)) {
                    throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "holds '" + name + "', which a run does not write; "
                            + "a run replaces only an empty directory or an earlier run's (choose a new directory)");
                }
            }
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot list: " + e.getMessage());
        }
    }

    /** Writes a completed run's files into a new directory and swaps it in as {@code dir} (E9.7). */
    public static void publish(Path dir, CompletedRun run) {
        AtomicDirectory.publish(dir, tmp -> {
            write(tmp, run);
            return null;
        });
    }

    private static void write(Path tmp, CompletedRun run) throws IOException {
        RunResult result = run.result();
        Problem problem = result.problem();
        try (BufferedWriter metrics = Files.newBufferedWriter(tmp.resolve(METRICS), StandardCharsets.UTF_8)) {
            for (Metric m : run.metrics()) {
                metrics.write(RunConfigs.toJson(line(m)));
                metrics.newLine();
            }
        }
        int m = problem.width();
        if (!result.diverged()) {
            npy(tmp.resolve(WEIGHTS), new int[] {m, problem.dim()}, result.weights());
            if (result.coeffs() != null) {
                npy(tmp.resolve(COEFFS), new int[] {m}, result.coeffs());
            }
            if (result.signs() != null) {
                npy(tmp.resolve(SIGNS), new int[] {m}, result.signs());
            }
        }
        if (run.iterates() != null) {
            writeTrajectory(tmp, problem, run.iterates());
        }
        Files.writeString(tmp.resolve(SUMMARY), pretty(summary(result, run.config())) + "\n", StandardCharsets.UTF_8);
    }

    /** E9.3's trajectory and what {@code check} needs beside it: the truth (factored) and the signs (plain, homog). */
    @SpecRef("E9.3")
    private static void writeTrajectory(Path tmp, Problem problem, List<double[]> iterates) throws IOException {
        npy(tmp.resolve(TRAJECTORY), ParameterLayout.trajectoryShape(problem, iterates.size()),
                ParameterLayout.trajectoryData(problem, iterates));
        if (problem.truth() instanceof FactoredTruth truth) {
            npy(tmp.resolve(TRUTH_FACTORS), new int[] {truth.rank(), truth.dim()}, truth.factors());
            npy(tmp.resolve(TRUTH_COEFFS), new int[] {truth.rank()}, truth.coeffs());
        }
        if (problem.signs() != null) {
            npy(tmp.resolve(SIGNS), new int[] {problem.width()}, problem.signs());
        }
    }

    private static void npy(Path file, int[] shape, double[] data) throws IOException {
        try {
            NpyWriter.write(file, NpyArray.of(shape, data));
        } catch (NpyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The fields of {@code summary.json} (and of {@code run}'s output), the config last (E9.8). */
    public static Map<String, Object> summary(RunResult r, RunConfig c) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", r.status());
        summary.put("failure", r.failure());
        summary.put("steps", r.steps());
        if (r.epochs() != null) {
            summary.put("epochs", r.epochs());
            summary.put("stoppedEarly", r.stoppedEarly());
        }
        summary.put("finalLoss", RunConfigs.number(r.finalLoss()));
        summary.put("finalRelativeError", RunConfigs.number(r.finalRelativeError()));
        summary.put("seconds", r.seconds());
        summary.put("implementation", c.implementation);
        summary.put("config", c);
        return summary;
    }

    static Map<String, Object> line(Metric m) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (m.epoch() != null) {
            line.put("epoch", m.epoch());
        }
        line.put("step", m.step());
        line.put("loss", RunConfigs.number(m.loss()));
        line.put("relativeError", RunConfigs.number(m.relativeError()));
        if (m.epoch() != null) {
            line.put("active", m.active());
            line.put("reinitialized", m.reinitialized());
        }
        return line;
    }

    private static String pretty(Object value) {
        try {
            return RunConfigs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
