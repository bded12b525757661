package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.beyondlazy.fast.Blas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM of the real command in a child JVM while its main thread is inside a threaded native OpenBLAS call (spec
 * E9.7, issue 15): the process must end, with {@link ExitStatus#TERMINATED}, leaving no temporary directory and no
 * partial output. Before the fix the JVM's exit joined OpenBLAS's busy worker threads and never returned. The child runs
 * with 2 BLAS threads; that the main thread is inside the call is seen, not assumed: {@code jcmd <pid> Thread.print} is
 * polled until the main thread's top frame is the native routine. Skipped where native OpenBLAS does not load.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalInNativeCallTest {
    /** A liveness bound, not a performance assertion: the fixed command ends within a second; the broken one never. */
    static final long EXIT_BOUND_SECONDS = 120;
    /** How long the child may take to reach the native call (JVM start, the packed Jacobian; a hang guard). */
    static final long REACH_BOUND_SECONDS = 180;
    /** The BLAS thread count of the child (the hang needs worker threads: at 1 thread there are none). */
    static final Map<String, String> TWO_BLAS_THREADS = Map.of(Blas.THREADS_ENV, "2", "OPENBLAS_NUM_THREADS", "2");

    @TempDir
    Path dir;

    @Test
    void sigtermInsideAThreadedLapackCallEndsTheProcess() throws Exception {
        requireNativeOpenBlasAndJcmd();
        // N(30,3) = 4960 rows × m·d = 900 columns: one dgesdd of ~4e9 flops, above Lapack's single-thread limit (1e9)
        ChildCli child = ChildCli.start(dir.resolve("logs"), "lazy", TWO_BLAS_THREADS, "lazy", "--dim", "30", "--order", "3",
                "--width", "30", "--route", "packed", "--trials", "1", "--json");
        String frame = awaitMainThreadIn(child, "dgesdd");
        System.out.println("SIGTERM while the main thread is in " + frame);
        terminateAndCheck(child);
        assertThat(Files.readString(child.stdout)).as("no partial result on stdout").isEmpty();
    }

    @Test
    void sigtermOfARunInsideAThreadedBlasCallEndsTheProcessAndLeavesNothingPartial() throws Exception {
        requireNativeOpenBlasAndJcmd();
        Path out = dir.resolve("run");
        // the fast path's Gram form at m = d = 400: a dsyrk and dgemms of ~1e8 flops per step, threaded by OpenBLAS
        Path config = Files.writeString(dir.resolve("fast.json"), "{\"implementation\": \"fast\", \"dim\": 400, \"width\": 400, "
                + "\"rank\": 3, \"lr\": 1e-4, \"steps\": 1000000, \"logEvery\": 100000}");
        ChildCli child = ChildCli.start(dir.resolve("logs"), "run", TWO_BLAS_THREADS, "run", "--config", config.toString(), "--out",
                out.toString());
        String frame = awaitMainThreadIn(child, "dev.ludovic.netlib.blas.JNIBLAS.");
        System.out.println("SIGTERM while the main thread is in " + frame);
        terminateAndCheck(child);
        assertThat(out).as("a run stopped before it ended publishes nothing").doesNotExist();
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp") || n.contains(".old-")).toList())
                    .as("temporary directories beside --out").isEmpty();
        }
    }

    /** SIGTERM, then: ended within the bound, with status 143 and the handler's line. */
    static void terminateAndCheck(ChildCli child) throws Exception {
        child.process.destroy(); // SIGTERM
        boolean ended = child.process.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            child.process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("the process ended within " + EXIT_BOUND_SECONDS + " s of SIGTERM: " + child.describe()).isTrue();
        assertThat(child.process.exitValue()).as(child.describe()).isEqualTo(ExitStatus.TERMINATED);
        assertThat(Files.readString(child.stderr)).contains("stopped by SIGTERM");
    }

    static void requireNativeOpenBlasAndJcmd() {
        assumeTrue(Blas.nativeAvailable(), "native OpenBLAS is not loaded here: " + Blas.library().describe());
        assumeTrue(Files.isExecutable(jcmd()), "no jcmd in " + System.getProperty("java.home"));
    }

    static Path jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /**
     * Polls {@code jcmd <pid> Thread.print} until the child's main thread runs a native method whose frame contains
     * {@code marker}; returns that frame.
     */
    static String awaitMainThreadIn(ChildCli child, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REACH_BOUND_SECONDS);
        while (System.nanoTime() < deadline) {
            assertThat(child.process.isAlive()).as("the child ended before the native call: " + child.describe()).isTrue();
            String top = mainThreadTopFrame(child.process.pid());
            if (top != null && top.contains(marker) && top.contains("(Native Method)")) {
                return top;
            }
            Thread.sleep(200);
        }
        child.process.destroyForcibly().waitFor();
        throw new AssertionError("the child's main thread was never seen in " + marker + " within " + REACH_BOUND_SECONDS + " s");
    }

    /** The first {@code at …} line of the thread named "main" in a thread dump, or null. */
    static String mainThreadTopFrame(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd().toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> lines = dump.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\"main\"")) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    if (lines.get(j).strip().startsWith("at ")) {
                        return lines.get(j).strip();
                    }
                }
            }
        }
        return null;
    }
}
