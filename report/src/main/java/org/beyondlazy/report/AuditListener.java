package org.beyondlazy.report;

import java.util.function.Consumer;

/**
 * What an audit tells while it runs (spec E9.12): progress lines of the sections, and after each finished
 * property or section a {@link Progress} with the per-claim counts and an estimate of the time left. The
 * report module prints nothing; the command line renders these (a progress bar on a terminal, plain lines
 * otherwise).
 */
public interface AuditListener {
    /** A line of progress text (e.g. which setting a section is computing). */
    default void message(String line) {
    }

    /** The state after a property or a section finished, or when a section starts. */
    default void progress(Progress progress) {
    }

    /**
     * Where the audit is.
     *
     * @param stage          {@link Stage#PROPERTIES} or {@link Stage#SECTIONS}
     * @param item           the property (Class.method) that finished, or the section id
     * @param claims         the claim ids of that property or section, comma-separated ("-" for a supporting test)
     * @param status         "passed", "failed", "not supported", "started" or "finished"
     * @param claimDone      properties of the (first) claim finished so far; for a section, sections finished
     * @param claimTotal     properties of that claim in the plan; for a section, the sections to run
     * @param done           work items finished (properties, then sections)
     * @param total          work items planned
     * @param elapsedSeconds since the audit started
     * @param eta            estimated time left, or null while nothing is known to estimate it from
     */
    record Progress(Stage stage, String item, String claims, String status, int claimDone, int claimTotal, int done, int total,
                    double elapsedSeconds, AuditEta.Estimate eta) {
    }

    /** The two phases of an audit. */
    enum Stage {
        PROPERTIES, SECTIONS
    }

    /** A listener that passes the message lines to {@code log} and ignores progress. */
    static AuditListener lines(Consumer<String> log) {
        return new AuditListener() {
            @Override
            public void message(String line) {
                log.accept(line);
            }
        };
    }
}
