package org.beyondlazy.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real Spark standalone cluster on 127.0.0.1 for the tests: one master and {@code workers} workers, each a JVM of its
 * own started from this test's class path, each worker with one core (its executors are JVMs of their own, started by
 * the worker), and drivers submitted with {@code org.apache.spark.deploy.SparkSubmit} in client mode (the driver is
 * the submitting JVM, so killing it kills the driver). A Spark home is laid out in the work directory: {@code jars/}
 * links the class path's jars (a worker builds its executors' class path from {@code $SPARK_HOME/jars}); beyondlazy's
 * own classes are left out, so executors see them only through the submitted shaded jar.
 */
final class LoopbackCluster implements AutoCloseable {
    /**
     * The module flags Spark 3.5 documents for Java 17 ({@code JavaModuleOptions}); spark-submit adds them itself, a JVM
     * started by hand (master, worker, SparkSubmit) needs them on its command line.
     */
    static final List<String> JAVA_17_OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

    /** How long a JVM of the cluster may take to come up on a loaded 2-core machine. */
    static final long START_SECONDS = 180;

    private final Path work;
    private final Path sparkHome;
    private final String classPath;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Process> drivers = new ArrayList<>();

    private LoopbackCluster(Path work, Path sparkHome, String classPath, int port, Process master) {
        this.work = work;
        this.sparkHome = sparkHome;
        this.classPath = classPath;
        this.port = port;
        this.master = master;
    }

    /**
     * Starts the master and the workers and waits until every worker has registered.
     *
     * @throws IllegalStateException when the cluster does not come up in time (the logs' tails in the message)
     */
    static LoopbackCluster start(Path work, int workers) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path home = work.resolve("spark-home");
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        String testClassPath = System.getProperty("java.class.path");
        List<String> sparkJars = new ArrayList<>();
        for (String entry : testClassPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("beyondlazy-") && Files.isRegularFile(p)) {
                Path link = jars.resolve(name);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
                sparkJars.add(link.toString());
            }
        }
        String classPath = String.join(File.pathSeparator, sparkJars);
        int port = freePort();
        List<String> masterCommand = new ArrayList<>(javaCommand(classPath, "256m"));
        masterCommand.addAll(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", "0"));
        Process master = launch(masterCommand, home, work.resolve("master.log"));
        LoopbackCluster cluster = new LoopbackCluster(work, home, classPath, port, master);
        try {
            cluster.await("the master to listen on 127.0.0.1:" + port, () -> listening(port), START_SECONDS);
            for (int i = 1; i <= workers; i++) {
                cluster.startWorker(i);
            }
            cluster.await(workers + " workers to register", () -> cluster.log("master.log").split("Registering worker", -1).length - 1 >= workers,
                    START_SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startWorker(int i) throws IOException {
        Path dir = work.resolve("worker-" + i);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(javaCommand(classPath, "256m"));
        command.addAll(List.of("org.apache.spark.deploy.worker.Worker", masterUrl(), "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                "--webui-port", "0", "--work-dir", dir.toString()));
        workers.add(launch(command, sparkHome, work.resolve("worker-" + i + ".log")));
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Kills worker {@code i} (1-based) and the executors it started, as a machine failure would. */
    void killWorker(int i) throws InterruptedException {
        Process worker = workers.get(i - 1);
        List<ProcessHandle> executors = worker.descendants().toList();
        worker.destroyForcibly();
        executors.forEach(ProcessHandle::destroyForcibly);
        worker.waitFor(60, TimeUnit.SECONDS);
    }

    /**
     * Submits {@code SparkSweep} with the shaded jar, in client mode, and returns the driver's process; its output
     * goes to {@code <name>.log} in the work directory.
     */
    Process submit(String name, Path submitJar, String... sweepArguments) throws IOException {
        return submit(name, SparkSweep.class, submitJar, sweepArguments);
    }

    /** Submits the entry point {@code main} of the shaded jar (SparkSweep or SparkScalingLaw), as {@link #submit(String, Path, String...)}. */
    Process submit(String name, Class<?> main, Path submitJar, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(javaCommand(classPath, "512m"));
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(), "--deploy-mode", "client",
                "--class", main.getName(),
                "--conf", "spark.executor.memory=512m", "--conf", "spark.executor.cores=1", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                submitJar.toString()));
        command.addAll(List.of(arguments));
        Process driver = launch(command, sparkHome, work.resolve(name + ".log"));
        drivers.add(driver);
        return driver;
    }

    /** The text of a log in the work directory ("" when absent). */
    String log(String name) {
        try {
            Path p = work.resolve(name);
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of every log, for a failure message. */
    String logTails() {
        StringBuilder b = new StringBuilder();
        try (var list = Files.list(work)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String[] lines = log(p.getFileName().toString()).split("\n");
                b.append("\n--- ").append(p.getFileName()).append(" (last lines)\n");
                for (int k = Math.max(0, lines.length - 25); k < lines.length; k++) {
                    b.append(lines[k]).append('\n');
                }
            }
        } catch (IOException e) {
            b.append("(cannot list ").append(work).append(")");
        }
        return b.toString();
    }

    /** Waits for a condition, polling; throws with the logs' tails when it does not hold in time. */
    void await(String what, BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + seconds + " s for " + what + logTails());
            }
            Thread.sleep(200);
        }
    }

    /** Stops every JVM this cluster started (drivers, workers and their executors, the master). */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(drivers);
        all.addAll(workers);
        all.add(master);
        for (Process p : all) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        for (Process p : all) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<String> javaCommand(String classPath, String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC"); // small heaps, 2 cores shared: no parallel collector threads
        command.addAll(JAVA_17_OPENS);
        command.add("-cp");
        command.add(classPath);
        return command;
    }

    private static Process launch(List<String> command, Path sparkHome, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "localhost");
        env.put("SPARK_NO_DAEMONIZE", "1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
