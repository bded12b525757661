package org.beyondlazy.experiments.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.Durable;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.run.DirectoryLock;

/**
 * The output directory of the scaling-law experiment (spec E9.21), the same for every engine:
 * <ul>
 *   <li>{@code study.json} — what is measured: the spec (E7.10, filled in) and the backend's name; a directory holding
 *       another study is refused;</li>
 *   <li>{@code trials.jsonl} — one line per judged trial (kind, l, d, r, m, seed, success, error, steps), appended and
 *       forced to disk as the driver judges it; on opening, a torn last line is cut and foreign or repeated lines are
 *       dropped;</li>
 *   <li>{@code scaling-law.json} — the study's result (the records of E7.10), and {@code scaling-law.md} — its tables,
 *       both written at the end, each to a temporary file moved into place.</li>
 * </ul>
 * {@link #recording} wraps an engine so that a recorded trial is not computed again: a study run again on the same
 * directory (after any interruption, with either engine) replays what was judged and computes only the rest, and its
 * result is the result of an uninterrupted run because a trial's attempt depends only on the trial. Opening it also deletes
 * the temporary files of writes a kill interrupted. The directory is
 * locked ({@link DirectoryLock#scalingLaw}) while open; only the driver writes it.
 */
@SpecRef("E9.21")
public final class ScalingLawDirectory implements AutoCloseable {
    public static final String STUDY = "study.json";
    public static final String TRIALS = "trials.jsonl";
    public static final String RESULT = "scaling-law.json";
    public static final String TABLES = "scaling-law.md";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String source;
    private final DirectoryLock lock;
    private final FileChannel trials;
    private final Map<String, SeedTrials.Attempt> recorded;
    private final int replayable;

    private ScalingLawDirectory(Path dir, String source, DirectoryLock lock, FileChannel trials, Map<String, SeedTrials.Attempt> recorded) {
        this.dir = dir;
        this.source = source;
        this.lock = lock;
        this.trials = trials;
        this.recorded = recorded;
        this.replayable = recorded.size();
    }

    /**
     * Opens (creating it if needed) and locks the directory of a study.
     *
     * @param source  how messages name the directory, e.g. "--out scaling"
     * @param backend the backend's registry name ({@code --implementation}: fast, reference, …), not its descriptive name,
     *                which names the BLAS library of the machine
     * @param notices one line per repair of {@code trials.jsonl} or stale lock
     * @throws BeyondLazyException INVALID_INPUT when the directory holds another study or is locked; IO_FAILURE when it
     *                             cannot be written
     */
    public static ScalingLawDirectory open(String source, Path dir, ScalingLawStudy.Spec spec, String backend, Consumer<String> notices) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot create: " + e.getMessage());
        }
        DirectoryLock lock;
        try {
            lock = DirectoryLock.scalingLaw(dir, notices);
        } catch (BeyondLazyException e) {
            throw BeyondLazyException.within(source, e);
        }
        try {
            removeInterruptedWrites(dir);
            writeOrCheckStudy(source, dir.resolve(STUDY), spec, backend);
            Path file = dir.resolve(TRIALS);
            Map<String, SeedTrials.Attempt> recorded = repair(file, notices);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new ScalingLawDirectory(dir, source, lock, channel, recorded);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof BeyondLazyException b) {
                throw b;
            }
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot prepare: " + e.getMessage());
        }
    }

    /** Deletes the temporary files of atomic writes a kill interrupted ({@code .study.json…tmp} and the like). */
    private static void removeInterruptedWrites(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp") && List.of(STUDY, TRIALS, RESULT, TABLES).stream().anyMatch(f -> name.startsWith("." + f))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The identity of a study: its spec and backend, compared as JSON trees (key order and number spelling aside). */
    static JsonNode study(ScalingLawStudy.Spec spec, String backend) throws IOException {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("backend", backend);
        study.put("spec", spec);
        return JSON.readTree(RunConfigs.toJson(study));
    }

    private static void writeOrCheckStudy(String source, Path file, ScalingLawStudy.Spec spec, String backend) throws IOException {
        JsonNode wanted = study(spec, backend);
        if (Files.exists(file)) {
            JsonNode found;
            try {
                found = JSON.readTree(Files.readAllBytes(file));
            } catch (IOException e) {
                found = null;
            }
            if (wanted.equals(found)) {
                return;
            }
            if (found != null) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "holds the trials of another study (" + STUDY
                        + " differs from this config and backend); use another directory");
            }
            // an unreadable study.json was cut by a kill before its move: it is written again below
        }
        writeAtomically(file, RunConfigs.toJson(wanted) + "\n");
    }

    /** Reads {@code trials.jsonl}, keeping complete trial lines with new keys; rewrites it when anything was dropped. */
    static Map<String, SeedTrials.Attempt> repair(Path file, Consumer<String> notices) throws IOException {
        Map<String, SeedTrials.Attempt> recorded = new HashMap<>();
        if (!Files.exists(file)) {
            return recorded;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        boolean torn = false;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                torn = true; // no newline: the write of this line was cut
                break;
            }
            String line = text.substring(start, nl);
            start = nl + 1;
            Map.Entry<String, SeedTrials.Attempt> entry = parse(line);
            if (entry == null || recorded.containsKey(entry.getKey())) {
                dropped++;
            } else {
                recorded.put(entry.getKey(), entry.getValue());
                kept.add(line);
            }
        }
        if (torn || dropped > 0) {
            StringBuilder b = new StringBuilder();
            kept.forEach(line -> b.append(line).append('\n'));
            writeAtomically(file, b.toString());
            notices.accept("repaired " + file + ": " + (torn ? "cut a torn last line; " : "") + (dropped > 0 ? "dropped " + dropped
                    + " incomplete or repeated line(s); " : "") + "those trials are computed again");
        }
        return recorded;
    }

    private static Map.Entry<String, SeedTrials.Attempt> parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject() || !n.path("kind").isTextual() || !n.path("success").isBoolean() || !n.has("error")
                    || !n.path("steps").canConvertToLong()) {
                return null;
            }
            String key = key(ScalingTrial.Kind.valueOf(n.get("kind").asText()), n.path("order").asInt(), n.path("dim").asInt(),
                    n.path("rank").asInt(), n.path("width").asInt(), n.path("seed").asLong());
            double error = n.get("error").isNull() ? Double.NaN : n.get("error").doubleValue();
            return Map.entry(key, new SeedTrials.Attempt(n.get("success").booleanValue(), error, n.get("steps").longValue()));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String key(ScalingTrial.Kind kind, int order, int dim, int rank, int width, long seed) {
        return kind + " " + order + " " + dim + " " + rank + " " + width + " " + seed;
    }

    private static String key(ScalingTrial t) {
        return key(t.kind(), t.order(), t.dim(), t.rank(), t.width(), t.seed());
    }

    /** How many judged trials were recorded when the directory was opened (replayed, not computed, by {@link #recording}). */
    public int replayable() {
        return replayable;
    }

    /**
     * {@code engine} with this directory's journal in front of it: a recorded trial's future is its recorded attempt;
     * any other trial is computed by {@code engine}, and recorded when the study reads (judges) its result.
     */
    public TrialEngine recording(TrialEngine engine) {
        return new TrialEngine() {
            @Override
            public Future<SeedTrials.Attempt> submit(ScalingTrial trial) {
                SeedTrials.Attempt done;
                synchronized (ScalingLawDirectory.this) {
                    done = recorded.get(key(trial));
                }
                return done != null ? CompletableFuture.completedFuture(done) : new RecordedOnRead(trial, engine.submit(trial));
            }

            @Override
            public int parallelism() {
                return engine.parallelism();
            }
        };
    }

    /** A trial's future that records the attempt the first time it is read. */
    private final class RecordedOnRead implements Future<SeedTrials.Attempt> {
        private final ScalingTrial trial;
        private final Future<SeedTrials.Attempt> computing;

        RecordedOnRead(ScalingTrial trial, Future<SeedTrials.Attempt> computing) {
            this.trial = trial;
            this.computing = computing;
        }

        @Override
        public SeedTrials.Attempt get() throws InterruptedException, ExecutionException {
            return record(trial, computing.get());
        }

        @Override
        public SeedTrials.Attempt get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return record(trial, computing.get(timeout, unit));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return computing.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return computing.isCancelled();
        }

        @Override
        public boolean isDone() {
            return computing.isDone();
        }
    }

    /** Appends the trial's line (once per trial), forced to disk; returns the attempt. */
    synchronized SeedTrials.Attempt record(ScalingTrial trial, SeedTrials.Attempt attempt) {
        String key = key(trial);
        if (recorded.containsKey(key)) {
            return attempt;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", trial.kind().name());
        line.put("order", trial.order());
        line.put("dim", trial.dim());
        line.put("rank", trial.rank());
        line.put("width", trial.width());
        line.put("seed", trial.seed());
        line.put("success", attempt.success());
        line.put("error", Double.isNaN(attempt.error()) ? null : attempt.error()); // Double.toString round-trips every bit
        line.put("steps", attempt.steps());
        long size = -1;
        try {
            size = trials.size();
            ByteBuffer bytes = ByteBuffer.wrap((RunConfigs.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                trials.write(bytes);
            }
            trials.force(false);
        } catch (IOException e) {
            try {
                if (size >= 0) {
                    trials.truncate(size); // no torn line stays behind a failed write
                }
            } catch (IOException ignored) {
                // the next open repairs it
            }
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, dir.resolve(TRIALS).toString(), "cannot append: " + e.getMessage());
        }
        recorded.put(key, attempt);
        return attempt;
    }

    /** Writes the result's records ({@code scaling-law.json}) and its tables ({@code scaling-law.md}), each atomically. */
    public void publish(ScalingLawStudy.Result result, String tables) {
        try {
            writeAtomically(dir.resolve(RESULT), RunConfigs.toJson(result) + "\n");
            writeAtomically(dir.resolve(TABLES), tables);
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot write the result: " + e.getMessage());
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Durable.directory(file.toAbsolutePath().getParent()); // the rename survives a power loss too (E9.8)
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The records engines must agree on (E9.21): the JSON of a result ({@code scaling-law.json}) without its wall times
     * ({@code seconds}) and parallelism ({@code threads}), keys at every level.
     */
    public static JsonNode records(String resultJson) {
        try {
            JsonNode tree = JSON.readTree(resultJson);
            strip(tree);
            return tree;
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.MALFORMED_FILE, RESULT, "not valid JSON: " + e.getMessage());
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove(List.of("seconds", "threads"));
        }
        node.forEach(ScalingLawDirectory::strip);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            trials.close();
        } catch (IOException ignored) {
            // every line was forced already
        } finally {
            lock.close();
        }
    }
}
