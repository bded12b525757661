package org.beyondlazy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beyondlazy.core.Backends;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.ScalingLawClaims;

/**
 * The audit (spec E9.12): runs the properties of every tested claim and every registered section, and
 * writes a self-contained report (index.html, summary.json, figures/, the spec and proofs-notes
 * Markdown) into a directory. Written into a temporary directory and moved into place at the end.
 *
 * <p>The settings reach the properties as JUnit Platform configuration parameters of the launcher
 * request and what the properties measure comes back as report entries: the audit changes no system
 * property and no standard stream, so it can run inside another program or twice in one JVM.
 */
@SpecRef("E9.12")
public final class Audit {
    /** Examples per property for the full profile (quick uses the suites' CI defaults). */
    public static final int FULL_EXAMPLES = 100;
    /** File of the report that keeps what the properties printed (their measured numbers). */
    public static final String PROPERTIES_OUTPUT = "properties-output.txt";

    /** A claim's final verdict. */
    public enum Verdict {
        HOLDS("holds"), FAILS("fails"), NOT_RUN("not run"), NOT_SUPPORTED("not supported"), PENDING("pending"), NOT_SELECTED("not selected");

        public final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /** Everything known about one claim after the run. */
    public record ClaimOutcome(ClaimRegister.Claim claim, Verdict verdict, ClaimRunner.ClaimResult properties,
                               List<AuditSection.Measurement> measurements, String proofsNote) {
    }

    /** A section with its output (or its error). */
    public record SectionOutcome(AuditSection section, AuditSection.Result result, String error, double seconds) {
    }

    /**
     * What to audit.
     *
     * @param profile  quick or full
     * @param examples examples per property (null: the profile's default)
     * @param seed     the QuickTheories seed and base of the instance seeds ({@link ClaimSettings#SEED})
     * @param claims   only these claims (null: all)
     * @param implementation the registered backend whose verdicts the audit reports ({@link Backends}); null: the
     *                 whole kit on the reference and the implementation suites on the fast path
     */
    public record Options(String profile, Integer examples, long seed, Set<String> claims, String implementation) {
        public Options {
            if (implementation != null) {
                Backends.get(implementation); // UNKNOWN_NAME before any work
            }
            if (!profile.equals("quick") && !profile.equals("full")) {
                throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "profile", profile, "[quick, full]");
            }
            if (examples != null && examples < 1) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "examples", ">= 1", examples);
            }
            if (claims != null) {
                for (String c : claims) {
                    if (!c.matches("C\\d+")) {
                        throw new BeyondLazyException(ErrorCode.INVALID_INPUT, "claims", "not a claim id: '" + c + "' (expected e.g. C4)");
                    }
                }
                claims = Set.copyOf(claims);
            }
        }

        /** The options of a default run: quick profile, CI examples and seed, every claim. */
        public static Options quick() {
            return new Options("quick", null, ClaimSettings.DEFAULT_SEED, null, null);
        }
    }

    /** The machine the audit ran on. */
    public record Machine(int processors, String os, String java) {
        /** This JVM's machine. */
        public static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        }
    }

    /**
     * The report.
     *
     * @param blas              the BLAS and LAPACK the fast path loaded ({@code Blas.describe()})
     * @param propertiesSeconds wall time of the property run
     * @param propertiesRun     properties (test methods, with all their invocations) the run finished
     */
    public record Report(String profile, String implementation, Integer examples, long seed, List<ClaimOutcome> claims,
                         ClaimRunner.ClaimResult supporting, List<SectionOutcome> sections, double seconds, boolean ok,
                         String blas, Machine machine, double propertiesSeconds, int propertiesRun, Instant generated) {
        /** The first-screen figure: that of the first section (report order) whose result declares one, else null. */
        public AuditSection.Figure headline() {
            for (SectionOutcome so : sections) {
                if (so.error() == null && so.result().headline() != null) {
                    return so.result().headline();
                }
            }
            return null;
        }

        /**
         * The claim ids by outcome, as the command prints them: "holds", "failing" (each id with its verdict's label:
         * fails or not run), "notSupported" and "pending", in register order; claims not selected are left out.
         */
        public Map<String, List<String>> claimIds() {
            Map<String, List<String>> ids = new LinkedHashMap<>();
            for (String key : List.of("holds", "failing", "notSupported", "pending")) {
                ids.put(key, new ArrayList<>());
            }
            for (ClaimOutcome o : claims) {
                String id = o.claim().id();
                switch (o.verdict()) {
                    case HOLDS -> ids.get("holds").add(id);
                    case FAILS, NOT_RUN -> ids.get("failing").add(id + " (" + o.verdict().label + ")");
                    case NOT_SUPPORTED -> ids.get("notSupported").add(id);
                    case PENDING -> ids.get("pending").add(id);
                    case NOT_SELECTED -> { }
                }
            }
            return ids;
        }
    }

    private Audit() {
    }

    /** The repository root: {@code beyondlazy.root}, else the nearest ancestor of the working directory with spec/claims.md. */
    public static Path root() {
        String configured = System.getProperty("beyondlazy.root");
        Path dir = configured != null ? Path.of(configured).toAbsolutePath() : Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("spec/claims.md"))) {
                return d;
            }
        }
        throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "beyondlazy.root",
                "a directory holding spec/claims.md (run from the repository or set -Dbeyondlazy.root=<repository>)", dir);
    }

    /**
     * Runs the audit and writes the report into {@code out}, replacing an earlier report there; refuses
     * ({@link ErrorCode#INVALID_INPUT}, before any work) a directory that holds anything else.
     * {@code log} receives progress lines.
     */
    public static Report run(Options options, Path out, Consumer<String> log) {
        return run(options, out, AuditListener.lines(log));
    }

    /** As {@link #run(Options, Path, Consumer)}, telling {@code listener} the progress per claim and an estimate of the time left. */
    public static Report run(Options options, Path out, AuditListener listener) {
        long start = System.nanoTime();
        Consumer<String> log = listener::message;
        if (Files.isDirectory(out) && !isEmptyOrReport(out)) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, out.toString(), "exists and is not an earlier audit report "
                    + "(no index.html and summary.json); choose a new directory");
        }
        String profile = options.profile();
        Set<String> onlyClaims = options.claims();
        Path root = root();
        List<ClaimRegister.Claim> claims;
        try {
            claims = ClaimRegister.parse(Files.readString(root.resolve("spec/claims.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (onlyClaims != null) {
            Set<String> known = new java.util.TreeSet<>();
            claims.forEach(c -> known.add(c.id()));
            for (String id : new java.util.TreeSet<>(onlyClaims)) {
                if (!known.contains(id)) { // before any work: an unknown id would select nothing and pass
                    throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "claim", id, "the ids of spec/claims.md: " + known);
                }
            }
        }
        Integer count = options.examples() != null ? options.examples() : (profile.equals("full") ? Integer.valueOf(FULL_EXAMPLES) : null);
        Path abs = out.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp");
            try {
                Path figures = Files.createDirectories(tmp.resolve("figures"));
                // 1. the properties, through the JUnit Platform Launcher; their measurements go to the report, not stdout
                log.accept("running the claim properties (" + (count == null ? "CI example counts" : count + " examples each") + ")");
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put(ClaimSettings.SEED, Long.toString(options.seed()));
                if (count != null) {
                    parameters.put(ClaimSettings.EXAMPLES, count.toString());
                }
                parameters.put(ClaimSettings.STDOUT, "false");
                if (options.implementation() != null) {
                    parameters.put(Backends.PROPERTY, options.implementation());
                }
                List<AuditSection> toRun = AuditSections.all().stream()
                        .filter(s -> onlyClaims == null || s.claims().stream().anyMatch(onlyClaims::contains)).toList();
                AuditEta eta = new AuditEta(abs.resolve("summary.json"), toRun.stream().map(AuditSection::id).toList());
                PropertyProgress progress = new PropertyProgress(listener, eta, start, toRun.size());
                long propertiesStart = System.nanoTime();
                Map<String, ClaimRunner.ClaimResult> results;
                try (java.io.PrintWriter output = new java.io.PrintWriter(Files.newBufferedWriter(tmp.resolve(PROPERTIES_OUTPUT)))) {
                    output.println("# What the claim properties measured (profile " + profile + ", "
                            + (count == null ? "CI example counts" : count + " examples per property") + ", seed " + options.seed() + ")");
                    Set<String> excluded = profile.equals("full") ? Set.of() : Set.of(ScalingLawClaims.FULL_PROFILE);
                    results = ClaimRunner.run(ReferenceSuites.suites(options.implementation()), onlyClaims, excluded, parameters,
                            output::println, progress);
                }
                double propertiesSeconds = (System.nanoTime() - propertiesStart) / 1e9;
                // 2. the sections
                List<SectionOutcome> sections = new ArrayList<>();
                for (AuditSection s : toRun) {
                    log.accept("section " + s.id());
                    progress.sectionStarted(s);
                    long t0 = System.nanoTime();
                    try {
                        sections.add(new SectionOutcome(s, s.run(new AuditSection.Context(profile, figures, log, options.seed() - ClaimSettings.DEFAULT_SEED)), null,
                                (System.nanoTime() - t0) / 1e9));
                    } catch (RuntimeException e) {
                        sections.add(new SectionOutcome(s, AuditSection.Result.empty(), String.valueOf(e), (System.nanoTime() - t0) / 1e9));
                    }
                    progress.sectionFinished(s, sections.get(sections.size() - 1));
                }
                // 3. verdicts
                List<ClaimOutcome> outcomes = new ArrayList<>();
                boolean ok = true;
                for (ClaimRegister.Claim c : claims) {
                    ClaimRunner.ClaimResult r = results.getOrDefault(c.id(), new ClaimRunner.ClaimResult());
                    List<AuditSection.Measurement> sv = new ArrayList<>();
                    for (SectionOutcome so : sections) {
                        for (AuditSection.Measurement v : so.result().measurements()) {
                            if (v.claim().equals(c.id())) {
                                sv.add(v);
                            }
                        }
                    }
                    Verdict verdict;
                    if (c.pending()) {
                        verdict = Verdict.PENDING;
                    } else if (onlyClaims != null && !onlyClaims.contains(c.id())) {
                        verdict = Verdict.NOT_SELECTED;
                    } else if (r.failed > 0) {
                        verdict = Verdict.FAILS;
                    } else if (r.passed == 0 && r.notSupported > 0) {
                        verdict = Verdict.NOT_SUPPORTED;
                    } else if (r.passed == 0) {
                        verdict = Verdict.NOT_RUN;
                    } else {
                        verdict = Verdict.HOLDS;
                    }
                    if (verdict == Verdict.FAILS || verdict == Verdict.NOT_RUN) {
                        ok = false;
                    }
                    String note = Files.isRegularFile(root.resolve("proofs-notes/" + c.id() + ".md")) ? "proofs-notes/" + c.id() + ".html" : null;
                    outcomes.add(new ClaimOutcome(c, verdict, r, sv, note));
                }
                ClaimRunner.ClaimResult supporting = results.getOrDefault("-", new ClaimRunner.ClaimResult());
                if (supporting.failed > 0 && onlyClaims == null) {
                    ok = false;
                }
                for (SectionOutcome so : sections) {
                    if (so.error() != null) {
                        ok = false;
                    }
                }
                Report report = new Report(profile, implementationLabel(options), count, options.seed(), outcomes, supporting, sections,
                        (System.nanoTime() - start) / 1e9, ok, org.beyondlazy.fast.Blas.describe(), Machine.current(), propertiesSeconds,
                        progress.propertiesDone(), Instant.now());
                ReportFiles.write(report, root, tmp);
                replace(tmp, abs);
                return report;
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(out + ": cannot write the report: " + e.getMessage(), e));
        }
    }

    /** What the verdicts are about, for the report's header. */
    static String implementationLabel(Options options) {
        return options.implementation() != null ? Backends.get(options.implementation()).name()
                : "reference (whole kit; C6 and C8's scaling form on the fast path) and fast (C1–C4, C14, C15, C16)";
    }

    /** The machine-readable summary. */
    static Map<String, Object> summary(Report report) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ok", report.ok());
        s.put("profile", report.profile());
        s.put("implementation", report.implementation());
        s.put("examplesPerProperty", report.examples());
        s.put("quickTheoriesSeed", report.seed());
        s.put("seconds", report.seconds());
        s.put("propertiesSeconds", report.propertiesSeconds());
        s.put("propertiesRun", report.propertiesRun());
        s.put("generated", report.generated().toString());
        s.put("processors", report.machine().processors());
        s.put("os", report.machine().os());
        s.put("java", report.machine().java());
        s.put("blas", report.blas());
        AuditSection.Figure headline = report.headline();
        s.put("headlineFigure", headline == null ? null : "figures/" + headline.file());
        List<Map<String, Object>> claims = new ArrayList<>();
        for (ClaimOutcome o : report.claims()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", o.claim().id());
            c.put("title", o.claim().title());
            c.put("status", o.claim().status());
            c.put("verdict", o.verdict().label);
            c.put("propertiesPassed", o.properties().passed);
            c.put("propertiesFailed", o.properties().failed);
            c.put("propertiesNotSupported", o.properties().notSupported);
            c.put("properties", o.properties().properties);
            c.put("failures", o.properties().failures);
            c.put("propertySeconds", o.properties().seconds);
            List<Map<String, Object>> rates = new ArrayList<>();
            for (ClaimRunner.PropertyRate rate : o.properties().rates) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("property", rate.property());
                m.put("what", rate.what());
                m.put("successes", rate.successes());
                m.put("trials", rate.trials());
                m.put("failingSeeds", rate.failingSeeds());
                Intervals.Estimate w = rate.wilson();
                m.put("wilson95", List.of(w.lower(), w.upper()));
                rates.add(m);
            }
            c.put("rates", rates);
            List<Map<String, Object>> sv = new ArrayList<>();
            for (AuditSection.Measurement v : o.measurements()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("detail", v.detail());
                m.put("seeds", v.seeds());
                m.put("successes", v.successes());
                m.put("trials", v.trials());
                double[] w = v.wilson();
                m.put("wilson95", w == null ? null : List.of(w[0], w[1]));
                sv.add(m);
            }
            c.put("experiments", sv);
            c.put("proofsNote", o.proofsNote());
            claims.add(c);
        }
        s.put("claims", claims);
        Map<String, Object> sup = new LinkedHashMap<>();
        sup.put("passed", report.supporting().passed);
        sup.put("failed", report.supporting().failed);
        sup.put("failures", report.supporting().failures);
        s.put("supportingTests", sup);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SectionOutcome so : report.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", so.section().id());
            m.put("title", so.section().title());
            m.put("seconds", so.seconds());
            m.put("error", so.error());
            m.put("figures", so.result().figures().stream().map(f -> "figures/" + f.file()).toList());
            m.put("vectorFigures", so.result().figures().stream().map(f -> "figures/" + f.svg()).toList());
            sections.add(m);
        }
        s.put("sections", sections);
        return s;
    }

    static String toPrettyJson(Object value) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmptyOrReport(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.findAny().isEmpty()) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return Files.isRegularFile(dir.resolve("index.html")) && Files.isRegularFile(dir.resolve("summary.json"));
    }

    /** Moves the finished report into place, replacing an earlier report in {@code out}. */
    private static void replace(Path tmp, Path out) throws IOException {
        if (Files.exists(out)) {
            Path old = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".old");
            Files.delete(old);
            Files.move(out, old);
            Files.move(tmp, out);
            deleteTree(old);
        } else {
            Files.move(tmp, out);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
