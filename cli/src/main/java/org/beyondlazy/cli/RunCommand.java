package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.OutputFiles;
import org.beyondlazy.experiments.run.CompletedRun;
import org.beyondlazy.experiments.run.RunConfig;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.experiments.run.RunDirectory;
import org.beyondlazy.experiments.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy run}: one experiment from a JSON config (spec E9.8), its directory written as one transaction (E9.7). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one experiment from a JSON config; write metrics.jsonl, the final parameters "
                + "(weights.npy, coeffs.npy for coef), summary.json and, with \"trajectory\": true, trajectory.npy into DIR.",
                "DIR appears complete or not at all; an earlier run in DIR is replaced as a whole, any other content is refused.",
                "Config fields and defaults: spec/09-oracle.md (E9.8). Exit 3 when the run diverges."})
@SpecRef("E9.8")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--config", required = true, paramLabel = "exp.json", description = "Experiment config (JSON; a file or a pipe).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; an earlier run there is replaced).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String source = "--config " + config;
        RunConfig c = RunConfigs.read(source, config);
        OutputFiles.requireDirectory("--out", out);
        java.io.PrintWriter err = spec.commandLine().getErr();
        CompletedRun run = RunDirectory.run(source, c, "--out " + out, out, notice -> {
            err.println("beyondlazy run: " + notice);
            err.flush();
        });
        RunResult outcome = run.result();
        Map<String, Object> result = Outputs.map();
        result.put("out", out.toString());
        result.putAll(RunDirectory.summary(outcome, c));
        result.remove("config");
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        if (outcome.diverged()) {
            spec.commandLine().getErr().println("beyondlazy run: " + outcome.failure()
                    + " (metrics up to the divergence and summary.json are in " + out + ") [DIVERGED]");
            return ExitStatus.NUMERICAL;
        }
        return ExitStatus.OK;
    }
}
