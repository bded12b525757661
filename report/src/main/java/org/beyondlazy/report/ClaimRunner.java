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

        public int total() {
            return passed + failed;
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
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameters(parameters);
        if (onlyClaims != null) {
            builder.filters(org.junit.platform.launcher.TagFilter.includeTags(List.copyOf(onlyClaims)));
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
            }

            private String lastHeading;

            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                String text = entry.getKeyValuePairs().get(ClaimOutput.KEY);
                if (text == null) {
                    return;
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
                if (id.isTest()) {
                    for (String tag : claimTags(id)) {
                        results.computeIfAbsent(tag, k -> new ClaimResult()).skipped++;
                    }
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    return;
                }
                if (!id.isTest()) { // a container failed (e.g. class set-up): count it as a failure of its claims
                    if (result.getThrowable().isEmpty()) {
                        return;
                    }
                }
                for (String tag : claimTags(id)) {
                    ClaimResult r = results.computeIfAbsent(tag, k -> new ClaimResult());
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
