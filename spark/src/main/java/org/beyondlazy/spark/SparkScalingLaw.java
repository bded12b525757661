package org.beyondlazy.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.Tables;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.scaling.ScalingLawConfig;
import org.beyondlazy.experiments.scaling.ScalingLawDirectory;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.beyondlazy.fast.Blas;

/**
 * The {@code spark-submit} entry point of the scaling-law experiment on Spark (spec E9.21), the counterpart of
 * {@code beyondlazy experiment scaling-law --out DIR}: {@code --out DIR [--profile quick|full] [--config FILE.json]
 * [--implementation NAME] [--concurrent-points N]} (N: points driven at once, default all of them). It only parses, resolves the spec (bad input is refused before Spark starts), opens the
 * study's directory on the driver, runs {@link ScalingLawStudy#run(Backend, ScalingLawStudy.Spec,
 * org.beyondlazy.experiments.scaling.TrialEngine, java.util.function.Consumer)} with the {@link SparkTrialEngine} behind
 * the directory's journal, publishes the result and prints one JSON line. Exit status as E9.6.
 */
@SpecRef("E9.21")
public final class SparkScalingLaw {
    private static final String USAGE = "usage: --out DIR [--profile quick|full] [--config FILE.json] [--implementation NAME] "
            + "[--concurrent-points N]";

    private SparkScalingLaw() {
    }

    /** The parsed arguments. */
    record Arguments(Path out, String profile, Path config, String implementation, Integer concurrentPoints) {
        static Arguments parse(String[] args) {
            Path out = null;
            String profile = null;
            Path config = null;
            String implementation = "fast";
            Integer concurrentPoints = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new BeyondLazyException(ErrorCode.INVALID_INPUT, name, "expects a value (" + USAGE + ")");
                }
                String value = args[++i];
                switch (name) {
                    case "--out" -> out = Path.of(value);
                    case "--profile" -> profile = value;
                    case "--config" -> config = Path.of(value);
                    case "--implementation" -> implementation = value;
                    case "--concurrent-points" -> {
                        try {
                            concurrentPoints = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "--concurrent-points", "an integer >= 1", value);
                        }
                        if (concurrentPoints < 1) {
                            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "--concurrent-points", "an integer >= 1", value);
                        }
                    }
                    default -> throw new BeyondLazyException(ErrorCode.INVALID_INPUT, name, "unknown option (" + USAGE + ")");
                }
            }
            if (out == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, "--out", "is required (" + USAGE + ")");
            }
            return new Arguments(out, profile, config, implementation, concurrentPoints);
        }
    }

    /** Every point of the study: the default of {@code --concurrent-points}, so that the cluster sees all points' seeds. */
    static int points(ScalingLawStudy.Spec spec) {
        int n = spec.rankGrid() == null ? 0 : spec.rankGrid().ranks().length;
        for (ScalingLawStudy.DimensionGrid g : spec.grids()) {
            n += g.dims().length;
        }
        return n;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            ScalingLawStudy.Spec spec = ScalingLawConfig.resolve(a.profile(), a.config());
            Backend backend;
            try {
                backend = Backends.get(a.implementation());
            } catch (BeyondLazyException e) {
                throw BeyondLazyException.within("--implementation", e);
            }
            ScalingLawStudy.Result result;
            int replayed;
            try (ScalingLawDirectory directory = ScalingLawDirectory.open("--out " + a.out(), a.out(), spec, a.implementation(),
                    notice -> err.println("beyondlazy spark-scaling-law: " + notice))) {
                replayed = directory.replayable();
                SparkConf conf = new SparkConf().setAppName("beyondlazy scaling-law " + a.out().getFileName())
                        .setIfMissing(SparkSweep.EXECUTOR_BLAS_THREADS, "1");
                try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                    SparkTrialEngine engine = new SparkTrialEngine(spark, a.implementation());
                    int points = a.concurrentPoints() != null ? a.concurrentPoints() : points(spec);
                    // the driver computes only the lazy side; BLAS threads there would compete with nothing useful
                    result = Blas.singleThreaded(() -> ScalingLawStudy.run(backend, spec, directory.recording(engine), points, line -> {
                        err.println(line);
                        err.flush();
                    }));
                }
                directory.publish(result, Tables.scalingLaw(result));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("engine", "spark");
            line.put("replayed", replayed);
            line.put("seconds", result.seconds());
            line.put("result", a.out().resolve(ScalingLawDirectory.RESULT).toString());
            line.put("tables", a.out().resolve(ScalingLawDirectory.TABLES).toString());
            out.println(RunConfigs.toJson(line));
            return 0;
        } catch (BeyondLazyException e) {
            err.println("beyondlazy spark-scaling-law: " + e.getMessage() + " [" + e.code() + "]");
            return SparkSweep.status(e);
        } catch (RuntimeException e) {
            // Spark could not start or aborted a job: the judged trials stay in the journal; a re-run resumes
            err.println("beyondlazy spark-scaling-law: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " [internal error]");
            return SparkSweep.status(e);
        }
    }
}
