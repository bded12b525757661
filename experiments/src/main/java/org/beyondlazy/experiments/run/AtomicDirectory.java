package org.beyondlazy.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.beyondlazy.core.SpecRef;

/**
 * Output directories that appear complete or not at all (spec E9.7): the files are built in a temporary
 * directory {@code .<name>.tmp…} beside the target, then moved in, the file that marks completion last;
 * the temporary directory is removed whether or not the build succeeds. A process killed mid-build leaves
 * only the temporary directory, which {@link #removeInterrupted} deletes on the next run.
 */
@SpecRef("E9.7")
public final class AtomicDirectory {
    private AtomicDirectory() {
    }

    /** Writes files into a directory (the temporary one). */
    @FunctionalInterface
    public interface Build<T> {
        T into(Path directory) throws IOException;
    }

    /**
     * Builds the contents of {@code dir} (created if needed; existing files of the same names are replaced)
     * and moves them into place, {@code last} after every other file.
     *
     * @return what {@code build} returned
     * @throws UncheckedIOException naming {@code dir} when a file cannot be written
     */
    public static <T> T publish(Path dir, String last, Build<T> build) {
        Path target = dir.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp");
            try {
                T value = build.into(tmp);
                Files.createDirectories(target);
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString().equals(last) ? 1 : 0)).toList()) {
                        Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return value;
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(dir + ": cannot write: " + e.getMessage(), e));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(new IOException(dir + ": cannot write: " + e.getCause().getMessage(), e.getCause()));
        }
    }

    /** Deletes the temporary directories {@code .<name>.tmp…} that interrupted builds left in {@code parent}. */
    public static void removeInterrupted(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> list = Files.list(parent)) {
            for (Path p : list.filter(q -> Files.isDirectory(q) && q.getFileName().toString().matches("\\..+\\.tmp.*")).toList()) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(parent + ": cannot clean up: " + e.getMessage(), e));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
