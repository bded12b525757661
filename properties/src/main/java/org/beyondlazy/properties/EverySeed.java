package org.beyondlazy.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a property's check on every one of its seeds and fails once, after the last, naming every seed that
 * failed with its message: a failure on one seed does not hide the verdicts on the others (a reviewer sees
 * whether a claim fails on one seed or on all). Only assertion failures are collected; anything else — a
 * capability the backend lacks (reported as "not supported"), a coded numerical error — stops the seeds at
 * once. If it comes after an assertion failure the property still fails, with that exception added to the
 * failure, so a later "not supported" or error never hides an earlier failure. When every seed passes this is
 * the plain loop.
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
        RuntimeException stoppedBy = null;
        long stoppedAt = 0;
        for (long seed : seeds) {
            try {
                check.accept(seed);
            } catch (AssertionError e) {
                failing.add(seed);
                failures.add(e);
            } catch (RuntimeException e) {
                if (failures.isEmpty()) {
                    throw e;
                }
                stoppedBy = e;
                stoppedAt = seed;
                break;
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(property).append(": fails on ").append(failing.size())
                .append(" of ").append(stoppedBy == null ? seeds.length + " seeds " : "the seeds run ").append(failing);
        if (stoppedBy != null) {
            message.append("; then seed ").append(stoppedAt).append(" stopped the check: ").append(stoppedBy);
        }
        for (int i = 0; i < failures.size(); i++) {
            String first = String.valueOf(failures.get(i).getMessage()).strip().lines().findFirst().orElse("");
            message.append(System.lineSeparator()).append("  seed ").append(failing.get(i)).append(": ").append(first);
        }
        AssertionError all = new AssertionError(message.toString(), failures.get(0));
        failures.stream().skip(1).forEach(all::addSuppressed);
        if (stoppedBy != null) {
            all.addSuppressed(stoppedBy);
        }
        throw all;
    }
}
