package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beyondlazy.properties.ClaimSettings;
import org.junit.jupiter.api.Test;

/**
 * The launcher run: settings reach the properties as configuration parameters, measurements come back as
 * report entries, and neither a system property nor standard output is touched.
 */
class ClaimRunnerTest {
    @Test
    void settingsGoInAsParametersAndMeasurementsComeBackAsEntries() {
        String seedBefore = System.getProperty(ClaimSettings.SEED);
        String examplesBefore = System.getProperty(ClaimSettings.EXAMPLES);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> output = new ArrayList<>();
        Map<String, ClaimRunner.ClaimResult> results;
        // watch standard output only to show that nothing reaches it; the runner does not replace it
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            results = ClaimRunner.run(List.of(SettingsProbe.class), null,
                    Map.of(ClaimSettings.SEED, "7", ClaimSettings.EXAMPLES, "3", ClaimSettings.STDOUT, "false"), output::add);
        } finally {
            System.setOut(stdout);
        }
        assertThat(results.get("C1").passed).isEqualTo(1);
        assertThat(output).contains("seed=7 examples=3").anyMatch(l -> l.startsWith("## SettingsProbe.reportsTheSettings"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(System.getProperty(ClaimSettings.SEED)).isEqualTo(seedBefore);
        assertThat(System.getProperty(ClaimSettings.EXAMPLES)).isEqualTo(examplesBefore);
    }

    @Test
    void ratesComeBackAsNumbersAndTheListenerHearsEveryTest() {
        List<String> heard = new ArrayList<>();
        int[] planned = new int[1];
        Map<String, ClaimRunner.ClaimResult> results = ClaimRunner.run(List.of(SettingsProbe.class), null, java.util.Set.of(),
                Map.of(ClaimSettings.STDOUT, "false"), line -> { }, new ClaimRunner.Listener() {
                    @Override
                    public void planned(int tests, Map<String, Integer> perClaim) {
                        planned[0] = tests;
                        assertThat(perClaim).containsEntry("C1", 1).containsEntry("C2", 1);
                    }

                    @Override
                    public void finished(String property, java.util.Set<String> claims, org.junit.platform.engine.TestExecutionResult.Status status) {
                        heard.add(property + " " + claims + " " + status);
                    }
                });
        assertThat(planned[0]).isEqualTo(2);
        assertThat(heard).containsExactlyInAnyOrder("SettingsProbe.reportsTheSettings [C1] SUCCESSFUL", "SettingsProbe.reportsARate [C2] SUCCESSFUL");
        ClaimRunner.PropertyRate rate = results.get("C2").rates.get(0);
        assertThat(rate).isEqualTo(new ClaimRunner.PropertyRate("SettingsProbe.reportsARate", "probe rate", 19, 20, List.of(4L)));
        assertThat(rate.wilson().lower()).isCloseTo(0.7639, org.assertj.core.data.Offset.offset(1e-4)); // hand-computed, IntervalsTest
        assertThat(results.get("C2").measured).anyMatch(l -> l.startsWith("probe rate: 19/20"));
    }

    @Test
    void withoutParametersThePropertiesUseTheirDefaults() {
        List<String> output = new ArrayList<>();
        ClaimRunner.run(List.of(SettingsProbe.class), null, Map.of(), output::add);
        assertThat(output).contains("seed=" + ClaimSettings.seed() + " examples=5");
    }
}
