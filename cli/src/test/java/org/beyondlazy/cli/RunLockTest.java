package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run}s into one {@code --out} (spec E9.8): the second, started while the first holds {@code .DIR.lock}, is
 * refused before any work with one line naming the holder ({@code INVALID_INPUT}, exit 2); after the first dies by kill
 * -9 its lock is stale, and the next run takes it over with a notice and publishes its directory.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunLockTest {
    /** A hang guard for the first run to take its lock (JVM start and config validation), not a timing assertion. */
    static final long LOCK_BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void aSecondRunIntoTheSameDirectoryIsRefusedAndAStaleLockIsTakenOver() throws Exception {
        Path out = dir.resolve("run");
        Path lock = dir.resolve(".run.lock");
        // tiny problem, many steps: the first run is still computing (holding the lock) when the second starts
        Path longRun = Files.writeString(dir.resolve("long.json"), "{\"dim\": 4, \"width\": 3, \"rank\": 2, \"steps\": 100000000, "
                + "\"logEvery\": 1000000}");
        Path shortRun = Files.writeString(dir.resolve("short.json"), "{\"dim\": 4, \"width\": 3, \"rank\": 2, \"steps\": 200}");
        ChildCli first = ChildCli.start(dir.resolve("logs"), "first", "run", "--config", longRun.toString(), "--out", out.toString());
        String holder = first.process.pid() + "@";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_BOUND_SECONDS);
        while (!(Files.exists(lock) && Files.readString(lock).startsWith(holder))) {
            assertThat(first.process.isAlive()).as(first.describe()).isTrue();
            assertThat(System.nanoTime()).as("the first run never took its lock").isLessThan(deadline);
            Thread.sleep(20);
        }

        ChildCli second = ChildCli.start(dir.resolve("logs"), "second", "run", "--config", shortRun.toString(), "--out", out.toString());
        int refused = second.await();
        assertThat(first.process.isAlive()).as("the first run still holds the lock").isTrue();
        assertThat(refused).as(second.describe()).isEqualTo(ExitStatus.BAD_INPUT);
        String line = Files.readString(second.stderr).strip();
        assertThat(line.lines().count()).as(line).isEqualTo(1);
        assertThat(line).contains("another run", holder).endsWith("[INVALID_INPUT]");
        assertThat(out).doesNotExist();

        first.kill9();
        assertThat(Files.readString(lock)).as("a lock file naming a dead process").startsWith(holder);
        CliRun third = CliRun.of("run", "--config", shortRun.toString(), "--out", out.toString());
        assertThat(third.status()).as(third.toString()).isZero();
        assertThat(third.err()).contains("took over the stale lock", holder);
        assertThat(FaultInjectionTest.checkRun(out)).isEqualTo("plain");
        assertThat(Files.readString(lock)).as("released: no holder named").isEmpty();
    }
}
