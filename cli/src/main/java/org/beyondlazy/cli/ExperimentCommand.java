package org.beyondlazy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.experiments.oracle.OutputFiles;
import org.beyondlazy.experiments.DeflationStudy;
import org.beyondlazy.experiments.LazyResidualStudy;
import org.beyondlazy.experiments.RecoveryExperiment;
import org.beyondlazy.experiments.Tables;
import org.beyondlazy.experiments.VariantRates;
import org.beyondlazy.experiments.scaling.LocalTrialEngine;
import org.beyondlazy.experiments.scaling.ScalingLawConfig;
import org.beyondlazy.experiments.scaling.ScalingLawDirectory;
import org.beyondlazy.experiments.scaling.ScalingLawStudy;
import org.beyondlazy.experiments.run.SparkSubmitLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beyondlazy experiment …}: the studies of the experiments module, each printing its Markdown table
 * (the tables committed in proofs-notes and spec/07-variant.md). Progress goes to stderr.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a study of the experiments module and print its table.",
        subcommands = {ExperimentCommand.Recovery.class, ExperimentCommand.LazyResidual.class, ExperimentCommand.Rates.class,
                ExperimentCommand.DeflationCurve.class, ExperimentCommand.ScalingLaw.class})
public final class ExperimentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a study is required (recovery, lazy-residual, "
                + "variant-rates, deflation-curve, scaling-law)");
    }

    static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw BeyondLazyException.invalid(option, "must be >= 1, found " + value);
        }
    }

    /** {@code experiment recovery}: the table of E7.5 (proofs-notes/C8.md). */
    @Command(name = "recovery", mixinStandardHelpOptions = true,
            description = "The fixed-m, growing-d table of claim C8 (spec E7.5): the variant's final relative error "
                    + "next to the lazy residual at the same (m, d).")
    @SpecRef("E7.5")
    static final class Recovery implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "5", paramLabel = "n", description = "Run seeds 0..n-1 (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--dims", split = " ", paramLabel = "l:d,d,…",
                description = "Orders and dimensions, e.g. '3:10,20,40 4:8,16' (the default); each order uses its paper-scale options.")
        List<String> dims = List.of("3:10,20,40", "4:8,16");

        @Option(names = "--implementation", defaultValue = "fast", paramLabel = "name",
                description = "Backend of the variant and of the lazy column (default: ${DEFAULT-VALUE}).")
        String implementation;

        @Option(names = "--no-lazy", description = "Leave out the lazy-residual column.")
        boolean noLazy;

        @Option(names = "--lazy-max-entries", defaultValue = "3000000", paramLabel = "k",
                description = "Skip the lazy column for rows whose Jacobian matrix N(d,l)×m·d has more entries (default: ${DEFAULT-VALUE}: "
                        + "l = 4, d = 16, m = 40 has 2.5 M and takes about 15 s per seed; l = 3, d = 40, m = 30 has 13.8 M and its SVD "
                        + "did not finish in 12 minutes for 5 seeds).")
        long lazyMaxEntries;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "k", description = "Threads (default: the number of processors).")
        int threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            atLeastOne("--seeds", seeds);
            int[][] groups = RecoveryExperiment.parseGroups("--dims", dims);
            Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
            List<RecoveryExperiment.Setting> settings = BeyondLazyException.withInput("--dims", () -> RecoveryExperiment.paperScale(groups));
            int k = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            out.println(Tables.recoveryHeader(backend.name(), seeds, groups, !noLazy));
            List<RecoveryExperiment.Row> rows = RecoveryExperiment.run(backend, settings, seeds, noLazy ? null : backend, lazyMaxEntries,
                    k, row -> {
                        err.printf(Locale.ROOT, "l=%d d=%d done in %.0f s%n", row.order(), row.dim(), row.seconds());
                        err.flush();
                    });
            out.print(Tables.recovery(rows));
            return ExitStatus.OK;
        }

    }

    /** {@code experiment lazy-residual}: the table of proofs-notes/C6.md. */
    @Command(name = "lazy-residual", mixinStandardHelpOptions = true,
            description = "The lazy residual against m on the instances of A5.3, next to 1 − m·d/N (E5.10) and m* (E5.9).")
    @SpecRef({"A5.2", "A5.3"})
    static final class LazyResidual implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "5", paramLabel = "n", description = "Instances per width (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--first-seed", defaultValue = "1", paramLabel = "s",
                description = "Seed of the first instance; instance t uses s + t (default: ${DEFAULT-VALUE}).")
        long firstSeed;

        @Option(names = "--shapes", split = ",", paramLabel = "d:l",
                description = "Shapes (default: 8:3,10:3,6:4); widths 1, 5, ⌈m*/2⌉−1, ⌊m*/2⌋, m*−1, m*.")
        List<String> shapes = List.of("8:3", "10:3", "6:4");

        @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name",
                description = "Backend whose tangent space is measured (default: ${DEFAULT-VALUE}).")
        String implementation;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            atLeastOne("--seeds", seeds);
            List<LazyResidualStudy.Spec> specs = new ArrayList<>();
            for (String shape : shapes) {
                int[] dl = LazyResidualStudy.parseShape("--shapes", shape);
                int d = dl[0];
                int l = dl[1];
                specs.add(BeyondLazyException.withInput("--shapes", () -> new LazyResidualStudy.Spec(d, l, LazyResidualStudy.Spec.tableWidths(d, l),
                        firstSeed, seeds)));
            }
            Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
            List<LazyResidualStudy.Result> results = new ArrayList<>();
            for (LazyResidualStudy.Spec s : specs) {
                results.add(LazyResidualStudy.run(backend, s));
            }
            spec.commandLine().getOut().print(Tables.lazyResidual(results));
            return ExitStatus.OK;
        }
    }

    /** {@code experiment variant-rates}: the "Measured rates" of spec/07-variant.md. */
    @Command(name = "variant-rates", mixinStandardHelpOptions = true,
            description = "The measured rates of spec/07-variant.md (C8 under R1/R2 × M1/M2, C9, C10, C13) over seeds F..F+n-1.")
    @SpecRef({"E7.5", "E7.6", "E7.7", "E7.8"})
    static final class Rates implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "100", paramLabel = "n", description = "Seeds F..F+n-1 (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--from", defaultValue = "0", paramLabel = "F",
                description = "First seed (default: ${DEFAULT-VALUE}, the seeds the thresholds were chosen on; a far-off F gives fresh seeds).")
        long from;

        @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name", description = "Backend (default: ${DEFAULT-VALUE}).")
        String implementation;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "k", description = "Threads (default: the number of processors).")
        int threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            atLeastOne("--seeds", seeds);
            Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
            VariantRates.Result result = VariantRates.measure(backend, from, seeds,
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            spec.commandLine().getOut().print(Tables.variantRates(result));
            return ExitStatus.OK;
        }
    }

    /** {@code experiment deflation-curve}: the loss curve of proofs-notes/C10.md. */
    @Command(name = "deflation-curve", mixinStandardHelpOptions = true,
            description = "The C10 loss curve of one seed (spec E7.8): ‖T − T*‖² every 10 steps up to step 300.")
    @SpecRef("E7.8")
    static final class DeflationCurve implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "0", paramLabel = "s", description = "Run seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name", description = "Backend (default: ${DEFAULT-VALUE}).")
        String implementation;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
            spec.commandLine().getOut().print(Tables.deflationCurve(DeflationStudy.run(backend, seed)));
            return ExitStatus.OK;
        }
    }

    /** {@code experiment scaling-law}: the scaling-law experiment of E7.10 (proofs-notes/C8.md). */
    @Command(name = "scaling-law", mixinStandardHelpOptions = true,
            description = {"The scaling-law experiment (spec E7.10): the lazy threshold m*(d) and residual beside the variant's "
                    + "measured m_min(d) (Wilson 95% lower bound >= 0.8), the vanilla and no-re-initialization controls, m_min(r) "
                    + "and the log-log fits.", "Config keys: spec/07-variant.md (E7.11).",
                    "With --out DIR the judged trials go to DIR/trials.jsonl as they are judged, and re-running the same command resumes "
                    + "(spec E9.21); the result's records to DIR/scaling-law.json, the tables to DIR/scaling-law.md."})
    @SpecRef({"E7.10", "E7.11", "E9.21"})
    static final class ScalingLaw implements Callable<Integer> {
        @Option(names = "--profile", paramLabel = "quick|full",
                description = "Grid profile (default: the config's profile, else quick).")
        String profile;

        @Option(names = "--config", paramLabel = "FILE.json", description = "JSON config overriding the profile (E7.11).")
        java.nio.file.Path config;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads (default: the number of processors).")
        int threads;

        @Option(names = "--implementation", defaultValue = "fast", paramLabel = "name", description = "Backend (default: ${DEFAULT-VALUE}).")
        String implementation;

        @Option(names = "--out", paramLabel = "DIR", description = "Write the journal, the records and the tables to DIR (resumable, E9.21).")
        java.nio.file.Path outDir;

        @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark", description = {"local (default): this machine's threads.",
                "spark: print the spark-submit line that runs this study on a cluster (spec E9.21) and exit; needs --out."})
        String engine;

        @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the master (spark://host:7077, yarn, k8s://https://host:port).")
        String master;

        @Option(names = "--markdown", description = "Print a proofs-notes fragment: the command and its wall time above the tables.")
        boolean markdown;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ScalingLawStudy.Spec study = ScalingLawConfig.resolve(profile, config);
            Backend backend = BeyondLazyException.withInput("--implementation", () -> Backends.get(implementation));
            if (!engine.equals("local") && !engine.equals("spark")) {
                throw BeyondLazyException.invalid("--engine", "must be local or spark, found '" + engine + "'");
            }
            if (engine.equals("spark") != (master != null)) {
                throw BeyondLazyException.invalid("--master", engine.equals("spark") ? "is required with --engine spark" : "needs --engine spark");
            }
            if (outDir != null) {
                OutputFiles.requireDirectory("--out", outDir);
            }
            if (engine.equals("spark")) {
                return printSparkSubmit();
            }
            int k = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            PrintWriter err = spec.commandLine().getErr();
            java.util.function.Consumer<String> log = line -> {
                err.println(line);
                err.flush();
            };
            ScalingLawStudy.Result result;
            String text;
            if (outDir == null) {
                // seeds run in parallel; BLAS threads on top of them only synchronize (Blas.singleThreaded's measurement)
                result = org.beyondlazy.fast.Blas.singleThreaded(() -> ScalingLawStudy.run(backend, study, k, log));
                text = text(result, k);
            } else {
                try (ScalingLawDirectory directory = ScalingLawDirectory.open("--out " + outDir, outDir, study, implementation, notice -> {
                    err.println("beyondlazy experiment scaling-law: " + notice);
                    err.flush();
                }); LocalTrialEngine local = new LocalTrialEngine(backend, k)) {
                    result = org.beyondlazy.fast.Blas.singleThreaded(() -> ScalingLawStudy.run(backend, study, directory.recording(local), log));
                    text = text(result, k);
                    directory.publish(result, text);
                }
            }
            spec.commandLine().getOut().print(text);
            return ExitStatus.OK;
        }

        private String text(ScalingLawStudy.Result result, int k) {
            return markdown ? Tables.scalingLawNote("./beyondlazy " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                    result, k) : Tables.scalingLaw(result);
        }

        /** E9.21: the line that runs this (validated) study on Spark; printed, never run, so Spark stays off this class path. */
        private int printSparkSubmit() {
            if (outDir == null) {
                throw BeyondLazyException.invalid("--out", "is required with --engine spark (the driver writes the study there)");
            }
            java.nio.file.Path jar = SparkSubmitLine.jar(java.nio.file.Path.of(System.getProperty("beyondlazy.root", ".")));
            spec.commandLine().getOut().println(SparkSubmitLine.scalingLaw(master, jar, profile, config, implementation, outDir));
            if (!java.nio.file.Files.isRegularFile(jar)) {
                spec.commandLine().getErr().println("beyondlazy experiment scaling-law: build the jar first: ./mvnw -B -pl spark -am package -DskipTests");
            }
            return ExitStatus.OK;
        }
    }
}
