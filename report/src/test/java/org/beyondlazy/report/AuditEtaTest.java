package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ETA from an earlier summary.json and from the tests run so far. */
class AuditEtaTest {
    @TempDir
    Path dir;

    @Test
    void withoutHistoryTheEstimateFollowsThisRunAndUnknownSectionsMakeItALowerBound() {
        AuditEta eta = new AuditEta(dir.resolve("none.json"), List.of("a", "b"));
        eta.planned(10);
        assertThat(eta.estimate(0)).isNull();
        eta.testFinished(2.0); // one test took 2 s: 9 left
        assertThat(eta.estimate(2.0)).isEqualTo(new AuditEta.Estimate(18.0, true));
    }

    @Test
    void anEarlierReportGivesTheDurationsOfTestsAndSections() throws Exception {
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, "{\"propertiesSeconds\": 100.0, \"propertiesRun\": 50, "
                + "\"sections\": [{\"id\": \"a\", \"seconds\": 30.0, \"error\": null}, {\"id\": \"b\", \"seconds\": 5.0, \"error\": null}]}");
        AuditEta eta = new AuditEta(summary, List.of("a", "b"));
        eta.planned(50);
        assertThat(eta.estimate(0)).isEqualTo(new AuditEta.Estimate(135.0, false));
        for (int i = 0; i < 50; i++) {
            eta.testFinished(i + 1.0);
        }
        eta.sectionStarted("a", 60);
        assertThat(eta.estimate(70)).isEqualTo(new AuditEta.Estimate(25.0, false)); // 20 s left of a, then b
        eta.sectionFinished("a", 31);
        assertThat(eta.estimate(91)).isEqualTo(new AuditEta.Estimate(5.0, false));
    }
}
