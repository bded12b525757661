package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.beyondlazy.report.AuditEta;
import org.beyondlazy.report.AuditListener;
import org.junit.jupiter.api.Test;

/** Without a console (as under Maven) the audit's progress is one plain line per event. */
class AuditProgressTest {
    @Test
    void plainLinesNameTheClaimItsCountAndTheEta() {
        StringWriter text = new StringWriter();
        try (AuditProgress progress = AuditProgress.on(new PrintWriter(text))) {
            progress.message("section headline");
            progress.progress(new AuditListener.Progress(AuditListener.Stage.PROPERTIES, "Monotonicity.descent", "C4", "passed", 3, 7, 12, 50,
                    65.0, new AuditEta.Estimate(100, false)));
            progress.progress(new AuditListener.Progress(AuditListener.Stage.SECTIONS, "headline", "C8", "started", 2, 6, 44, 50,
                    200.0, new AuditEta.Estimate(0, true)));
        }
        assertThat(text.toString().split("\\R")).containsExactly(
                "audit: section headline",
                "audit: [12/50] C4 Monotonicity.descent passed (C4 3/7); 1 min 5 s elapsed, ETA 1 min 40 s",
                "audit: [44/50] section headline (C8) started, 2/6 sections; 3 min 20 s elapsed, ETA unknown (the sections left have no earlier timing in --out)");
    }
}
