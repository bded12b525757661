package org.beyondlazy.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders the audit report as one self-contained HTML page (relative links only). */
final class HtmlReport {
    private HtmlReport() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String render(Audit.Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>beyondlazy audit</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}")
                .append("th{background:#eee}.holds{background:#d8f5d8}.fails{background:#f8d0d0}.pending{background:#eee;color:#555}")
                .append(".notrun{background:#fbe7b5}img{max-width:100%;border:1px solid #ccc}code{background:#f4f4f4}")
                .append("\n</style></head><body>\n");
        h.append("<h1>beyondlazy audit report</h1>\n");
        h.append("<p><b>Overall: ").append(r.ok() ? "every tested claim holds" : "SOME CLAIMS FAIL OR WERE NOT RUN").append("</b>")
                .append(" (exit status ").append(r.ok() ? 0 : 1).append(").</p>\n");
        h.append("<p>Implementation under audit: <code>").append(esc(r.implementation())).append("</code>.</p>\n");
        h.append("<p>Profile <code>").append(esc(r.profile())).append("</code>; properties run with ")
                .append(r.examples() == null ? "their CI example counts" : r.examples() + " examples each")
                .append(", QuickTheories seed <code>").append(r.seed()).append("</code>; ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds())).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, Java ")
                .append(esc(System.getProperty("java.version"))).append("; generated ").append(Instant.now()).append(".</p>\n");
        h.append("<p>Verdicts come from the property suites of the conformance kit (module <code>properties</code>) bound to the "
                + "reference backend and the fast path, run through the JUnit Platform Launcher; the experiments below show figures "
                + "and measurements and do not decide verdicts. A pending claim is listed, not passed. Spec: <a href=\"spec/README.md\">spec/README.md</a>, "
                + "claims: <a href=\"spec/claims.md\">spec/claims.md</a>. Machine-readable: <a href=\"summary.json\">summary.json</a>; the numbers the properties printed: "
                + "<a href=\"" + Audit.PROPERTIES_OUTPUT + "\">" + Audit.PROPERTIES_OUTPUT + "</a>.</p>\n");
        h.append("<h2>Claims</h2>\n<table><tr><th>claim</th><th>statement</th><th>provenance</th><th>verdict</th>"
                + "<th>evidence (properties; experiments with success rate and 95% Wilson interval)</th><th>notes</th></tr>\n");
        for (Audit.ClaimOutcome o : r.claims()) {
            String cls = switch (o.verdict()) {
                case HOLDS -> "holds";
                case FAILS -> "fails";
                case PENDING, NOT_SELECTED -> "pending";
                case NOT_RUN, NOT_SUPPORTED -> "notrun";
            };
            h.append("<tr class=\"").append(cls).append("\"><td><a href=\"spec/claims.md\">").append(esc(o.claim().id()))
                    .append("</a><br>").append(esc(o.claim().title())).append("</td><td>").append(esc(o.claim().statement()))
                    .append("</td><td>").append(esc(o.claim().provenance())).append("</td><td><b>")
                    .append(o.verdict() == Audit.Verdict.PENDING ? esc(o.claim().status()) : o.verdict().label).append("</b></td><td>");
            ClaimRunner.ClaimResult p = o.properties();
            if (p.total() > 0) {
                h.append(p.passed).append("/").append(p.total()).append(" property runs passed: ")
                        .append(esc(String.join(", ", p.properties)));
                for (String f : p.failures) {
                    h.append("<br><small>").append(esc(f)).append("</small>");
                }
            }
            if (p.notSupported > 0) {
                h.append("<br>").append(p.notSupported).append(" property runs not supported by the backend");
                for (String f : p.notSupportedReasons) {
                    h.append("<br><small>").append(esc(f)).append("</small>");
                }
            }
            if (p.total() == 0 && p.notSupported == 0 && o.verdict() != Audit.Verdict.PENDING) {
                h.append("no property bound in the audit");
            }
            for (AuditSection.Measurement v : o.measurements()) {
                h.append("<br>").append(esc(v.detail())).append("; seeds ").append(esc(v.seeds()));
                double[] w = v.wilson();
                if (w != null) {
                    h.append(String.format(Locale.ROOT, "; rate %d/%d = %.3f, 95%% Wilson [%.3f, %.3f]", v.successes(), v.trials(),
                            (double) v.successes() / v.trials(), w[0], w[1]));
                }
            }
            h.append("</td><td>");
            h.append(o.proofsNote() == null ? "—" : "<a href=\"" + esc(o.proofsNote()) + "\">proofs-notes</a>");
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        ClaimRunner.ClaimResult s = r.supporting();
        if (s.total() > 0) {
            h.append("<p>Supporting checks without a claim tag (e.g. determinism of seeded runs): ").append(s.passed).append("/")
                    .append(s.total()).append(" passed.");
            for (String f : s.failures) {
                h.append("<br><small>").append(esc(f)).append("</small>");
            }
            h.append("</p>\n");
        }
        for (Audit.SectionOutcome so : r.sections()) {
            h.append("<h2>").append(esc(so.section().title())).append("</h2>\n");
            if (so.error() != null) {
                h.append("<p class=\"fails\">The section failed: ").append(esc(so.error())).append("</p>\n");
                continue;
            }
            h.append("<p>").append(esc(so.result().text())).append(String.format(Locale.ROOT, " (%.1f s)", so.seconds())).append("</p>\n");
            for (AuditSection.Figure f : so.result().figures()) {
                h.append("<figure><img src=\"figures/").append(esc(f.file())).append("\" alt=\"").append(esc(f.caption()))
                        .append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
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
        h.append("</body></html>\n");
        return h.toString();
    }
}
