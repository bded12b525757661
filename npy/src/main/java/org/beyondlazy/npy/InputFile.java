package org.beyondlazy.npy;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opening an input path the way Unix tools do (spec E9.1): a regular file, or a pipe — a FIFO made with
 * {@code mkfifo}, or the {@code /dev/fd/N} of a shell's process substitution {@code <(…)} — read as a stream
 * whose length is not known up front. A directory, a character or block device (e.g. {@code /dev/zero})
 * and a socket are refused with {@link NpyError#IO_ERROR}: they are not data files, and a device may
 * never end.
 *
 * <p>Opening a FIFO blocks until a writer opens its other end (POSIX). So that a forgotten FIFO does not
 * hang the command, the open waits at most {@link #fifoWaitSeconds()} (environment variable
 * {@value #FIFO_WAIT_VARIABLE}, default {@value #DEFAULT_FIFO_WAIT_SECONDS} s) and then fails naming the
 * input. Once open, reading behaves like {@code cat}: it waits for data while a writer holds the pipe open
 * and ends when the last writer closes it.
 */
public final class InputFile {
    /** Environment variable overriding the wait for a FIFO's writer, in seconds (a positive integer). */
    public static final String FIFO_WAIT_VARIABLE = "BEYONDLAZY_FIFO_WAIT_SECONDS";
    /** System property overriding the variable (for a process that cannot change its environment, e.g. a test). */
    public static final String FIFO_WAIT_PROPERTY = "beyondlazy.fifoWaitSeconds";
    /** Default wait for a FIFO's writer, in seconds: long enough for a slow producer to start. */
    public static final int DEFAULT_FIFO_WAIT_SECONDS = 30;

    /** What kind of thing a path is, from its {@code st_mode} (symbolic links followed). */
    public enum Kind { REGULAR, PIPE, DIRECTORY, DEVICE, SOCKET, MISSING }

    private InputFile() {
    }

    /** The kind of {@code path}; {@link Kind#PIPE} for a FIFO or an anonymous pipe such as {@code /dev/fd/63}. */
    public static Kind kind(Path path) {
        if (!Files.exists(path)) {
            return Kind.MISSING;
        }
        if (Files.isDirectory(path)) {
            return Kind.DIRECTORY;
        }
        if (Files.isRegularFile(path)) {
            return Kind.REGULAR;
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            int type = mode & 0170000; // S_IFMT
            return switch (type) {
                case 0010000 -> Kind.PIPE; // S_IFIFO
                case 0140000 -> Kind.SOCKET; // S_IFSOCK
                case 0020000, 0060000 -> Kind.DEVICE; // S_IFCHR, S_IFBLK
                default -> Kind.DEVICE;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Kind.PIPE; // no unix view (not Linux or macOS): treat an unknown special file as a stream
        }
    }

    /**
     * Opens {@code path} for reading.
     *
     * @param path   the input; not modified
     * @param source the name used in messages
     * @return a stream the caller closes; for a pipe, a buffered {@link FileInputStream} (its {@code available()} works
     *         on pipes, unlike the channel stream of {@code Files.newInputStream}, which seeks)
     * @throws NpyException NOT_FOUND, or IO_ERROR for a directory, a device, a socket, a FIFO whose writer does
     *                      not appear in time, or an error of the operating system
     */
    public static InputStream open(Path path, String source) throws NpyException {
        Kind kind = kind(path);
        try {
            return switch (kind) {
                case MISSING -> throw new NpyException(NpyError.NOT_FOUND, source);
                case DIRECTORY -> throw new NpyException(NpyError.IO_ERROR, source, "is a directory, not a file");
                case DEVICE -> throw new NpyException(NpyError.IO_ERROR, source, "is a device file, not a regular file or a pipe");
                case SOCKET -> throw new NpyException(NpyError.IO_ERROR, source, "is a socket, not a regular file or a pipe");
                case REGULAR -> Files.newInputStream(path);
                case PIPE -> openPipe(path, source);
            };
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new NpyException(NpyError.NOT_FOUND, source);
        } catch (IOException e) {
            throw NpyReader.ioError(source, e);
        }
    }

    /** The size of a regular file, else -1 (a pipe's length is not known before it ends). */
    public static long knownLength(Path path) {
        try {
            return Files.isRegularFile(path, new LinkOption[0]) ? Files.size(path) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads the whole input (a config file or a pipe) at most {@code limit} bytes long. */
    public static byte[] readAll(Path path, String source, int limit) throws NpyException {
        try (InputStream in = open(path, source)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new NpyException(NpyError.IO_ERROR, source, "longer than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw NpyReader.ioError(source, e);
        }
    }

    /** The bounded wait for a FIFO's writer, in seconds. */
    public static int fifoWaitSeconds() {
        String value = System.getProperty(FIFO_WAIT_PROPERTY, System.getenv(FIFO_WAIT_VARIABLE));
        if (value != null) {
            try {
                int seconds = Integer.parseInt(value.trim());
                if (seconds > 0) {
                    return seconds;
                }
            } catch (NumberFormatException ignored) {
                // a bad value falls back to the default, as an unset one does
            }
        }
        return DEFAULT_FIFO_WAIT_SECONDS;
    }

    /**
     * Opens a pipe in a daemon thread so the wait for a writer is bounded. On a timeout the thread stays
     * blocked in the operating system's open; it is a daemon, so it does not keep the process alive.
     */
    private static InputStream openPipe(Path path, String source) throws NpyException, IOException {
        // opened in a daemon thread: POSIX open(2) of a FIFO blocks until a writer appears
        CompletableFuture<FileInputStream> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(new FileInputStream(path.toFile()));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "open " + source);
        opener.setDaemon(true);
        opener.start();
        int wait = fifoWaitSeconds();
        try {
            // buffered: FileInputStream's own readNBytes/readAllBytes ask for the length and position, which a pipe has not
            return new BufferedInputStream(opening.get(wait, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new NpyException(NpyError.IO_ERROR, source, "is a FIFO and no writer opened it within " + wait + " s (set "
                    + FIFO_WAIT_VARIABLE + " to wait longer)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NpyException(NpyError.IO_ERROR, source, "interrupted while waiting for a FIFO's writer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new NpyException(NpyError.IO_ERROR, source, String.valueOf(e.getCause()));
        }
    }
}
