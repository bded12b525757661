package org.beyondlazy.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.run.RunResult;
import org.beyondlazy.experiments.run.Sweep;
import org.beyondlazy.experiments.run.SweepDirectory;
import org.beyondlazy.experiments.run.SweepPlan;

/**
 * The {@code spark-submit} entry point of a sweep on Spark (spec E9.20), the Spark counterpart of
 * {@code beyondlazy sweep}: {@code --config sweep.json --out DIR [--partitions N]}. It only parses, plans (bad input
 * is refused before Spark starts), opens the sweep directory on the driver, calls {@link SparkSweepEngine#execute}
 * and prints one JSON line like {@code sweep --json}. Exit status as E9.6: 0 when every run has a result line,
 * 2 bad input, 3 a numerical failure, 4 an internal error.
 */
@SpecRef("E9.20")
public final class SparkSweep {
    /** Spark's configuration key for the executors' environment: single-threaded BLAS inside each task. */
    static final String EXECUTOR_BLAS_THREADS = "spark.executorEnv.BEYONDLAZY_BLAS_THREADS";

    private SparkSweep() {
    }

    /** The parsed arguments. */
    record Arguments(Path config, Path out, Integer partitions) {
        static Arguments parse(String[] args) {
            Path config = null;
            Path out = null;
            Integer partitions = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new BeyondLazyException(ErrorCode.INVALID_INPUT, name, "expects a value (usage: --config sweep.json --out DIR [--partitions N])");
                }
                String value = args[++i];
                switch (name) {
                    case "--config" -> config = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--partitions" -> {
                        try {
                            partitions = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "--partitions", "an integer >= 1", value);
                        }
                        if (partitions < 1) {
                            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "--partitions", "an integer >= 1", value);
                        }
                    }
                    default -> throw new BeyondLazyException(ErrorCode.INVALID_INPUT, name,
                            "unknown option (usage: --config sweep.json --out DIR [--partitions N])");
                }
            }
            if (config == null || out == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, config == null ? "--config" : "--out", "is required");
            }
            return new Arguments(config, out, partitions);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            SweepPlan plan = SweepPlan.read("--config " + a.config(), a.config());
            Sweep.Outcome outcome;
            try (SweepDirectory directory = SweepDirectory.open("--out " + a.out(), a.out(), notice -> err.println("beyondlazy spark-sweep: " + notice))) {
                SparkConf conf = new SparkConf().setAppName("beyondlazy sweep " + a.out().getFileName()).setIfMissing(EXECUTOR_BLAS_THREADS, "1");
                try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                    int partitions = a.partitions() != null ? a.partitions() : Math.max(1, plan.runs().size());
                    outcome = SparkSweepEngine.execute(plan, directory, spark, partitions, new Progress(err));
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("engine", "spark");
            result.put("runs", outcome.runs());
            result.put("skipped", outcome.skipped());
            result.put("ran", outcome.ran());
            result.put("diverged", outcome.diverged());
            result.put("failed", outcome.failed());
            result.put("results", a.out().resolve(SweepDirectory.RESULTS).toString());
            out.println(RunConfigs.toJson(result));
            if (!outcome.complete()) {
                RuntimeException first = outcome.firstFailure();
                err.println("beyondlazy spark-sweep: " + outcome.failed() + " of " + outcome.runs() + " runs failed and have no result line "
                        + "(they run again on resume; see " + a.out().resolve(SweepDirectory.FAILED) + "); first: " + first.getMessage());
                return status(first);
            }
            return 0;
        } catch (BeyondLazyException e) {
            err.println("beyondlazy spark-sweep: " + e.getMessage() + " [" + e.code() + "]");
            return status(e);
        } catch (RuntimeException e) {
            // Spark could not start or aborted the job (a task lost more than spark.task.maxFailures times): the runs
            // recorded so far stay; the rest are pending on resume
            err.println("beyondlazy spark-sweep: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " [internal error]");
            return status(e);
        }
    }

    /** E9.6's exit status of a failure: the BAD_INPUT codes 2, the NUMERICAL codes 3, anything else 4. */
    static int status(RuntimeException failure) {
        if (failure instanceof BeyondLazyException b) {
            return b.code().category() == ErrorCode.Category.NUMERICAL ? 3 : 2;
        }
        return 4;
    }

    /** One line on stderr per recorded run. */
    private record Progress(PrintStream err) implements Sweep.Listener {
        @Override
        public void started(int runs, int skipped) {
            err.println("beyondlazy spark-sweep: " + runs + " runs, " + skipped + " done already");
        }

        @Override
        public void finished(SweepPlan.PlannedRun run, RunResult result, RuntimeException failure) {
            err.println("beyondlazy spark-sweep: run " + run.id() + " " + (failure != null ? "failed: " + failure.getMessage() : result.status()));
        }
    }
}
