package org.beyondlazy.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real command in a child JVM ({@code java -cp <this test's class path> org.beyondlazy.cli.Main …}), so that a test
 * can kill it with SIGKILL or SIGTERM at any moment. Its stdout and stderr go to files beside the test's directory.
 */
final class ChildCli {
    /** A hang guard, not a timing assertion: a child that has not ended by then is killed and the test fails. */
    static final long HANG_GUARD_SECONDS = 300;

    final Process process;
    final Path stdout;
    final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code beyondlazy args…}; {@code logs} receives {@code <name>.out} and {@code <name>.err}. */
    static ChildCli start(Path logs, String name, String... args) throws IOException {
        return start(logs, name, Map.of(), args);
    }

    /** {@link #start(Path, String, String...)} with {@code environment} added to this JVM's. */
    static ChildCli start(Path logs, String name, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small heap, client compiler only: the children are tiny runs and start faster so (results are bitwise the same)
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(environment);
        return new ChildCli(pb.start(), out, err);
    }

    /** Waits for the end (at most the hang guard) and returns the exit status. */
    int await() throws Exception {
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + HANG_GUARD_SECONDS + " s: " + describe());
        }
        return process.exitValue();
    }

    /** SIGKILL (kill -9): no shutdown hook runs. */
    void kill9() throws Exception {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM: the command cleans up and dies of the signal (spec E9.7, {@link TerminationSignals}). */
    void terminate() throws Exception {
        process.destroy();
        await();
    }

    String describe() throws IOException {
        return "stdout: " + (Files.exists(stdout) ? Files.readString(stdout) : "") + " / stderr: "
                + (Files.exists(stderr) ? Files.readString(stderr) : "");
    }
}
