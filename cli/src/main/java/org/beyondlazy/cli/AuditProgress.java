package org.beyondlazy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beyondlazy.report.AuditEta;
import org.beyondlazy.report.AuditListener;

/**
 * Renders the audit's progress on standard error: a progress bar (me.tongfei:progressbar) with the
 * current claim's count and the audit's own ETA when a terminal is attached, otherwise one plain line per
 * finished property or section (CI logs, pipes, tests).
 */
final class AuditProgress implements AuditListener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;

    private AuditProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("audit").setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                .hideEta().setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    /** A progress bar when the JVM has a console, plain lines on {@code err} otherwise. */
    static AuditProgress on(PrintWriter err) {
        return new AuditProgress(err, System.console() != null);
    }

    @Override
    public void message(String line) {
        if (bar == null) {
            err.println("audit: " + line);
            err.flush();
        }
    }

    @Override
    public void progress(Progress p) {
        String where = p.stage() == Stage.PROPERTIES
                ? String.format(Locale.ROOT, "%s %s %s (%s %d/%d)", p.claims(), p.item(), p.status(), p.claims().split(",")[0], p.claimDone(), p.claimTotal())
                : String.format(Locale.ROOT, "section %s (%s) %s, %d/%d sections", p.item(), p.claims(), p.status(), p.claimDone(), p.claimTotal());
        String eta = eta(p.eta());
        if (bar != null) {
            bar.maxHint(p.total());
            bar.stepTo(p.done());
            bar.setExtraMessage(" " + (p.stage() == Stage.PROPERTIES ? p.claims().split(",")[0] + " " + p.claimDone() + "/" + p.claimTotal()
                    : "section " + p.item()) + ", " + eta);
        } else {
            err.println(String.format(Locale.ROOT, "audit: [%d/%d] %s; %s elapsed, %s", p.done(), p.total(), where,
                    seconds(p.elapsedSeconds()), eta));
            err.flush();
        }
    }

    static String eta(AuditEta.Estimate e) {
        if (e == null) {
            return "ETA unknown";
        }
        if (e.lowerBound() && e.seconds() < 1) {
            return "ETA unknown (the sections left have no earlier timing in --out)";
        }
        return "ETA " + (e.lowerBound() ? "≥ " : "") + seconds(e.seconds());
    }

    static String seconds(double s) {
        long r = Math.round(s);
        return r < 60 ? r + " s" : (r / 60) + " min " + (r % 60) + " s";
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
