package org.beyondlazy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A report written from a fixed set of results, without running the kit or any study: every claim of the
 * real spec/claims.md with a made-up outcome (all hold unless {@code failing} names one), success rates on
 * C8–C10, and one cheap section that draws a chart with interval bars and declares it the headline. The
 * numbers are fixtures for the renderer, not measurements.
 */
final class ReportFixture {
    /** The fixture's section: one chart on a log y axis with Wilson-like bars, declared the headline. */
    static final class FixtureSection implements AuditSection {
        @Override
        public String id() {
            return "fixture";
        }

        @Override
        public String title() {
            return "Fixture section (C8)";
        }

        @Override
        public List<String> claims() {
            return List.of("C8");
        }

        @Override
        public Result run(Context context) {
            double[] d = {10, 20, 40, 80};
            double[] err = {4e-3, 4.5e-3, 4.8e-3, 4.9e-3};
            double[] lo = {3e-3, 3.9e-3, 4.1e-3, 4.4e-3};
            double[] hi = {4.9e-3, 5e-3, 8e-3, 2e-2};
            double[] rho = {0.3, 0.7, 0.9, 0.97};
            Plots.chart(context.figures().resolve("fixture-chart.png"), "Fixture: fixed m, growing d",
                    new Plots.Axes("dimension d", "median over seeds", false, true), List.of(
                            new Plots.Series("variant (A7.1): median, range over seeds", d, err, true, lo, hi),
                            new Plots.Series("ρ_lazy (A5.2): median", d, rho, true)));
            Figure headline = new Figure("fixture-chart.png", "A fixture chart (not a measurement).",
                    "C8 fails if the variant's error rises above ε.");
            Result result = new Result("A fixture section.", new ArrayList<>(), new ArrayList<>(), new ArrayList<>(
                    List.of(new Measurement("C8", "fixture: 39/40 runs reach ε", "0..19 per d", 39, 40))));
            result.tables().add(new Table("fixture table", List.of("d", "median"), List.of(List.of("10", "4.0e-3"))));
            return result.withHeadline(headline);
        }
    }

    private ReportFixture() {
    }

    /** Writes the fixture report into {@code dir} (created; an earlier one there is overwritten). */
    static Audit.Report write(Path dir, String failing) throws IOException {
        Path root = Audit.root();
        List<ClaimRegister.Claim> claims = ClaimRegister.parse(Files.readString(root.resolve("spec/claims.md")));
        Path figures = Files.createDirectories(dir.resolve("figures"));
        FixtureSection section = new FixtureSection();
        AuditSection.Result result = section.run(new AuditSection.Context("quick", figures, line -> { }, 0L));
        Audit.SectionOutcome outcome = new Audit.SectionOutcome(section, result, null, 1.5);
        List<Audit.ClaimOutcome> outcomes = new ArrayList<>();
        for (ClaimRegister.Claim c : claims) {
            ClaimRunner.ClaimResult r = new ClaimRunner.ClaimResult();
            r.properties.add("FixtureClaims." + c.id().toLowerCase());
            r.measured.add(c.id() + " fixture: 40 instances, seeds 20201122 + 0..39");
            r.seconds = 0.25;
            Audit.Verdict verdict = Audit.Verdict.HOLDS;
            if (c.id().equals(failing)) {
                r.failed = 1;
                r.failures.add("fixture failure [FixtureClaims." + c.id().toLowerCase() + "]: seed 7 breaks the bound");
                verdict = Audit.Verdict.FAILS;
            } else {
                r.passed = 2;
            }
            switch (c.id()) {
                case "C8" -> {
                    r.rates.add(new ClaimRunner.PropertyRate("VariantClaims.c8", "C8 l=3 d=6 m=10", 20, 20, List.of()));
                    r.rates.add(new ClaimRunner.PropertyRate("VariantClaims.c8", "C8 l=3 d=12 m=10", 19, 20, List.of(4L)));
                }
                case "C9" -> {
                    r.rates.add(new ClaimRunner.PropertyRate("VariantClaims.c9", "C9 stuck", 37, 60, List.of(1L, 2L)));
                    r.rates.add(new ClaimRunner.PropertyRate("VariantClaims.c9", "C9 wide", 60, 60, List.of()));
                }
                case "C10" -> r.rates.add(new ClaimRunner.PropertyRate("VariantClaims.c10", "C10 ordered", 36, 40, List.of(3L, 9L, 17L, 30L)));
                default -> { }
            }
            List<AuditSection.Measurement> measured = c.id().equals("C8") ? result.measurements() : List.of();
            String note = Files.isRegularFile(root.resolve("proofs-notes/" + c.id() + ".md")) ? "proofs-notes/" + c.id() + ".html" : null;
            outcomes.add(new Audit.ClaimOutcome(c, c.pending() ? Audit.Verdict.PENDING : verdict, r, measured, note));
        }
        ClaimRunner.ClaimResult supporting = new ClaimRunner.ClaimResult();
        supporting.passed = 3;
        Audit.Report report = new Audit.Report("quick", "reference (fixture)", null, 20201122L, outcomes, supporting, List.of(outcome),
                12.5, failing == null, "BLAS: fixture BLAS, 1 thread", Audit.Machine.current(), 10.0, 40, Instant.parse("2026-12-01T00:00:00Z"));
        Files.writeString(dir.resolve(Audit.PROPERTIES_OUTPUT), "# fixture\n");
        ReportFiles.write(report, root, dir);
        return report;
    }
}
