package org.beyondlazy.report;

import java.util.List;

/** The registry of audit sections (spec E9.12), in report order. */
public final class AuditSections {
    private AuditSections() {
    }

    /** Sections that run. */
    public static List<AuditSection> all() {
        return List.of(new DescentSection(), new LazyResidualSection(), new LazyRichSection(), new ScalingLawSection(),
                new DeflationSection(), new MomentumSection());
    }
}
