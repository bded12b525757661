package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.cli.run.RunConfig;
import org.beyondlazy.cli.run.RunFiles;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy run}: one experiment from a JSON config (spec E9.8). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one experiment from a JSON config; write metrics.jsonl, the final parameters "
                + "(weights.npy, coeffs.npy for coef) and summary.json into DIR.",
                "Config fields and defaults: spec/09-oracle.md (E9.8). Exit 3 when the run diverges."})
@SpecRef("E9.8")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--config", required = true, paramLabel = "exp.json", description = "Experiment config (JSON).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig c = RunFiles.read("--config", config);
        Inputs.outputDirectory("--out", out);
        RunResult outcome = RunFiles.run(c, out);
        Map<String, Object> result = Outputs.map();
        result.put("out", out.toString());
        result.putAll(RunFiles.summary(outcome, c));
        result.remove("config");
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        if (outcome.diverged()) {
            spec.commandLine().getErr().println("beyondlazy run: " + outcome.failure()
                    + " (metrics up to the divergence are in " + out + ")");
            return ExitStatus.NUMERICAL;
        }
        return ExitStatus.OK;
    }
}
