package org.beyondlazy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit's estimate of the time left. Properties: those not yet run times the mean duration of a
 * property (from the earlier report being replaced when it records one, else from the properties run so far).
 * Sections: each section's duration in the earlier report; a section with no earlier duration adds
 * nothing and makes the estimate a lower bound. No history and no finished test: no estimate.
 */
public final class AuditEta {
    /** Seconds left; {@code lowerBound} when some remaining work has no known duration. */
    public record Estimate(double seconds, boolean lowerBound) {
    }

    private final Double historyPerTest;
    private final Map<String, Double> historySections;
    private final List<String> sections;
    private int plannedTests;
    private int doneTests;
    private double propertySeconds;
    private final Map<String, Double> sectionsDone = new HashMap<>();
    private String running;
    private double runningSince;

    /**
     * @param history  summary.json of an earlier report (null or missing: none)
     * @param sections the ids of the sections this audit will run, in order
     */
    AuditEta(Path history, List<String> sections) {
        this.sections = List.copyOf(sections);
        Double perTest = null;
        Map<String, Double> bySection = new HashMap<>();
        if (history != null && Files.isRegularFile(history)) {
            try {
                JsonNode s = new ObjectMapper().readTree(history.toFile());
                if (s.path("propertiesRun").asInt(0) > 0) {
                    perTest = s.path("propertiesSeconds").asDouble() / s.path("propertiesRun").asInt();
                }
                for (JsonNode section : s.path("sections")) {
                    if (section.path("error").isNull()) {
                        bySection.put(section.path("id").asText(), section.path("seconds").asDouble());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable earlier summary only means no history: the estimate falls back to this run
            }
        }
        historyPerTest = perTest;
        historySections = bySection;
    }

    void planned(int tests) {
        plannedTests = tests;
    }

    void testFinished(double propertiesElapsed) {
        doneTests++;
        propertySeconds = propertiesElapsed;
    }

    void sectionStarted(String id, double elapsed) {
        running = id;
        runningSince = elapsed;
    }

    void sectionFinished(String id, double seconds) {
        sectionsDone.put(id, seconds);
        running = null;
    }

    /** The estimate at {@code elapsed} seconds into the audit, or null. */
    Estimate estimate(double elapsed) {
        Double perTest = historyPerTest != null ? historyPerTest : doneTests > 0 ? Double.valueOf(propertySeconds / doneTests) : null;
        int testsLeft = Math.max(0, plannedTests - doneTests);
        if (perTest == null && testsLeft > 0) {
            return null;
        }
        double left = testsLeft > 0 ? testsLeft * perTest : 0;
        boolean lowerBound = false;
        for (String id : sections) {
            if (sectionsDone.containsKey(id)) {
                continue;
            }
            Double expected = historySections.get(id);
            if (expected == null) {
                lowerBound = true;
                continue;
            }
            left += id.equals(running) ? Math.max(0, expected - (elapsed - runningSince)) : expected;
        }
        return new Estimate(left, lowerBound);
    }
}
