package org.beyondlazy.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.beyondlazy.properties.ClaimOutput;
import org.beyondlazy.properties.ClaimSettings;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the bound claim suites through the JUnit Platform Launcher and groups the results by the claim
 * tag ({@code @Tag("C4")}) of each test or of its parents.
 */
public final class ClaimRunner {
    /** Results of the properties of one claim (or of the untagged supporting tests, key "-"). */
    public static final class ClaimResult {
        public int passed;
        public int failed;
        public int skipped;
        /** Properties aborted because the backend lacks a capability they need. */
        public int notSupported;
        public final List<String> notSupportedReasons = new ArrayList<>();
        public final List<String> failures = new ArrayList<>();
        public final Set<String> properties = new TreeSet<>();
        /** The success rates its properties published ({@link ClaimOutput#RATE_KEY}). */
        public final List<PropertyRate> rates = new ArrayList<>();
        /** The first lines its properties published ({@link ClaimOutput#KEY}), for the claim's detail in the report. */
        public final List<String> measured = new ArrayList<>();
        /** Wall time of its properties, seconds (a test tagged with two claims counts for both). */
        public double seconds;

        public int total() {
            return passed + failed;
        }
    }

    /** Most lines of {@link ClaimResult#measured} kept per claim (the whole text is in properties-output.txt). */
    static final int MEASURED_LINES = 40;

    /**
     * A success rate a property published: successes over trials of one counted event, the failing seeds.
     *
     * @param property the property (Class.method) that published it
     */
    public record PropertyRate(String property, String what, int successes, int trials, List<Long> failingSeeds) {
        /** The rate with its 95% Wilson interval. */
        public Intervals.Estimate wilson() {
            return Intervals.wilson(successes, trials);
        }

        /** Parses a {@link ClaimOutput#RATE_KEY} value; null when it is not one. */
        static PropertyRate parse(String property, String value) {
            String[] f = value.split("\t", 4);
            if (f.length != 4) {
                return null;
            }
            try {
                List<Long> seeds = new ArrayList<>();
                for (String seed : f[2].split(",")) {
                    if (!seed.isBlank()) {
                        seeds.add(Long.parseLong(seed.trim()));
                    }
                }
                int successes = Integer.parseInt(f[0]);
                int trials = Integer.parseInt(f[1]);
                return trials > 0 && successes >= 0 && successes <= trials ? new PropertyRate(property, f[3], successes, trials, seeds) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * Told about the run as it goes (for progress); called on the launcher's thread. A property is a test
     * method: a plain test, or a parameterized or factory method with all its invocations (which the test
     * plan does not list before they run).
     */
    public interface Listener {
        /** Before the first test: how many properties the plan holds, in all and per claim tag ("-" for untagged). */
        default void planned(int properties, Map<String, Integer> propertiesPerClaim) {
        }

        /** A property finished: its name, its claim tags and its worst outcome over its invocations (null: skipped). */
        default void finished(String property, Set<String> claims, TestExecutionResult.Status status) {
        }
    }

    private ClaimRunner() {
    }

    /**
     * Runs {@code suites} (only the properties tagged with {@code onlyClaims} when not null); returns claim id → results.
     *
     * @param parameters JUnit Platform configuration parameters of the run (e.g. {@link ClaimSettings#SEED})
     * @param output     receives what the properties measured ({@link ClaimOutput} report entries), each
     *                   property's first entry preceded by a heading line naming it
     */
    public static Map<String, ClaimResult> run(List<Class<?>> suites, Set<String> onlyClaims, Map<String, String> parameters,
                                               Consumer<String> output) {
        return run(suites, onlyClaims, Set.of(), parameters, output, new Listener() {
        });
    }

    /**
     * As {@link #run(List, Set, Map, Consumer)}, leaving out the properties tagged with one of {@code excludedTags}
     * (e.g. the full profile's {@code full-profile} in the quick profile) and telling {@code progress} about each
     * finished test.
     */
    public static Map<String, ClaimResult> run(List<Class<?>> suites, Set<String> onlyClaims, Set<String> excludedTags,
                                               Map<String, String> parameters, Consumer<String> output, Listener progress) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameters(parameters);
        if (onlyClaims != null) {
            builder.filters(org.junit.platform.launcher.TagFilter.includeTags(List.copyOf(onlyClaims)));
        }
        if (!excludedTags.isEmpty()) {
            builder.filters(org.junit.platform.launcher.TagFilter.excludeTags(List.copyOf(excludedTags)));
        }
        for (Class<?> suite : suites) {
            builder.selectors(selectClass(suite));
        }
        LauncherDiscoveryRequest request = builder.build();
        Map<String, ClaimResult> results = new LinkedHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            private TestPlan plan;

            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
                Map<String, Integer> perClaim = new java.util.TreeMap<>();
                int properties = 0;
                java.util.ArrayDeque<TestIdentifier> todo = new java.util.ArrayDeque<>(testPlan.getRoots());
                while (!todo.isEmpty()) {
                    TestIdentifier t = todo.pop();
                    todo.addAll(testPlan.getChildren(t));
                    if (isProperty(t)) {
                        properties++;
                        for (String tag : claimTags(t)) {
                            perClaim.merge(tag, 1, Integer::sum);
                        }
                    }
                }
                progress.planned(properties, perClaim);
            }

            private final Map<TestIdentifier, Long> started = new java.util.HashMap<>();
            /** Worst outcome so far of each property's invocations. */
            private final Map<String, TestExecutionResult.Status> worst = new java.util.HashMap<>();

            /** A test method's node: it has a method source and its parent has none. */
            private boolean isProperty(TestIdentifier t) {
                return hasMethodSource(t) && plan.getParent(t).map(p -> !hasMethodSource(p)).orElse(true);
            }

            private boolean hasMethodSource(TestIdentifier t) {
                return t.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource).orElse(false);
            }

            private TestIdentifier propertyOf(TestIdentifier t) {
                TestIdentifier p = t;
                while (p != null && !isProperty(p)) {
                    p = plan.getParent(p).orElse(null);
                }
                return p;
            }

            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.put(id, System.nanoTime());
                }
            }

            private String lastHeading;

            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                String rate = entry.getKeyValuePairs().get(ClaimOutput.RATE_KEY);
                if (rate != null) {
                    PropertyRate parsed = PropertyRate.parse(propertyName(id), rate);
                    for (String tag : parsed == null ? Set.<String>of() : claimTags(id)) {
                        results.computeIfAbsent(tag, k -> new ClaimResult()).rates.add(parsed);
                    }
                }
                String text = entry.getKeyValuePairs().get(ClaimOutput.KEY);
                if (text == null) {
                    return;
                }
                for (String tag : claimTags(id)) {
                    List<String> measured = results.computeIfAbsent(tag, k -> new ClaimResult()).measured;
                    for (String line : text.split("\\R")) {
                        if (measured.size() < MEASURED_LINES) {
                            measured.add(line);
                        }
                    }
                }
                String heading = "## " + propertyName(id) + " " + id.getDisplayName();
                if (!heading.equals(lastHeading)) {
                    output.accept("");
                    output.accept(heading);
                    lastHeading = heading;
                }
                output.accept(text);
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (isProperty(id)) {
                    progress.finished(propertyName(id), claimTags(id), null);
                }
                if (id.isTest()) {
                    for (String tag : claimTags(id)) {
                        results.computeIfAbsent(tag, k -> new ClaimResult()).skipped++;
                    }
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                TestIdentifier property = propertyOf(id);
                if (property != null) {
                    worst.merge(property.getUniqueId(), result.getStatus(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
                if (property == id) {
                    progress.finished(propertyName(id), claimTags(id), worst.remove(id.getUniqueId()));
                }
                if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    return;
                }
                if (!id.isTest()) { // a container failed (e.g. class set-up): count it as a failure of its claims
                    if (result.getThrowable().isEmpty()) {
                        return;
                    }
                }
                Long t0 = started.remove(id);
                double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
                Set<String> tags = claimTags(id);
                for (String tag : tags) {
                    ClaimResult r = results.computeIfAbsent(tag, k -> new ClaimResult());
                    r.seconds += seconds;
                    r.properties.add(propertyName(id));
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                        r.passed++;
                    } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                        // the kit aborts a property whose capability the backend lacks: "not supported", not a failure
                        r.notSupported++;
                        if (r.notSupportedReasons.size() < 5) {
                            r.notSupportedReasons.add(propertyName(id) + ": "
                                    + result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("aborted"));
                        }
                    } else {
                        r.failed++;
                        String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(result.getStatus().toString());
                        message = message.replaceAll("\\s+", " ");
                        if (message.length() > 600) {
                            message = message.substring(0, 600) + "…";
                        }
                        if (r.failures.size() < 5) {
                            r.failures.add(id.getDisplayName() + " [" + propertyName(id) + "]: " + message);
                        }
                    }
                }
            }

            private Set<String> claimTags(TestIdentifier id) {
                Set<String> tags = new TreeSet<>();
                for (TestIdentifier t = id; t != null; t = plan.getParent(t).orElse(null)) {
                    for (TestTag tag : t.getTags()) {
                        if (tag.getName().matches("C\\d+")) {
                            tags.add(tag.getName());
                        }
                    }
                }
                if (tags.isEmpty()) {
                    tags.add("-");
                }
                return tags;
            }

            private String propertyName(TestIdentifier id) {
                TestIdentifier t = id;
                while (t != null && t.getSource().map(s -> !(s instanceof org.junit.platform.engine.support.descriptor.MethodSource)).orElse(true)) {
                    t = plan.getParent(t).orElse(null);
                }
                if (t == null) {
                    return id.getDisplayName();
                }
                var ms = (org.junit.platform.engine.support.descriptor.MethodSource) t.getSource().get();
                return ms.getClassName().replaceAll(".*[.$]", "") + "." + ms.getMethodName();
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return results;
    }
}
