package org.beyondlazy.experiments.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The exclusive lock of an output directory (spec E9.10 for a sweep's {@code DIR/sweep.lock}, E9.8 for
 * {@code run --out DIR}'s {@code .DIR.lock} beside it): an operating-system lock ({@link FileChannel#tryLock}) on a lock
 * file, which holds {@code pid@host} of the holder. The operating system releases the lock when the holder dies however
 * it dies, so a lock that can be taken is free; when the file still names another process, that process died holding
 * it (a stale lock) and a notice says it was taken over. A lock that cannot be taken is refused with one line naming its
 * holder ({@link ErrorCode#INVALID_INPUT}). The scaling-law directory of E9.21 takes the sweep's lock file
 * ({@link #scalingLaw}).
 */
@SpecRef({"E9.8", "E9.10", "E9.21"})
public final class DirectoryLock implements AutoCloseable {
    /** The lock file of a sweep directory, inside it. */
    static final String SWEEP_FILE = "sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** This process as the lock file writes it. */
    static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    /** The lock of a sweep directory: {@code dir/sweep.lock}. */
    static DirectoryLock sweep(Path dir, Consumer<String> notices) {
        return acquire(dir.resolve(SWEEP_FILE), dir.toString(), "another sweep is running in this directory", notices);
    }

    /** The lock of a scaling-law study's directory (E9.21): {@code dir/sweep.lock}, as a sweep's. */
    public static DirectoryLock scalingLaw(Path dir, Consumer<String> notices) {
        return acquire(dir.resolve(SWEEP_FILE), dir.toString(), "another scaling-law study is running in this directory", notices);
    }

    /** The lock file of {@code run --out dir}: {@code .<name>.lock} beside {@code dir} (a reader ignores dot names). */
    static Path runFile(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * The lock of a run directory ({@link #runFile}). The file stays (empty) after release, as {@code sweep.lock} does:
     * deleting it would let a process that opened it just before lock a file no longer named by the path.
     */
    static DirectoryLock run(String source, Path dir, Consumer<String> notices) {
        return acquire(runFile(dir), source, "another run is writing this directory", notices);
    }

    /**
     * Takes the lock {@code file} or fails.
     *
     * @param source  how the refusal names what is locked
     * @param busy    the refusal's reason, e.g. "another sweep is running in this directory"
     * @param notices receives the stale-lock notice
     * @throws BeyondLazyException INVALID_INPUT when another process holds it; IO_FAILURE when it cannot be written
     */
    static DirectoryLock acquire(Path file, String source, String busy, Consumer<String> notices) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, busy + " (lock " + file.getFileName() + " held by "
                        + (previous.isEmpty() ? "an unknown process" : previous) + "); wait for it to end or stop it");
            }
            String me = holder();
            if (!previous.isEmpty() && !previous.equals(me)) {
                notices.accept("took over the stale lock " + file + " of " + previous + " (that process no longer holds it)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BeyondLazyException(ErrorCode.IO_FAILURE, file.toString(), "cannot lock: " + e.getMessage());
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** Empties the file (a clean end leaves no holder to report) and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the operating system releases the lock with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
