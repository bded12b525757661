package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.StepBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy bench}: times gradient-descent steps of the plain model on this machine (spec E9.11, {@link StepBench}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time GD steps (plain model) on this machine: warm-up, then the median over repetitions.",
                "Times the fast path by default (--implementation reference for the oracle) and prints the BLAS/LAPACK library",
                "and thread count. --compare numpy|torch times the same step in that runtime with the committed script",
                "bench/compare/gd_step.py (skipped with a message when the runtime is missing).",
                "gflops = the nominal flop count of E9.11 / time (factored: 3m²d + 4mrd; dense: 2md^l + 3m²d)."})
@SpecRef("E9.11")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--case", required = true, paramLabel = "factored|dense", description = "Truth given factored or dense.")
    String benchCase;

    @Option(names = "--dim", required = true, paramLabel = "d")
    int dim;

    @Option(names = "--width", required = true, paramLabel = "m")
    int width;

    @Option(names = "--rank", required = true, paramLabel = "r")
    int rank;

    @Option(names = "--order", required = true, paramLabel = "l")
    int order;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "n", description = "Steps per repetition (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--repetitions", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--implementation", defaultValue = "fast", paramLabel = "fast|reference",
            description = "Backend (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--compare", paramLabel = "numpy|torch",
            description = "Also time the same step in numpy or PyTorch (bench/compare/gd_step.py) and print the ratios.")
    String compare;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> result = new StepBench(benchCase, dim, width, rank, order, steps, repetitions, implementation, compare,
                Path.of(System.getProperty("beyondlazy.root", "."))).run();
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return ExitStatus.OK;
    }
}
