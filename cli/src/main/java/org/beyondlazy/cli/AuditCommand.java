package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.experiments.oracle.OutputFiles;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.report.Audit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy audit}: runs every claim of the spec and writes a self-contained report (spec E9.12). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Run every claim of the spec and write a self-contained report: index.html, summary.json, "
                + "figures (PNG and SVG), the spec and proofs-notes rendered to HTML.", "Exit 0 only when every tested claim holds; pending claims are listed, not passed.",
                "Progress per claim with an ETA goes to standard error: a bar on a terminal, plain lines otherwise."})
@SpecRef("E9.12")
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "quick|full",
            description = "quick (CI example counts, small experiments) or full (paper-scale sizes). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--out", defaultValue = "audit-report", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--examples", paramLabel = "n", description = "Override the examples per property (e.g. a fast smoke run).")
    Integer examples;

    @Option(names = "--seed", paramLabel = "s", description = "QuickTheories seed and base of the instance seeds (default: the CI seed).")
    Long seed;

    @Option(names = "--claims", split = ",", paramLabel = "C1,C4", description = "Only these claims (the others are reported as not selected).")
    List<String> claims;

    @Option(names = "--implementation", paramLabel = "NAME",
            description = "Audit this registered backend with the whole kit (default: the reference, and the fast path's implementation suites).")
    String implementation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Audit.Options options = BeyondLazyException.withInput("--profile/--examples/--claims/--implementation", () -> new Audit.Options(
                profile, examples, seed == null ? ClaimSettings.DEFAULT_SEED : seed, claims == null ? null : Set.copyOf(claims), implementation));
        OutputFiles.requireDirectory("--out", out);
        Audit.Report report;
        try (AuditProgress progress = AuditProgress.on(spec.commandLine().getErr())) {
            report = Audit.run(options, out, progress);
        }
        Map<String, Object> result = Outputs.map();
        result.put("ok", report.ok());
        result.put("profile", profile);
        result.put("implementation", report.implementation());
        result.put("seconds", report.seconds());
        result.put("report", out.resolve("index.html").toString());
        result.putAll(report.claimIds());
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return report.ok() ? ExitStatus.OK : ExitStatus.CHECK_FAILED;
    }
}
