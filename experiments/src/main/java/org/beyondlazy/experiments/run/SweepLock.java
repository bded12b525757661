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
 * The exclusive lock of a sweep directory (spec E9.10): an operating-system lock ({@link FileChannel#tryLock}) on
 * {@code sweep.lock}, which holds {@code pid@host} of the holder. The operating system releases the lock when the
 * holder dies however it dies, so a lock that can be taken is free; when the file still names another process, that
 * process died holding it (a stale lock) and a notice says it was taken over. A lock that cannot be taken is
 * refused with one line naming its holder. The scaling-law directory of E9.21 takes the same lock.
 */
@SpecRef("E9.10")
public final class SweepLock implements AutoCloseable {
    public static final String FILE = "sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
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

    /**
     * Takes the lock of {@code dir} or fails.
     *
     * @param notices receives the stale-lock notice
     * @throws BeyondLazyException INVALID_INPUT when another process holds it; IO_FAILURE when it cannot be written
     */
    public static SweepLock acquire(Path dir, Consumer<String> notices) {
        Path file = dir.resolve(FILE);
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
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, dir.toString(), "another sweep is running in this directory (lock "
                        + FILE + " held by " + (previous.isEmpty() ? "an unknown process" : previous) + "); wait for it to end or stop it");
            }
            String me = holder();
            if (!previous.isEmpty() && !previous.equals(me)) {
                notices.accept("took over the stale lock " + file + " of " + previous + " (that process no longer holds it)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new SweepLock(channel, lock);
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
