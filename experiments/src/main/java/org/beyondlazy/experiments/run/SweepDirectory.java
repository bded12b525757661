package org.beyondlazy.experiments.run;

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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.SweepPlan.PlannedRun;

/**
 * A sweep's directory (spec E9.10), the one writer of {@code results.jsonl} and {@code runs/<id>/}. Opening it
 * takes the exclusive {@link DirectoryLock}, deletes what interrupted runs left in {@code runs/}, and repairs
 * {@code results.jsonl}: a torn last line (a kill or a full disk mid-write) is cut off, and any line that is not a
 * complete result or repeats an earlier id is dropped, so the file is valid JSONL with each id at most once.
 *
 * <p>The execution seam: {@link #pending} lists the planned runs without a result; any engine computes them
 * ({@link Runner#execute}) and hands each back to {@link #record}, which publishes the run's directory and then
 * appends its line, forced to disk — exactly once per id. {@link #recordFailure} notes a run that could not be
 * computed or written in {@code failed.jsonl}; such a run has no result line and is pending again on resume.
 */
@SpecRef("E9.10")
public final class SweepDirectory implements AutoCloseable {
    public static final String RESULTS = "results.jsonl";
    public static final String FAILED = "failed.jsonl";
    public static final String RUNS = "runs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final DirectoryLock lock;
    private final FileChannel results;
    private final Set<String> recorded;

    private SweepDirectory(Path dir, DirectoryLock lock, FileChannel results, Set<String> recorded) {
        this.dir = dir;
        this.lock = lock;
        this.results = results;
        this.recorded = recorded;
    }

    /**
     * Opens (creating it if needed) and locks a sweep directory.
     *
     * @param source  how messages name the directory, e.g. "--out runs/s1"
     * @param notices receives one line per repair (stale lock, torn line, dropped lines)
     * @throws BeyondLazyException INVALID_INPUT when another sweep holds the lock; IO_FAILURE when it cannot be written
     */
    public static SweepDirectory open(String source, Path dir, Consumer<String> notices) {
        try {
            boolean created = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            if (created && dir.toAbsolutePath().getParent() != null) {
                Durable.directory(dir.toAbsolutePath().getParent()); // DIR's entry survives a power loss (E9.8)
            }
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot create: " + e.getMessage());
        }
        DirectoryLock lock;
        try {
            lock = DirectoryLock.sweep(dir, notices);
        } catch (BeyondLazyException e) {
            throw BeyondLazyException.within(source, e);
        }
        try {
            AtomicDirectory.removeInterrupted(dir.resolve(RUNS));
            removeInterruptedRepairs(dir);
            Path file = dir.resolve(RESULTS);
            Set<String> ids = repair(file, notices);
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (created) {
                Durable.directory(dir); // a forced line is on disk only once the file's entry is (E9.8)
            }
            return new SweepDirectory(dir, lock, channel, ids);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof BeyondLazyException b) {
                throw b;
            }
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, source, "cannot prepare: " + e.getMessage());
        }
    }

    /** Deletes the temporary files {@code .results.jsonl…tmp} of a repair that a kill interrupted (under the lock). */
    private static void removeInterruptedRepairs(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(q -> q.getFileName().toString().matches("\\." + java.util.regex.Pattern.quote(RESULTS) + ".*\\.tmp"))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Reads {@code results.jsonl}, keeping complete result lines with new ids; rewrites it (a temporary file
     * moved over it) when anything was dropped. Returns the recorded ids.
     */
    static Set<String> repair(Path file, Consumer<String> notices) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(file)) {
            return ids;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        int torn = 0;
        int bad = 0;
        int repeated = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            start = nl < 0 ? text.length() : nl + 1;
            if (nl < 0) {
                torn = line.isEmpty() ? 0 : 1; // no newline: the write of this line was cut
                break;
            }
            String id = resultId(line);
            if (id == null) {
                bad++;
            } else if (!ids.add(id)) {
                repeated++;
            } else {
                kept.add(line);
            }
        }
        if (torn + bad + repeated > 0) {
            StringBuilder b = new StringBuilder();
            for (String line : kept) {
                b.append(line).append('\n');
            }
            Path tmp = Files.createTempFile(file.getParent(), "." + RESULTS, ".tmp");
            try {
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    out.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
                    out.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                Durable.directory(file.getParent());
            } finally {
                Files.deleteIfExists(tmp);
            }
            notices.accept("repaired " + file + ": " + (torn > 0 ? "cut a torn last line; " : "") + (bad > 0 ? "dropped " + bad
                    + " incomplete or blank line(s); " : "") + (repeated > 0 ? "dropped " + repeated + " repeated id(s); " : "")
                    + "those runs are run again");
        }
        return ids;
    }

    /** The id of a complete result line, or null for a torn or foreign line. */
    private static String resultId(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject() && node.path("id").isTextual() && node.has("status") && node.has("finalLoss")) {
                return node.get("id").asText();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The planned runs without a result line, in plan order. */
    public List<PlannedRun> pending(SweepPlan plan) {
        synchronized (recorded) {
            return plan.runs().stream().filter(p -> !recorded.contains(p.id())).toList();
        }
    }

    /** The ids with a result line. */
    public Set<String> recordedIds() {
        synchronized (recorded) {
            return Collections.unmodifiableSet(new HashSet<>(recorded));
        }
    }

    /** Where a run's directory goes. */
    public Path runDirectory(String id) {
        return dir.resolve(RUNS).resolve(id);
    }

    /** The results file. */
    public Path results() {
        return dir.resolve(RESULTS);
    }

    /**
     * Records a computed run: publishes {@code runs/<id>/} (replacing a directory left by an earlier attempt
     * whose line was never written), then appends its result line and forces it to disk. Thread-safe; a second
     * record of the same id writes nothing.
     *
     * @return false when the id already had a line
     * @throws BeyondLazyException IO_FAILURE when the directory or the line cannot be written (a line cut by a full
     *                             disk is truncated away before this returns)
     */
    public synchronized boolean record(PlannedRun run, CompletedRun completed) {
        synchronized (recorded) {
            if (recorded.contains(run.id())) {
                return false;
            }
        }
        try {
            RunDirectory.publish(runDirectory(run.id()), completed);
        } catch (java.io.UncheckedIOException e) {
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, "run " + run.id(), e.getCause().getMessage());
        }
        append(RunConfigs.toJson(line(run, completed.result())));
        synchronized (recorded) {
            recorded.add(run.id());
        }
        return true;
    }

    /** The results line of a run (E9.10). */
    static Map<String, Object> line(PlannedRun run, RunResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", run.id());
        line.put("params", run.params());
        line.put("status", r.status());
        line.put("steps", r.steps());
        line.put("finalLoss", RunConfigs.number(r.finalLoss()));
        line.put("finalRelativeError", RunConfigs.number(r.finalRelativeError()));
        line.put("seconds", r.seconds());
        if (r.diverged()) {
            line.put("failure", r.failure());
        }
        return line;
    }

    private void append(String line) {
        long size = -1;
        try {
            size = results.size();
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                results.write(bytes);
            }
            results.force(false);
        } catch (IOException e) {
            try {
                if (size >= 0) {
                    results.truncate(size); // no torn line stays behind a failed write
                }
            } catch (IOException ignored) {
                // the next open repairs it
            }
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, results().toString(), "cannot append: " + e.getMessage());
        }
    }

    /**
     * Notes a run that failed (not a divergence: an I/O failure such as a full disk, an internal error) in
     * {@code failed.jsonl}, best effort: the disk may be what failed.
     */
    public synchronized void recordFailure(PlannedRun run, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", run.id());
        line.put("params", run.params());
        line.put("status", "failed");
        line.put("failure", RunConfigs.oneLine(String.valueOf(failure.getMessage() == null ? failure : failure.getMessage())));
        try {
            Files.writeString(dir.resolve(FAILED), RunConfigs.toJson(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the failure is also reported by the sweep's outcome
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            results.close();
        } catch (IOException ignored) {
            // every line was forced already
        } finally {
            lock.close();
        }
    }
}
