package org.beyondlazy.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Turns the property run's events and the sections' starts and ends into {@link AuditListener.Progress}
 * values with per-claim counts and the {@link AuditEta} estimate.
 */
final class PropertyProgress implements ClaimRunner.Listener {
    private final AuditListener listener;
    private final AuditEta eta;
    private final long start;
    private final int sections;
    private final long propertiesStart = System.nanoTime();
    private Map<String, Integer> planned = Map.of();
    private final Map<String, Integer> done = new HashMap<>();
    private int tests;
    private int testsDone;
    private int sectionsDone;

    PropertyProgress(AuditListener listener, AuditEta eta, long start, int sections) {
        this.listener = listener;
        this.eta = eta;
        this.start = start;
        this.sections = sections;
    }

    int propertiesDone() {
        return testsDone;
    }

    @Override
    public void planned(int tests, Map<String, Integer> testsPerClaim) {
        this.tests = tests;
        this.planned = Map.copyOf(testsPerClaim);
        eta.planned(tests);
    }

    @Override
    public void finished(String property, Set<String> claims, TestExecutionResult.Status status) {
        testsDone++;
        tests = Math.max(tests, testsDone); // defensive: a dynamic container may add test methods
        eta.testFinished((System.nanoTime() - propertiesStart) / 1e9);
        String first = claims.iterator().next();
        int claimDone = done.merge(first, 1, Integer::sum);
        int claimTotal = Math.max(claimDone, planned.getOrDefault(first, 0));
        String label = status == null ? "skipped" : switch (status) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "not supported";
            case FAILED -> "failed";
        };
        double elapsed = elapsed();
        listener.progress(new AuditListener.Progress(AuditListener.Stage.PROPERTIES, property, String.join(",", claims), label,
                claimDone, claimTotal, testsDone, tests + sections, elapsed, eta.estimate(elapsed)));
    }

    void sectionStarted(AuditSection section) {
        double elapsed = elapsed();
        eta.sectionStarted(section.id(), elapsed);
        listener.progress(new AuditListener.Progress(AuditListener.Stage.SECTIONS, section.id(), String.join(",", section.claims()),
                "started", sectionsDone, sections, testsDone + sectionsDone, tests + sections, elapsed, eta.estimate(elapsed)));
    }

    void sectionFinished(AuditSection section, Audit.SectionOutcome outcome) {
        sectionsDone++;
        eta.sectionFinished(section.id(), outcome.seconds());
        double elapsed = elapsed();
        listener.progress(new AuditListener.Progress(AuditListener.Stage.SECTIONS, section.id(), String.join(",", section.claims()),
                outcome.error() == null ? "finished" : "failed", sectionsDone, sections, testsDone + sectionsDone, tests + sections,
                elapsed, eta.estimate(elapsed)));
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
