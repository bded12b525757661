package org.beyondlazy.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.beyondlazy.core.SpecRef;

/**
 * Directories published as one transaction (spec E9.7): the whole directory is built under a temporary name
 * {@code .<name>.tmp…} beside the target and renamed into place; an earlier directory of the same name is first
 * renamed aside to {@code .<name>.old…} and deleted after the swap. A reader sees the old directory, no
 * directory, or the new one — never files of two builds together.
 *
 * <p>Durability (E9.8): before the renames every file of the build and the build's directory are forced to disk
 * ({@code fsync}), and after them the parent directory (and a parent this publish created, in its own parent), so a
 * published directory survives a power loss whole; a power loss before that leaves what a kill leaves.
 *
 * <p>What an interruption leaves and who cleans it: a kill during the build leaves {@code .<name>.tmp…}, deleted
 * by the next {@link #publish} into the same parent ({@link #removeInterrupted}); a kill between the two renames
 * leaves no target and {@code .<name>.old…}, which the next publish or clean-up renames back. SIGTERM and Ctrl-C
 * run {@link #abandonBuildsInProgress} (the command's signal handler, and a shutdown hook for other exits), which
 * deletes the temporary directories of builds in progress. A temporary directory is registered before it is
 * created, and creating it, a build's swap and the clean-up exclude each other, so no temporary directory escapes
 * the clean-up and a directory being deleted is never moved into place.
 */
@SpecRef("E9.7")
public final class AtomicDirectory {
    /** Temporary directories of builds in progress, deleted by the shutdown hook. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /** Guards the swaps against the shutdown hook. */
    private static final Object SWAP = new Object();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicDirectory::abandonBuildsInProgress, "beyondlazy-cleanup"));
    }

    private AtomicDirectory() {
    }

    /** Writes files into a directory (the temporary one). */
    @FunctionalInterface
    public interface Build<T> {
        T into(Path directory) throws IOException;
    }

    /**
     * Builds a directory and publishes it as {@code dir}, replacing an earlier {@code dir} as a whole.
     *
     * @return what {@code build} returned
     * @throws UncheckedIOException naming {@code dir} when it cannot be written (nothing is published then)
     */
    public static <T> T publish(Path dir, Build<T> build) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path tmp = null;
        try {
            boolean newParent = !Files.isDirectory(parent);
            Files.createDirectories(parent);
            if (newParent && parent.getParent() != null) {
                Durable.directory(parent.getParent()); // the parent's own entry, so that the published directory is reachable
            }
            removeInterrupted(parent, name);
            tmp = createRegistered(parent, name);
            T value = build.into(tmp);
            Durable.tree(tmp);
            swap(tmp, target, parent.resolve("." + name + ".old-" + UUID.randomUUID()));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(dir + ": cannot write: " + e.getMessage(), e));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(new IOException(dir + ": cannot write: " + e.getCause().getMessage(), e.getCause()));
        } finally {
            if (tmp != null) {
                IN_PROGRESS.remove(tmp);
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Creates the build's temporary directory {@code .<name>.tmp<random>} in {@code parent}, registered for the clean-up
     * before it exists; refused once the clean-up has begun.
     */
    private static Path createRegistered(Path parent, String name) throws IOException {
        synchronized (SWAP) {
            if (shuttingDown) {
                throw new IOException("the process is shutting down");
            }
            while (true) {
                Path tmp = parent.resolve("." + name + ".tmp" + UUID.randomUUID());
                IN_PROGRESS.add(tmp);
                try {
                    Files.createDirectory(tmp);
                    return tmp;
                } catch (FileAlreadyExistsException taken) {
                    IN_PROGRESS.remove(tmp); // another build's name (a random collision): draw again
                } catch (IOException e) {
                    IN_PROGRESS.remove(tmp);
                    throw e;
                }
            }
        }
    }

    private static void swap(Path tmp, Path target, Path old) throws IOException {
        synchronized (SWAP) {
            if (shuttingDown) {
                throw new IOException("the process is shutting down");
            }
            boolean replaced = false;
            if (Files.exists(target)) {
                move(target, old);
                replaced = true;
            }
            move(tmp, target);
            Durable.directory(target.getParent()); // both renames on disk before the old directory goes
            if (replaced) {
                deleteQuietly(old);
            }
        }
    }

    /**
     * Cleans what interrupted publishes of {@code name} left in {@code parent}: deletes {@code .<name>.tmp…}; puts
     * back {@code .<name>.old…} when the target is missing (a kill between the renames), else deletes it.
     */
    public static void removeInterrupted(Path parent, String name) {
        clean(parent, p -> p.equals(name));
    }

    /** {@link #removeInterrupted(Path, String)} for every name in {@code parent} (a sweep's {@code runs/}). */
    public static void removeInterrupted(Path parent) {
        clean(parent, p -> true);
    }

    private static void clean(Path parent, java.util.function.Predicate<String> names) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> list = Files.list(parent)) {
            leftovers = list.filter(q -> q.getFileName().toString().matches("\\..+\\.(tmp|old-).*")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(parent + ": cannot clean up: " + e.getMessage(), e));
        }
        for (Path p : leftovers) {
            String file = p.getFileName().toString();
            boolean old = file.matches("\\..+\\.old-.*");
            String name = file.substring(1, file.lastIndexOf(old ? ".old-" : ".tmp"));
            if (!names.test(name) || IN_PROGRESS.contains(p)) {
                continue;
            }
            try {
                if (old && !Files.exists(parent.resolve(name))) {
                    move(p, parent.resolve(name));
                } else {
                    deleteTree(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException(p + ": cannot clean up: " + e.getMessage(), e));
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * The clean-up of SIGTERM, Ctrl-C and the shutdown hook: no build starts or swaps after it, and the temporary
     * directories of builds in progress are deleted (a writer adding a file meanwhile fails, as its directory is gone;
     * a few attempts delete what it added). Idempotent; safe to call from any thread.
     */
    public static void abandonBuildsInProgress() {
        synchronized (SWAP) {
            shuttingDown = true;
        }
        for (int attempt = 0; attempt < CLEAN_UP_ATTEMPTS && !IN_PROGRESS.isEmpty(); attempt++) {
            for (Path p : List.copyOf(IN_PROGRESS)) {
                if (deleteQuietly(p)) {
                    IN_PROGRESS.remove(p);
                }
            }
        }
    }

    /** Attempts of the clean-up per directory: each one loses at most the file a writer created during the walk. */
    private static final int CLEAN_UP_ATTEMPTS = 20;

    private static boolean deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false; // a writer still adding files; the next clean-up deletes the rest
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
