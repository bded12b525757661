package org.beyondlazy.report;

import org.beyondlazy.core.Backend;
import org.beyondlazy.properties.BackendUnderTest;
import org.beyondlazy.properties.ClaimOutput;
import org.beyondlazy.properties.ClaimSettings;
import org.beyondlazy.properties.SuccessRate;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A suite that reports the settings it sees, run by {@link ClaimRunnerTest} through the launcher (its
 * name keeps surefire from running it on its own).
 */
public class SettingsProbe implements BackendUnderTest {
    @Override
    public Backend backend() {
        return new ReferenceBackend();
    }

    @Test
    @Tag("C1")
    void reportsTheSettings() {
        ClaimOutput.printf("seed=%d examples=%d", ClaimSettings.seed(), ClaimSettings.examples(5));
    }

    @Test
    @Tag("C2")
    void reportsARate() {
        SuccessRate rate = new SuccessRate("probe rate");
        for (long seed = 0; seed < 20; seed++) {
            rate.record(seed, seed != 4);
        }
        ClaimOutput.println(rate);
    }
}
