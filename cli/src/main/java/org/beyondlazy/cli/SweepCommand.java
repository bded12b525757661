package org.beyondlazy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.experiments.oracle.OutputFiles;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.SparkSubmitLine;
import org.beyondlazy.experiments.run.Sweep;
import org.beyondlazy.experiments.run.SweepDirectory;
import org.beyondlazy.experiments.run.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy sweep}: a grid of runs in parallel (spec E9.10), planned by {@link SweepPlan}, recorded by
 * {@link SweepDirectory} (lock, exactly-once result lines, resume), computed by {@link Sweep#execute}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of experiments in parallel: {\"base\": {run config}, \"grid\": {\"field\": [values], …}}.",
                "Appends one JSON line per finished or diverged run to DIR/results.jsonl; per-run outputs in DIR/runs/<id>/.",
                "Re-running the same command resumes: runs with a result line (by id) are skipped. One sweep per DIR at a time.",
                "Exit 0 when every run has a result line (diverged runs included); else the status of the first failed run."})
@SpecRef("E9.10")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--config", required = true, paramLabel = "sweep.json")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--threads", paramLabel = "n", description = "Parallel runs (default: available processors).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Option(names = "--engine", paramLabel = "local|spark", description = {"local (default): this machine's threads.",
            "spark: print the spark-submit line that runs this sweep on a cluster (spec E9.20) and exit; Spark is not started here."})
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the master (spark://host:7077, yarn, k8s://https://host:port).")
    String master;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw BeyondLazyException.invalid("--threads", "must be >= 1, found " + n);
        }
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw BeyondLazyException.invalid("--engine", "must be local or spark, found '" + engine + "'");
        }
        if (engine.equals("spark") != (master != null)) {
            throw BeyondLazyException.invalid("--master", engine.equals("spark") ? "is required with --engine spark" : "needs --engine spark");
        }
        OutputFiles.requireDirectory("--out", out);
        SweepPlan plan = SweepPlan.read("--config " + config, config);
        PrintWriter err = spec.commandLine().getErr();
        if (engine.equals("spark")) {
            return printSparkSubmit(plan);
        }
        Sweep.Outcome outcome;
        try (SweepDirectory directory = SweepDirectory.open("--out " + out, out, notice -> {
            err.println("beyondlazy sweep: " + notice);
            err.flush();
        }); Progress progress = new Progress(noProgress)) {
            outcome = Sweep.execute(plan, directory, n, progress);
        }
        Map<String, Object> result = Outputs.map();
        result.put("runs", outcome.runs());
        result.put("skipped", outcome.skipped());
        result.put("ran", outcome.ran());
        result.put("diverged", outcome.diverged());
        result.put("failed", outcome.failed());
        result.put("results", out.resolve(SweepDirectory.RESULTS).toString());
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        if (!outcome.complete()) {
            RuntimeException first = outcome.firstFailure();
            ErrorCode code = ExitStatus.codeOf(first);
            err.println("beyondlazy sweep: " + outcome.failed() + " of " + outcome.runs() + " runs failed and have no result line "
                    + "(they run again on resume; see " + out.resolve(SweepDirectory.FAILED) + "); first: "
                    + BeyondLazyException.oneLine(first.getMessage()) + " [" + (code == null ? "internal error" : code) + "]");
            return ExitStatus.of(first);
        }
        return ExitStatus.OK;
    }

    /** E9.20: the line that runs this (validated) sweep on Spark; printed, never run, so Spark stays off this class path. */
    private int printSparkSubmit(SweepPlan plan) {
        Path jar = SparkSubmitLine.jar(Path.of(System.getProperty("beyondlazy.root", ".")));
        String line = SparkSubmitLine.of(master, jar, config, out);
        Map<String, Object> result = Outputs.map();
        result.put("engine", "spark");
        result.put("runs", plan.runs().size());
        result.put("submit", line);
        result.put("jarBuilt", java.nio.file.Files.isRegularFile(jar));
        if (common.json()) {
            Outputs.print(spec.commandLine().getOut(), true, result);
        } else {
            spec.commandLine().getOut().println(line);
            if (!java.nio.file.Files.isRegularFile(jar)) {
                spec.commandLine().getErr().println("beyondlazy sweep: build the jar first: ./mvnw -B -pl spark -am package -DskipTests");
            }
        }
        return ExitStatus.OK;
    }

    /** The progress bar on stderr (none with {@code --no-progress}). */
    private static final class Progress implements Sweep.Listener, AutoCloseable {
        private final boolean off;
        private ProgressBar bar;

        Progress(boolean off) {
            this.off = off;
        }

        @Override
        public void started(int runs, int skipped) {
            if (!off) {
                bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(runs).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
                bar.stepTo(skipped);
            }
        }

        @Override
        public void finished(SweepPlan.PlannedRun run, RunResult result, RuntimeException failure) {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
