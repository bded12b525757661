package org.beyondlazy.report;

import static org.beyondlazy.report.HtmlPage.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;

/**
 * The report's first page, {@code index.html} (spec E9.12). The first screen holds the overall verdict,
 * the run's facts (profile, seed, backend, BLAS, machine, wall time), a compact grid of the claims
 * (verdict badge, success rates with 95% Wilson intervals) and the headline figure; below it one block
 * per claim (statement, provenance, what ran, failures with the command that reproduces them, its
 * figures, links to the rendered spec and proofs-note) and the sections with their figures and tables.
 * Relative links only; no script.
 */
@SpecRef("E9.12")
final class HtmlReport {
    /** Rates shown per claim in the first-screen grid (all of them are in the claim's block). */
    static final int GRID_RATES = 2;

    private HtmlReport() {
    }

    static String render(Audit.Report r, List<String> pages, MarkdownPages markdown) {
        StringBuilder h = new StringBuilder();
        int holds = count(r, Audit.Verdict.HOLDS);
        int fails = count(r, Audit.Verdict.FAILS) + count(r, Audit.Verdict.NOT_RUN);
        h.append("<header class=\"top\"><h1>beyondlazy audit</h1><span id=\"overall\" class=\"verdict ").append(r.ok() ? "holds" : "fails")
                .append("\">").append(r.ok() ? "Every tested claim holds" : "Some claims fail or did not run")
                .append("</span><span class=\"small\">").append(summaryCounts(r, holds, fails)).append(" · exit status ")
                .append(r.ok() ? 0 : 1).append("</span></header>\n");
        facts(h, r);
        h.append("<div class=\"first\">\n");
        grid(h, r);
        headline(h, r);
        h.append("</div>\n");
        h.append("<p class=\"small\">Verdicts come from the property suites of the conformance kit (module <code>properties</code>), run "
                + "through the JUnit Platform Launcher; the experiment sections show figures and measurements and never decide a verdict. "
                + "Rates are successes over seeds with 95% Wilson intervals; means over seeds carry 95% Student-t intervals. "
                + "A pending claim is listed, not passed. Machine-readable: <a href=\"summary.json\">summary.json</a>; what the properties "
                + "printed: <a href=\"" + Audit.PROPERTIES_OUTPUT + "\">" + Audit.PROPERTIES_OUTPUT + "</a>; the rendered "
                + "<a href=\"spec/README.html\">specification</a> and <a href=\"spec/claims.html\">claims</a>.</p>\n");
        h.append("<h2 id=\"claims\">Claims</h2>\n");
        for (Audit.ClaimOutcome o : r.claims()) {
            claim(h, r, o, markdown);
        }
        ClaimRunner.ClaimResult s = r.supporting();
        if (s.total() > 0) {
            h.append("<p>Supporting checks without a claim tag (e.g. determinism of seeded runs): ").append(s.passed).append("/")
                    .append(s.total()).append(" passed.");
            for (String f : s.failures) {
                h.append("<br><small>").append(esc(f)).append("</small>");
            }
            h.append("</p>\n");
        }
        h.append("<h2 id=\"experiments\">Experiments</h2>\n");
        for (Audit.SectionOutcome so : r.sections()) {
            section(h, so);
        }
        h.append("<h2 id=\"pages\">Specification and proofs-notes</h2>\n<p class=\"small\">");
        for (int i = 0; i < pages.size(); i++) {
            h.append(i > 0 ? " · " : "").append("<a href=\"").append(esc(pages.get(i))).append("\">").append(esc(pages.get(i))).append("</a>");
        }
        h.append("</p>\n");
        return HtmlPage.page("beyondlazy audit — " + (r.ok() ? "every tested claim holds" : "claims fail"), "", h.toString());
    }

    private static int count(Audit.Report r, Audit.Verdict v) {
        return (int) r.claims().stream().filter(o -> o.verdict() == v).count();
    }

    private static String summaryCounts(Audit.Report r, int holds, int fails) {
        List<String> parts = new ArrayList<>();
        parts.add(holds + " hold");
        if (fails > 0) {
            parts.add(fails + " fail or not run");
        }
        int ns = count(r, Audit.Verdict.NOT_SUPPORTED);
        if (ns > 0) {
            parts.add(ns + " not supported");
        }
        int pending = count(r, Audit.Verdict.PENDING);
        if (pending > 0) {
            parts.add(pending + " pending");
        }
        int unselected = count(r, Audit.Verdict.NOT_SELECTED);
        if (unselected > 0) {
            parts.add(unselected + " not selected");
        }
        return String.join(", ", parts);
    }

    private static void facts(StringBuilder h, Audit.Report r) {
        h.append("<div class=\"facts\" id=\"facts\">")
                .append("<span>profile <b>").append(esc(r.profile())).append("</b></span>")
                .append("<span>seed <code>").append(r.seed()).append("</code></span>")
                .append("<span>examples ").append(r.examples() == null ? "CI defaults" : r.examples() + " per property").append("</span>")
                .append("<span>wall time ").append(duration(r.seconds())).append(" (properties ").append(duration(r.propertiesSeconds()))
                .append(", ").append(r.propertiesRun()).append(" properties)</span>")
                .append("<br><span>backend ").append(esc(r.implementation())).append("</span>")
                .append("<span>").append(esc(r.blas())).append("</span>")
                .append("<br><span>machine: ").append(r.machine().processors()).append(" cores, ").append(esc(r.machine().os()))
                .append(", ").append(esc(r.machine().java())).append("</span>")
                .append("<span>generated ").append(esc(r.generated().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append("</span></div>\n");
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return (s / 60) + " min " + (s % 60) + " s";
    }

    static String cssClass(Audit.Verdict v) {
        return switch (v) {
            case HOLDS -> "holds";
            case FAILS -> "fails";
            case NOT_RUN -> "notrun";
            case NOT_SUPPORTED -> "unsupported";
            case PENDING, NOT_SELECTED -> "pending";
        };
    }

    private static void grid(StringBuilder h, Audit.Report r) {
        h.append("<section><table class=\"grid\" id=\"verdicts\"><tr><th>claim</th><th>title</th><th>verdict</th>"
                + "<th>success rate, 95% Wilson</th></tr>\n");
        for (Audit.ClaimOutcome o : r.claims()) {
            String id = o.claim().id();
            h.append("<tr><td><a href=\"#").append(esc(id)).append("\">").append(esc(id)).append("</a></td><td>")
                    .append(esc(o.claim().title())).append("</td><td><span class=\"badge ").append(cssClass(o.verdict())).append("\">")
                    .append(esc(o.verdict().label)).append("</span></td><td class=\"rate\">");
            List<String> rates = gridRates(o);
            if (rates.isEmpty()) {
                h.append("<span class=\"small\">—</span>");
            }
            for (int i = 0; i < Math.min(GRID_RATES, rates.size()); i++) {
                h.append(i > 0 ? "<br>" : "").append(rates.get(i));
            }
            if (rates.size() > GRID_RATES) {
                h.append(" <a href=\"#").append(esc(id)).append("\" class=\"small\">+").append(rates.size() - GRID_RATES).append("</a>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table></section>\n");
    }

    /** The grid's rates of a claim: those its properties published, then the sections' (marked "exp."). */
    private static List<String> gridRates(Audit.ClaimOutcome o) {
        List<String> out = new ArrayList<>();
        for (ClaimRunner.PropertyRate rate : o.properties().rates) {
            out.add("<span title=\"" + esc(rate.what()) + "\">" + shortRate(rate.successes(), rate.trials()) + "</span>");
        }
        for (AuditSection.Measurement m : o.measurements()) {
            if (m.wilson() != null) {
                out.add("<span title=\"" + esc(m.detail()) + "\">" + shortRate(m.successes(), m.trials()) + " <small>exp.</small></span>");
            }
        }
        return out;
    }

    static String shortRate(int successes, int trials) {
        Intervals.Estimate w = Intervals.wilson(successes, trials);
        return String.format(Locale.ROOT, "%d/%d [%.2f, %.2f]", successes, trials, w.lower(), w.upper());
    }

    private static void headline(StringBuilder h, Audit.Report r) {
        AuditSection.Figure f = r.headline();
        if (f == null) {
            h.append("<figure class=\"headline\" id=\"headline\"><figcaption>No headline figure: the section that declares it did not "
                    + "run in this audit (see <code>--claims</code>).</figcaption></figure>\n");
            return;
        }
        h.append("<figure class=\"headline\" id=\"headline\"><a href=\"figures/").append(esc(f.svg())).append("\"><img src=\"figures/")
                .append(esc(f.file())).append("\" alt=\"").append(esc(f.caption())).append("\"></a><figcaption>").append(esc(f.caption()));
        if (f.failsIf() != null) {
            h.append(" <span class=\"fails-if\">").append(esc(f.failsIf())).append("</span>");
        }
        h.append(" <a href=\"figures/").append(esc(f.svg())).append("\">SVG</a></figcaption></figure>\n");
    }

    private static void claim(StringBuilder h, Audit.Report r, Audit.ClaimOutcome o, MarkdownPages markdown) {
        String id = o.claim().id();
        h.append("<section class=\"claim ").append(cssClass(o.verdict())).append("\" id=\"").append(esc(id)).append("\"><h3>")
                .append(esc(id)).append(" · ").append(esc(o.claim().title())).append(" <span class=\"badge ").append(cssClass(o.verdict()))
                .append("\">").append(esc(o.verdict().label)).append("</span></h3>\n");
        h.append(markdown.toHtml(o.claim().statement(), ""));
        h.append("<p class=\"small\">Provenance: ").append(esc(o.claim().provenance())).append(" · status: ").append(esc(o.claim().status()))
                .append(" · <a href=\"spec/claims.html#").append(esc(id)).append("\">spec</a>");
        if (o.proofsNote() != null) {
            h.append(" · <a href=\"").append(esc(o.proofsNote())).append("\">proofs-note</a>");
        }
        h.append("</p>\n");
        ClaimRunner.ClaimResult p = o.properties();
        if (p.total() > 0) {
            h.append("<p>Properties: ").append(p.passed).append("/").append(p.total()).append(" runs passed (")
                    .append(duration(p.seconds)).append("): ").append(esc(String.join(", ", p.properties))).append("</p>\n");
        } else if (p.notSupported == 0 && o.verdict() != Audit.Verdict.PENDING && o.verdict() != Audit.Verdict.NOT_SELECTED) {
            h.append("<p>No property bound in the audit.</p>\n");
        }
        if (p.notSupported > 0) {
            h.append("<p>").append(p.notSupported).append(" property runs not supported by the backend:");
            for (String f : p.notSupportedReasons) {
                h.append("<br><small>").append(esc(f)).append("</small>");
            }
            h.append("</p>\n");
        }
        if (!p.rates.isEmpty() || !o.measurements().isEmpty()) {
            h.append("<ul>\n");
            for (ClaimRunner.PropertyRate rate : p.rates) {
                Intervals.Estimate w = rate.wilson();
                h.append("<li>").append(esc(rate.what())).append(String.format(Locale.ROOT, ": %d/%d = %.3f, 95%% Wilson [%.3f, %.3f]",
                        rate.successes(), rate.trials(), w.value(), w.lower(), w.upper()));
                h.append(rate.failingSeeds().isEmpty() ? "; no failing seed" : "; failing seeds " + esc(rate.failingSeeds().toString()))
                        .append(" <span class=\"small\">(").append(esc(rate.property())).append(")</span></li>\n");
            }
            for (AuditSection.Measurement v : o.measurements()) {
                h.append("<li>Experiment: ").append(esc(v.detail())).append("; seeds ").append(esc(v.seeds()));
                double[] w = v.wilson();
                if (w != null) {
                    h.append(String.format(Locale.ROOT, "; rate %d/%d = %.3f, 95%% Wilson [%.3f, %.3f]", v.successes(), v.trials(),
                            (double) v.successes() / v.trials(), w[0], w[1]));
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!p.failures.isEmpty()) {
            h.append("<p class=\"fails-if\">Failures (reproduce with <code>").append(esc(reproduce(r, id))).append("</code>; a failing "
                    + "property names its seed in the message):</p><ul>\n");
            for (String f : p.failures) {
                h.append("<li><small>").append(esc(f)).append("</small></li>\n");
            }
            h.append("</ul>\n");
        }
        if (!p.measured.isEmpty()) {
            h.append("<details><summary>What the properties measured (instances, seeds; first ").append(p.measured.size())
                    .append(" lines, all in <a href=\"").append(Audit.PROPERTIES_OUTPUT).append("\">").append(Audit.PROPERTIES_OUTPUT)
                    .append("</a>)</summary><pre>").append(esc(String.join("\n", p.measured))).append("</pre></details>\n");
        }
        for (Audit.SectionOutcome so : r.sections()) {
            if (so.error() == null && so.section().claims().contains(id)) {
                for (AuditSection.Figure f : so.result().figures()) {
                    h.append("<p class=\"small\">Figure: <a href=\"#").append(esc(figureAnchor(f))).append("\">").append(esc(f.caption()))
                            .append("</a> (section <a href=\"#section-").append(esc(so.section().id())).append("\">")
                            .append(esc(so.section().title())).append("</a>)</p>\n");
                }
            }
        }
        h.append("</section>\n");
    }

    /** The command that reruns one claim with this audit's settings. */
    static String reproduce(Audit.Report r, String claim) {
        StringBuilder s = new StringBuilder("./beyondlazy audit --profile ").append(r.profile()).append(" --claims ").append(claim)
                .append(" --seed ").append(r.seed());
        if (r.examples() != null) {
            s.append(" --examples ").append(r.examples());
        }
        return s.toString();
    }

    static String figureAnchor(AuditSection.Figure f) {
        return "figure-" + f.file().replaceFirst("\\.png$", "").replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static void section(StringBuilder h, Audit.SectionOutcome so) {
        h.append("<h3 id=\"section-").append(esc(so.section().id())).append("\">").append(esc(so.section().title())).append("</h3>\n");
        if (so.error() != null) {
            h.append("<p class=\"fails-if\">The section failed: ").append(esc(so.error())).append("</p>\n");
            return;
        }
        h.append("<p>").append(esc(so.result().text())).append(" <span class=\"small\">(").append(duration(so.seconds()))
                .append("; claims ");
        List<String> claims = so.section().claims();
        for (int i = 0; i < claims.size(); i++) {
            h.append(i > 0 ? ", " : "").append("<a href=\"#").append(esc(claims.get(i))).append("\">").append(esc(claims.get(i))).append("</a>");
        }
        h.append(")</span></p>\n");
        for (AuditSection.Figure f : so.result().figures()) {
            h.append("<figure id=\"").append(esc(figureAnchor(f))).append("\"><a href=\"figures/").append(esc(f.svg())).append("\"><img src=\"figures/")
                    .append(esc(f.file())).append("\" alt=\"").append(esc(f.caption())).append("\"></a><figcaption>")
                    .append(esc(f.caption()));
            if (f.failsIf() != null) {
                h.append(" <span class=\"fails-if\">").append(esc(f.failsIf())).append("</span>");
            }
            h.append(" <a href=\"figures/").append(esc(f.file())).append("\">PNG</a> · <a href=\"figures/").append(esc(f.svg()))
                    .append("\">SVG</a></figcaption></figure>\n");
        }
        for (AuditSection.Table t : so.result().tables()) {
            h.append("<table><caption>").append(esc(t.caption())).append("</caption><tr>");
            for (String c : t.header()) {
                h.append("<th>").append(esc(c)).append("</th>");
            }
            h.append("</tr>\n");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                for (String c : row) {
                    h.append("<td>").append(esc(c)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }
}
