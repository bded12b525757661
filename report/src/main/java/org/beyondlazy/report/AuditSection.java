package org.beyondlazy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * One experiment of the audit report (spec E9.12): it computes figures, tables and measurements and
 * renders them; it does not judge claims (the kit's properties do). Sections are listed in
 * {@link AuditSections}.
 */
public interface AuditSection {
    /** A short stable id (file names of figures start with it). */
    String id();

    /** The heading in the report. */
    String title();

    /** The claims this section measures (used by {@code audit --claims}). */
    List<String> claims();

    /** Runs the experiment for a profile and writes its figures into {@code context.figures()}. */
    Result run(Context context);

    /**
     * What a section sees: the profile, where figures go, a log for progress lines, and the shift of its seeds.
     *
     * @param seedShift {@code audit --seed S} minus the default seed: a section's seed k becomes k + seedShift
     *                  ({@link #seed}), so the default run keeps its seeds and any other base seed moves every one
     */
    record Context(String profile, Path figures, java.util.function.Consumer<String> log, long seedShift) {
        public boolean full() {
            return profile.equals("full");
        }

        /** The seed a section names k in the default run. */
        public long seed(long k) {
            return k + seedShift;
        }
    }

    /**
     * A figure: the PNG's file name relative to the figures directory (an SVG of the same chart lies beside
     * it, {@link #svg()}), its caption, and what would make the claim it illustrates fail (shown with the
     * caption; null when the figure illustrates no claim on its own).
     */
    record Figure(String file, String caption, String failsIf) {
        /** A figure without a failure statement. */
        public Figure(String file, String caption) {
            this(file, caption, null);
        }

        /** The SVG beside the PNG ({@link Plots} writes both). */
        public String svg() {
            return file.replaceFirst("\\.png$", "") + ".svg";
        }
    }

    /** A table: header and rows of cells (already formatted). */
    record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    /**
     * What a section measured about a claim: a one-line detail, the seeds used, and for rates successes out
     * of trials with a 95% Wilson interval. A measurement is evidence shown next to the verdict; it never
     * decides it (verdicts come from the kit's properties).
     */
    record Measurement(String claim, String detail, String seeds, Integer successes, Integer trials) {
        /** 95% Wilson score interval of successes/trials, or null. */
        public double[] wilson() {
            if (successes == null || trials == null || trials == 0) {
                return null;
            }
            ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(trials, (double) successes / trials, 0.95);
            return new double[] {ci.getLowerBound(), ci.getUpperBound()};
        }
    }

    /**
     * The section's output. {@code headline} is the figure this section offers for the report's first
     * screen (one of {@code figures}, or null): the first section in {@link AuditSections} order whose
     * result names one supplies the headline, so a new section becomes the headline by declaring its
     * figure here (and being listed before the sections it replaces).
     */
    record Result(String text, List<Figure> figures, List<Table> tables, List<Measurement> measurements, Figure headline) {
        /** A result without a headline figure. */
        public Result(String text, List<Figure> figures, List<Table> tables, List<Measurement> measurements) {
            this(text, figures, tables, measurements, null);
        }

        public static Result empty() {
            return new Result("", new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** This result with {@code figure} (added to the figures when missing) as its headline. */
        public Result withHeadline(Figure figure) {
            List<Figure> all = new ArrayList<>(figures);
            if (!all.contains(figure)) {
                all.add(0, figure);
            }
            return new Result(text, all, tables, measurements, figure);
        }
    }
}
