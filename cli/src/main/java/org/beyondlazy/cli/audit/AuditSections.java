package org.beyondlazy.cli.audit;

import java.util.List;

/**
 * The registry of audit sections (spec E9.12). EXTENSION POINT: issues 3, 4 and 5 add their sections
 * here; until then {@link #PLANNED} lists what the report shows as pending.
 */
public final class AuditSections {
    private AuditSections() {
    }

    /** A section another issue delivers: shown as pending in the report. */
    public record Planned(String title, String claims, int issue) {
    }

    /** Sections that run. */
    public static List<AuditSection> all() {
        return List.of(new DescentSection(), new LazyResidualSection(), new LazyRichSection(), new HeadlineSection(),
                new DeflationSection(), new PolarSection(), new MomentumSection(), new DifferentialSection());
    }

    /** Sections not yet in this build. */
    public static final List<Planned> PLANNED = List.of();
}
