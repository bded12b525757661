package org.beyondlazy.experiments.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.beyondlazy.core.SpecRef;

/**
 * {@code fsync(2)} of files and directories, so that what a run directory's publication (spec E9.7, E9.8) made visible
 * also survives a power loss: a file's data and size, and a directory's entries (a rename, a new file). Done as
 * Lucene's {@code IOUtils.fsync} does it: a file through a channel opened for writing, a directory through one opened
 * for reading (POSIX has no other way to sync a directory from Java); on Windows a directory cannot be opened so and is
 * skipped (NTFS journals its renames itself).
 */
@SpecRef("E9.8")
public final class Durable {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Durable() {
    }

    /** Forces a regular file's data and metadata to disk. */
    public static void file(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a directory's entries to disk (skipped on Windows). */
    public static void directory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Forces every regular file under {@code dir}, then every directory, deepest first, {@code dir} last. */
    public static void tree(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p)) {
                file(p);
            }
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                directory(p);
            }
        }
    }
}
