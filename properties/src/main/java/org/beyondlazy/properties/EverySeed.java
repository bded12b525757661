package org.beyondlazy.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a property's check on every one of its seeds and fails once, after the last, naming every seed that
 * failed with its message: a failure on one seed does not hide the verdicts on the others (a reviewer sees
 * whether a claim fails on one seed or on all). Only assertion failures are collected; anything else — a
 * capability the backend lacks (reported as "not supported"), a coded numerical error — stops at once, as a
 * plain loop would. When every seed passes this is the plain loop.
 */
final class EverySeed {
    private EverySeed() {
    }

    /**
     * @param property what is checked, for the message (e.g. the test's name)
     * @param seeds    the seeds, in the order they run
     * @param check    the check of one seed; signals failure with an {@link AssertionError}
     * @throws AssertionError after all seeds ran, if any failed: "property: fails on k of n seeds [s1, s2]",
     *                        then one line per failing seed; the first failure is the cause, the others are suppressed
     */
    static void check(String property, long[] seeds, LongConsumer check) {
        List<Long> failing = new ArrayList<>();
        List<AssertionError> failures = new ArrayList<>();
        for (long seed : seeds) {
            try {
                check.accept(seed);
            } catch (AssertionError e) {
                failing.add(seed);
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(property).append(": fails on ").append(failing.size())
                .append(" of ").append(seeds.length).append(" seeds ").append(failing);
        for (int i = 0; i < failures.size(); i++) {
            String first = String.valueOf(failures.get(i).getMessage()).strip().lines().findFirst().orElse("");
            message.append(System.lineSeparator()).append("  seed ").append(failing.get(i)).append(": ").append(first);
        }
        AssertionError all = new AssertionError(message.toString(), failures.get(0));
        failures.stream().skip(1).forEach(all::addSuppressed);
        throw all;
    }
}
