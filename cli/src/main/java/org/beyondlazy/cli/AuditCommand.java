package org.beyondlazy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.report.Audit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy audit}: runs every claim of the spec and writes a self-contained report (spec E9.12). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Run every claim of the spec and write a self-contained report: index.html, summary.json, "
                + "figures/*.png and the spec's Markdown.", "Exit 0 only when every tested claim holds; pending claims are listed, not passed."})
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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> only = null;
        if (claims != null) {
            only = new TreeSet<>();
            for (String c : claims) {
                if (!c.matches("C\\d+")) {
                    throw InputException.bad("--claims", "not a claim id: '" + c + "' (expected e.g. C4)");
                }
                only.add(c);
            }
        }
        Set<String> selected = only;
        Audit.Options options = Inputs.within("--profile/--examples", () ->
                new Audit.Options(profile, examples, seed == null ? ClaimSettings.DEFAULT_SEED : seed, selected));
        Inputs.outputDirectory("--out", out);
        if (Files.isDirectory(out) && !isEmptyOrReport(out)) {
            throw InputException.bad("--out " + out, "exists and is not an earlier audit report (no index.html and "
                    + "summary.json); choose a new directory");
        }
        var err = spec.commandLine().getErr();
        Audit.Report report = Audit.run(options, out, line -> {
            err.println("audit: " + line);
            err.flush();
        });
        List<String> failing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        List<String> notSupported = new ArrayList<>();
        for (Audit.ClaimOutcome o : report.claims()) {
            switch (o.verdict()) {
                case HOLDS -> holding.add(o.claim().id());
                case PENDING -> pending.add(o.claim().id());
                case NOT_SELECTED -> { }
                case NOT_SUPPORTED -> notSupported.add(o.claim().id());
                case FAILS, NOT_RUN -> failing.add(o.claim().id() + " (" + o.verdict().label + ")");
            }
        }
        Map<String, Object> result = Outputs.map();
        result.put("ok", report.ok());
        result.put("profile", profile);
        result.put("seconds", report.seconds());
        result.put("report", out.resolve("index.html").toString());
        result.put("holds", holding);
        result.put("failing", failing);
        result.put("pending", pending);
        result.put("notSupported", notSupported);
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return report.ok() ? ExitStatus.OK : ExitStatus.CHECK_FAILED;
    }

    private static boolean isEmptyOrReport(Path dir) {
        try (var files = Files.list(dir)) {
            if (files.findAny().isEmpty()) {
                return true;
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return Files.isRegularFile(dir.resolve("index.html")) && Files.isRegularFile(dir.resolve("summary.json"));
    }
}
