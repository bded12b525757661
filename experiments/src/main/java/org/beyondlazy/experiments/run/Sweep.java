package org.beyondlazy.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.beyondlazy.core.SpecRef;

/**
 * The machinery of a sweep (spec E9.10): the grid's expansion, the parallel execution of the runs not yet
 * finished, and the results file that makes a killed sweep resumable (one line per finished run, forced
 * to disk before the next).
 */
@SpecRef("E9.10")
public final class Sweep {
    private Sweep() {
    }

    /**
     * Every combination of the grid's values, as maps field → value in the grid's field order; the last
     * field varies fastest. An empty grid has one (empty) combination.
     *
     * @param grid field → its values (non-empty lists)
     */
    public static <V> List<Map<String, V>> expand(Map<String, List<V>> grid) {
        List<String> keys = new ArrayList<>(grid.keySet());
        List<Map<String, V>> out = new ArrayList<>();
        int[] index = new int[keys.size()];
        while (true) {
            Map<String, V> combination = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                combination.put(keys.get(k), grid.get(keys.get(k)).get(index[k]));
            }
            out.add(combination);
            int k = keys.size() - 1;
            while (k >= 0 && ++index[k] == grid.get(keys.get(k)).size()) {
                index[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    /**
     * Runs {@code job} on every item in {@code threads} threads and hands each result to {@code done} (from
     * the worker thread, as soon as it is available). The first failure stops the sweep: the remaining runs
     * are cancelled and its cause is rethrown.
     */
    public static <J, R> void run(List<J> todo, int threads, Function<J, R> job, Consumer<R> done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (J item : todo) {
                futures.add(pool.submit(() -> {
                    done.accept(job.apply(item));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Appends one line to the results file and forces it to disk; a torn previous line is terminated first. */
    public static synchronized void append(Path results, String line) {
        try (FileChannel ch = FileChannel.open(results, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String prefix = "";
            long size = ch.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                try (FileChannel r = FileChannel.open(results, StandardOpenOption.READ)) {
                    r.read(last, size - 1);
                }
                if (last.get(0) != '\n') {
                    prefix = "\n";
                }
            }
            ch.write(ByteBuffer.wrap((prefix + line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
