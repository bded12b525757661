package org.beyondlazy.properties;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a property measured (rates, tables, worst deviations), for the reader of a test run or an audit
 * report. Each text is published as a JUnit Platform report entry with key {@value #KEY} of the running
 * test (a launcher collects it with {@code TestExecutionListener.reportingEntryPublished}) and printed on
 * standard output unless the configuration parameter {@link ClaimSettings#STDOUT} is {@code false}, so a
 * plain Maven run shows it in its log.
 */
public final class ClaimOutput {
    /** The report-entry key of a measurement. */
    public static final String KEY = "beyondlazy.output";
    /**
     * The report-entry key of a success rate ({@link #println(SuccessRate)}): the value is
     * {@code successes<TAB>trials<TAB>failing seeds, comma-separated<TAB>what was counted}, so a report can draw
     * the rate and its interval without parsing the text.
     */
    public static final String RATE_KEY = "beyondlazy.rate";

    private ClaimOutput() {
    }

    /** Publishes one line (or block) of text. */
    public static void println(Object text) {
        String s = String.valueOf(text);
        Optional<ExtensionContext> context = ClaimSettings.context();
        if (!s.isBlank()) {
            context.ifPresent(c -> c.publishReportEntry(KEY, s));
        }
        if (ClaimSettings.parameter(ClaimSettings.STDOUT).map(Boolean::parseBoolean).orElse(true)) {
            System.out.println(s);
        }
    }

    /** Publishes a success rate: its text as {@link #println(Object)} does, and its numbers under {@link #RATE_KEY}. */
    public static void println(SuccessRate rate) {
        println((Object) rate);
        StringBuilder seeds = new StringBuilder();
        for (long s : rate.failingSeeds()) {
            seeds.append(seeds.length() > 0 ? "," : "").append(s);
        }
        String value = rate.successes() + "\t" + rate.trials() + "\t" + seeds + "\t" + rate.what().replaceAll("\\s+", " ");
        ClaimSettings.context().ifPresent(c -> c.publishReportEntry(RATE_KEY, value));
    }

    /** {@link String#format} and {@link #println}; a trailing line break of the format is dropped. */
    public static void printf(Locale locale, String format, Object... args) {
        println(strip(String.format(locale, format, args)));
    }

    /** As {@link #printf(Locale, String, Object...)} with the root locale. */
    public static void printf(String format, Object... args) {
        printf(Locale.ROOT, format, args);
    }

    private static String strip(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
