package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The BLAS (and LAPACK) the fast path runs on (spec E8.6), chosen once per JVM in this order:
 * <ol>
 *   <li><b>bundled</b>: the OpenBLAS shipped inside the {@code org.bytedeco:openblas} jar for this
 *       platform, extracted and loaded by JavaCPP, bound through dev.ludovic.netlib's JNI;</li>
 *   <li><b>system</b>: a system OpenBLAS ({@code libopenblas.so.0} and its Debian/Fedora variants on the
 *       library path), identified from the file's contents before it is loaded;</li>
 *   <li><b>java</b>: netlib's pure-Java BLAS.</li>
 * </ol>
 * A library that is not identified as OpenBLAS (Debian's reference {@code libblas3} above all) is never
 * chosen automatically: netlib's own default ({@code libblas.so.3}, whatever the alternatives system
 * points it to) is bypassed. A choice is forced with the system property {@value #CHOICE_PROPERTY} or
 * the environment variable {@value #CHOICE_ENV} ({@code auto|bundled|system|java}); a forced choice that
 * cannot be honoured is an error ({@link ErrorCode#INVALID_PARAMETER}), never a silent fall-back. One
 * named file is loaded with {@value #LIBRARY_PROPERTY} / {@value #LIBRARY_ENV} (reported with what it
 * was identified as, "reference" included). The bundled library's thread count is set from
 * {@value #THREADS_PROPERTY} / {@value #THREADS_ENV}, else {@code OPENBLAS_NUM_THREADS}, else the
 * available processors.
 *
 * <p>netlib decides which native library it binds when one of its classes is first initialized, so
 * every use goes through this class ({@link #best()}, {@link #pureJava()}), which makes the choice
 * first.
 */
@SpecRef("E8.6")
public final class Blas {
    /** System property forcing the choice: auto, bundled, system or java. */
    public static final String CHOICE_PROPERTY = "beyondlazy.blas";
    /** Environment variable forcing the choice (the system property wins). */
    public static final String CHOICE_ENV = "BEYONDLAZY_BLAS";
    /** System property naming one shared library to load (identified and reported, reference BLAS included). */
    public static final String LIBRARY_PROPERTY = "beyondlazy.blas.library";
    /** Environment variable naming one shared library to load. */
    public static final String LIBRARY_ENV = "BEYONDLAZY_BLAS_LIBRARY";
    /** System property: threads of the bundled OpenBLAS. */
    public static final String THREADS_PROPERTY = "beyondlazy.blas.threads";
    /** Environment variable: threads of the bundled OpenBLAS. */
    public static final String THREADS_ENV = "BEYONDLAZY_BLAS_THREADS";

    static final String NETLIB_BLAS_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    static final String NETLIB_BLAS_NAME = "dev.ludovic.netlib.blas.nativeLib";
    static final String NETLIB_LAPACK_PATH = "dev.ludovic.netlib.lapack.nativeLibPath";
    static final String NETLIB_LAPACK_NAME = "dev.ludovic.netlib.lapack.nativeLib";
    /** A library name that cannot exist: keeps netlib from loading its default {@code libblas.so.3}. */
    static final String NO_LIBRARY = "libbeyondlazy-no-native-blas.so";
    /** The Maven coordinates of the bundled library, for the report. */
    static final String BUNDLED_ARTIFACT = "org.bytedeco:openblas";

    /** Where the BLAS comes from. */
    public enum Source {
        /** OpenBLAS shipped inside the org.bytedeco:openblas jar. */
        BUNDLED,
        /** A shared library installed on the machine. */
        SYSTEM,
        /** netlib's pure-Java implementation. */
        JAVA;

        /** Lower-case name, as accepted by {@value Blas#CHOICE_PROPERTY}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a shared library was identified as (from its contents and its resolved path). */
    public enum Kind {
        OPENBLAS("OpenBLAS", true), MKL("Intel MKL", true), BLIS("BLIS", true), ATLAS("ATLAS", true),
        /** Debian's libblas3 or any library not identified as one of the above: treated as unoptimized. */
        REFERENCE("reference BLAS (unoptimized)", false),
        /** The pure-Java implementation. */
        JAVA("pure Java", false);

        private final String label;
        private final boolean optimized;

        Kind(String label, boolean optimized) {
            this.label = label;
            this.optimized = optimized;
        }

        public String label() {
            return label;
        }

        /** Whether it is an optimized native BLAS. */
        public boolean optimized() {
            return optimized;
        }
    }

    /**
     * The BLAS in use.
     *
     * @param source   where it comes from
     * @param kind     what it was identified as
     * @param version  the library's version when known (e.g. "0.3.31"), else empty
     * @param path     the file netlib's JNI bound (resolved), empty for pure Java
     * @param threads  the threads its level-3 routines use (1 for pure Java)
     * @param threadsKnown whether {@code threads} was set by this class (bundled) rather than inferred
     *                 from OpenBLAS's documented default (system)
     * @param binding  the netlib class doing the calls
     * @param notes    why the sources before it were not used (empty when the first one was)
     */
    public record Library(Source source, Kind kind, String version, String path, int threads, boolean threadsKnown,
                          String binding, List<String> notes) {
        /** One line, e.g. {@code OpenBLAS 0.3.31 (bundled: org.bytedeco:openblas 0.3.31-1.5.13, linux-x86_64), 2 threads}. */
        public String describe() {
            StringBuilder s = new StringBuilder(kind.label());
            if (!version.isEmpty()) {
                s.append(' ').append(version);
            }
            switch (source) {
                case BUNDLED -> s.append(" (bundled: ").append(BUNDLED_ARTIFACT).append(' ').append(bundledArtifactVersion())
                        .append(", ").append(platform()).append(')');
                case SYSTEM -> s.append(" (system: ").append(path).append(')');
                case JAVA -> s.append(" (netlib ").append(binding.replaceAll(".*\\.", "")).append(')');
                default -> throw new IllegalStateException(source.toString());
            }
            s.append(", ").append(threads).append(threads == 1 ? " thread" : " threads");
            if (source == Source.SYSTEM && !threadsKnown) {
                s.append(" (").append(kind.label()).append(" default)");
            }
            return s.toString();
        }
    }

    private static Library selected;
    private static BLAS selectedBlas;
    private static RuntimeException failure;

    private Blas() {
    }

    /** The chosen BLAS: native OpenBLAS (bundled, else system) when one loads, else pure Java. */
    public static BLAS best() {
        select();
        return selectedBlas;
    }

    /** The pure-Java BLAS (for the differential suite's second pass and machines without OpenBLAS). */
    public static BLAS pureJava() {
        select(); // netlib binds its native library on first use: choose it before touching netlib
        return JavaBLAS.getInstance();
    }

    /** Whether {@link #best()} is a native library. */
    public static boolean nativeAvailable() {
        select();
        return selected.source() != Source.JAVA;
    }

    /** The library {@link #best()} runs on. */
    public static Library library() {
        select();
        return selected;
    }

    /**
     * One line naming the BLAS and LAPACK the fast path uses and the thread count, e.g.
     * {@code BLAS: OpenBLAS 0.3.31 (bundled: …), 2 threads; LAPACK: the same library (netlib JNILAPACK)}. This is what
     * {@code bench}, {@code --version} and the audit report print.
     */
    public static String describe() {
        select();
        Lapack lapack = Lapack.best();
        return "BLAS: " + selected.describe() + "; LAPACK: " + (lapack.isNative() ? "the same library (" + lapack.describe().replaceAll(".*\\(", "") : lapack.describe());
    }

    /**
     * What {@code blas} is: the selected native library's description when it is {@link #best()}'s
     * native instance, else the pure-Java one's.
     */
    public static String describe(BLAS blas) {
        select();
        if (blas == selectedBlas) {
            return selected.describe();
        }
        if (blas instanceof JavaBLAS) {
            return new Library(Source.JAVA, Kind.JAVA, "", "", 1, true, bindingClass(blas), List.of()).describe();
        }
        return blas.getClass().getName();
    }

    private static final Object THREAD_LOCK = new Object();
    /** Nesting depth of {@link #singleThreaded} scopes (guarded by THREAD_LOCK): only the outermost restores the count. */
    private static int singleThreadedDepth;

    /**
     * Runs {@code action} with the bundled OpenBLAS on one thread, then restores its thread count; for
     * any other library it just runs {@code action}. For LAPACK on small matrices: their many level-2
     * calls each synchronize OpenBLAS's threads, which on a busy machine costs more than it saves
     * (measured: a 1540 × 200 SVD 0.25 s on one thread, 1.95 s on two, load average ~20). The same holds for
     * many small gradient evaluations run in parallel over seeds (the scaling-law experiment: 16000 variant steps
     * at l = 3, d = 320, m = 3 took 4.2 s on one thread and 48.9 s on two, load average ≈ 8). The count is
     * global to the library, so BLAS calls made meanwhile by other threads also run on one thread. Scopes nest:
     * an inner scope leaves the count at one for the outer scope.
     */
    public static <T> T singleThreaded(java.util.function.Supplier<T> action) {
        select();
        if (selected.source() != Source.BUNDLED || selected.threads() == 1) {
            return action.get();
        }
        synchronized (THREAD_LOCK) {
            if (singleThreadedDepth++ == 0) {
                org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            }
        }
        try {
            return action.get();
        } finally {
            synchronized (THREAD_LOCK) {
                if (--singleThreadedDepth == 0) {
                    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(selected.threads());
                }
            }
        }
    }

    /** A short label for tables: e.g. {@code OpenBLAS 0.3.31 (bundled)}, {@code pure Java}. */
    public static String shortName(BLAS blas) {
        select();
        if (blas == selectedBlas && selected.source() != Source.JAVA) {
            return selected.kind().label() + (selected.version().isEmpty() ? "" : " " + selected.version()) + " (" + selected.source().id() + ")";
        }
        return blas instanceof JavaBLAS ? Kind.JAVA.label() : blas.getClass().getSimpleName();
    }

    /** The netlib class of {@code blas}, e.g. {@code dev.ludovic.netlib.blas.JNIBLAS}. */
    public static String bindingClass(BLAS blas) {
        return blas.getClass().getName();
    }

    /** The requested choice: {@value #CHOICE_PROPERTY}, else {@value #CHOICE_ENV}, else auto. */
    static String requestedChoice() {
        String v = System.getProperty(CHOICE_PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(CHOICE_ENV);
        }
        return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase(Locale.ROOT);
    }

    private static synchronized void select() {
        if (failure != null) {
            throw failure;
        }
        if (selected != null) {
            return;
        }
        try {
            choose();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private static void choose() {
        String choice = requestedChoice();
        String where = System.getProperty(CHOICE_PROPERTY) != null ? "-D" + CHOICE_PROPERTY : CHOICE_ENV;
        if (!Set.of("auto", "bundled", "system", "java").contains(choice)) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, where + " BLAS choice", choice, "[auto, bundled, system, java]");
        }
        List<String> notes = new ArrayList<>();
        String explicit = firstNonBlank(System.getProperty(LIBRARY_PROPERTY), System.getenv(LIBRARY_ENV),
                System.getProperty(NETLIB_BLAS_PATH));
        if (explicit != null && (choice.equals("auto") || choice.equals("system"))) {
            Path file = Path.of(explicit);
            if (!Files.isReadable(file)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, LIBRARY_PROPERTY, "a readable shared library", explicit);
            }
            Identity id = identify(file);
            String problem = bindNative(file);
            if (problem != null) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, LIBRARY_PROPERTY, "a BLAS netlib can load", explicit + ": " + problem);
            }
            if (!id.kind().optimized()) {
                notes.add(explicit + " is " + id.kind().label() + ", used because it was named explicitly");
            }
            int threads = id.kind() == Kind.REFERENCE ? 1 : defaultThreads(); // the reference BLAS is single-threaded
            finish(new Library(Source.SYSTEM, id.kind(), id.version(), realPath(file), threads, id.kind() == Kind.REFERENCE,
                    bindingClass(selectedBlas), notes));
            return;
        }
        if (choice.equals("auto") || choice.equals("bundled")) {
            String problem = loadBundled(notes);
            if (problem == null) {
                return;
            }
            notes.add("bundled OpenBLAS: " + problem);
            if (choice.equals("bundled")) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, where + "=bundled", "a loadable bundled OpenBLAS", problem);
            }
            if (selectedBlasFailedInNetlib) {
                // netlib's JNI class failed to initialize and cannot be retried in this JVM
                finish(javaLibrary(notes));
                return;
            }
        }
        if (choice.equals("auto") || choice.equals("system")) {
            List<String> skipped = new ArrayList<>();
            for (Path candidate : systemCandidates()) {
                Identity id = identify(candidate);
                if (id.kind() != Kind.OPENBLAS) {
                    skipped.add(candidate + (realPath(candidate).equals(candidate.toString()) ? "" : " → " + realPath(candidate))
                            + " is " + id.kind().label() + ", skipped");
                    continue;
                }
                String problem = bindNative(candidate);
                if (problem == null) {
                    notes.addAll(skipped);
                    finish(new Library(Source.SYSTEM, Kind.OPENBLAS, id.version(), realPath(candidate), defaultThreads(), false,
                            bindingClass(selectedBlas), notes));
                    return;
                }
                skipped.add(candidate + ": " + problem);
                break; // netlib's JNI cannot be retried once it failed
            }
            notes.addAll(skipped);
            if (skipped.isEmpty()) {
                notes.add("no system OpenBLAS found (looked for " + String.join(", ", SYSTEM_NAMES) + ")");
            }
            if (choice.equals("system")) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, where + "=system", "a loadable system OpenBLAS",
                        skipped.isEmpty() ? "none (looked for " + String.join(", ", SYSTEM_NAMES) + ")" : String.join("; ", notes));
            }
        }
        if (choice.equals("java")) {
            notes.add("forced by " + where + "=java");
        }
        finish(javaLibrary(notes));
    }

    private static boolean selectedBlasFailedInNetlib;

    /** Loads the jar's OpenBLAS; null on success (selection made), else why not. */
    private static String loadBundled(List<String> notes) {
        String file;
        try {
            Class<?> presets = Class.forName("org.bytedeco.openblas.global.openblas_nolapack");
            org.bytedeco.javacpp.Loader.load(presets);
            file = null;
            for (Map.Entry<String, String> e : org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet()) {
                if (e.getKey().startsWith("openblas_nolapack@") || e.getKey().startsWith("openblas@")) {
                    file = e.getValue();
                }
            }
            if (file == null) {
                return "JavaCPP loaded no libopenblas (" + org.bytedeco.javacpp.Loader.getLoadedLibraries().keySet() + ")";
            }
        } catch (Throwable e) { // UnsatisfiedLinkError, ClassNotFoundException (no jar for this platform), …
            return "not loadable on " + platformOrUnknown() + " (" + oneLine(e) + ")";
        }
        int threads = bundledThreads();
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
        String problem = bindNative(Path.of(file));
        if (problem != null) {
            selectedBlasFailedInNetlib = true;
            return problem;
        }
        finish(new Library(Source.BUNDLED, Kind.OPENBLAS, bundledOpenBlasVersion(), realPath(Path.of(file)), threads, true,
                bindingClass(selectedBlas), notes));
        return null;
    }

    /** Points netlib's BLAS and LAPACK JNI at {@code file} and loads the BLAS; null on success, else why not. */
    private static String bindNative(Path file) {
        String path = file.toAbsolutePath().toString();
        System.setProperty(NETLIB_BLAS_PATH, path);
        System.setProperty(NETLIB_LAPACK_PATH, path);
        try {
            BLAS blas = NativeBLAS.getInstance();
            String mapped = mappedBlasLibraries().stream().filter(p -> p.equals(realPath(file))).findFirst().orElse(null);
            if (mapped == null && Files.isReadable(Path.of("/proc/self/maps"))) {
                return "netlib loaded, but " + realPath(file) + " is not mapped into the process";
            }
            selectedBlas = blas;
            return null;
        } catch (Throwable e) {
            System.setProperty(NETLIB_BLAS_PATH, "");
            System.setProperty(NETLIB_LAPACK_PATH, "");
            return "netlib's JNI did not load it (" + oneLine(e) + ")";
        }
    }

    private static void finish(Library library) {
        if (library.source() == Source.JAVA) {
            // keep netlib from binding its default libblas.so.3 (possibly the reference BLAS) behind our back
            if (System.getProperty(NETLIB_BLAS_PATH) == null || System.getProperty(NETLIB_BLAS_PATH).isEmpty()) {
                System.setProperty(NETLIB_BLAS_PATH, "");
                System.setProperty(NETLIB_BLAS_NAME, NO_LIBRARY);
            }
            System.setProperty(NETLIB_LAPACK_PATH, "");
            System.setProperty(NETLIB_LAPACK_NAME, NO_LIBRARY);
            selectedBlas = JavaBLAS.getInstance();
            library = new Library(library.source(), library.kind(), library.version(), library.path(), library.threads(),
                    library.threadsKnown(), bindingClass(selectedBlas), library.notes());
        }
        selected = new Library(library.source(), library.kind(), library.version(), library.path(), library.threads(),
                library.threadsKnown(), library.binding(), List.copyOf(library.notes()));
    }

    /** A pure-Java library record; its binding class is filled in by {@link #finish} or given. */
    private static Library javaLibrary(List<String> notes) {
        return new Library(Source.JAVA, Kind.JAVA, "", "", 1, true, "", notes);
    }

    // ---- identification ----

    /** What a file is: its kind and, when found, its version. */
    record Identity(Kind kind, String version) {
    }

    /**
     * Identifies a BLAS shared library from its contents: OpenBLAS's configuration string
     * "OpenBLAS x.y.z" (the library itself), else a dependency on {@code libopenblas} (Debian's
     * {@code openblas-pthread/libblas.so.3} wrapper), else MKL, BLIS or ATLAS symbols; anything else
     * counts as the unoptimized reference (Debian's {@code …/blas/libblas.so.3}).
     */
    static Identity identify(Path file) {
        Map<String, String> found = scan(file, List.of("OpenBLAS ", "libopenblas", "mkl_serv", "bli_init", "ATL_"));
        if (found.containsKey("OpenBLAS ")) {
            return new Identity(Kind.OPENBLAS, found.get("OpenBLAS "));
        }
        if (found.containsKey("libopenblas")) {
            return new Identity(Kind.OPENBLAS, "");
        }
        if (found.containsKey("mkl_serv")) {
            return new Identity(Kind.MKL, "");
        }
        if (found.containsKey("bli_init")) {
            return new Identity(Kind.BLIS, "");
        }
        if (found.containsKey("ATL_")) {
            return new Identity(Kind.ATLAS, "");
        }
        return new Identity(Kind.REFERENCE, "");
    }

    /**
     * Which markers occur in the file, read once in 1 MB blocks. For "OpenBLAS " only an occurrence
     * followed by a version x.y.z counts, and the value is that version; other markers map to "".
     */
    static Map<String, String> scan(Path file, List<String> markers) {
        Map<String, String> found = new java.util.HashMap<>();
        byte[][] bytes = new byte[markers.size()][];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = markers.get(k).getBytes(StandardCharsets.US_ASCII);
        }
        int keep = 64; // carried over between blocks: the longest marker and a version
        byte[] window = new byte[(1 << 20) + keep];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int len = carried + in.readNBytes(window, carried, window.length - carried);
                boolean last = len < window.length;
                int limit = last ? len : len - keep; // a match starting beyond limit is seen again next block
                for (int i = 0; i < limit; i++) {
                    for (int k = 0; k < bytes.length; k++) {
                        byte[] marker = bytes[k];
                        if (window[i] != marker[0] || i + marker.length > len || !matches(window, i, marker)) {
                            continue;
                        }
                        String key = markers.get(k);
                        if (key.equals("OpenBLAS ")) {
                            int j = i + marker.length;
                            int start = j;
                            while (j < len && (Character.isDigit(window[j]) || window[j] == '.')) {
                                j++;
                            }
                            String v = new String(window, start, j - start, StandardCharsets.US_ASCII);
                            if (v.matches("\\d+\\.\\d+\\.\\d+")) {
                                found.putIfAbsent(key, v);
                            }
                        } else {
                            found.putIfAbsent(key, "");
                        }
                    }
                }
                if (last) {
                    break;
                }
                carried = len - limit;
                System.arraycopy(window, limit, window, 0, carried);
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static boolean matches(byte[] data, int at, byte[] marker) {
        for (int k = 0; k < marker.length; k++) {
            if (data[at + k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    /** File names of a system OpenBLAS, most specific first. */
    static final List<String> SYSTEM_NAMES = List.of("libopenblas.so.0", "libopenblasp.so.0", "libopenblas.so",
            "openblas-pthread/libopenblas.so.0", "openblas-openmp/libopenblas.so.0", "openblas-serial/libopenblas.so.0",
            "libblas.so.3");

    /** Existing candidate files in LD_LIBRARY_PATH, java.library.path and the usual system directories. */
    static List<Path> systemCandidates() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String list : new String[] {System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path")}) {
            if (list != null) {
                for (String d : list.split(java.io.File.pathSeparator)) {
                    if (!d.isBlank()) {
                        dirs.add(d);
                    }
                }
            }
        }
        String triplet = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            default -> System.getProperty("os.arch", "") + "-linux-gnu";
        };
        for (String d : new String[] {"/usr/lib/" + triplet, "/lib/" + triplet, "/usr/lib64", "/usr/lib", "/usr/local/lib",
                "/opt/OpenBLAS/lib"}) {
            dirs.add(d);
        }
        List<Path> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String d : dirs) { // directory order first, as the dynamic linker searches
            for (String name : SYSTEM_NAMES) {
                Path p = Path.of(d, name);
                if (Files.isRegularFile(p) && seen.add(realPath(p))) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Shared libraries whose name contains blas, lapack, mkl or blis mapped into this process (Linux), resolved. */
    public static List<String> mappedBlasLibraries() {
        List<String> out = new ArrayList<>();
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String file = line.substring(slash);
                String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if ((name.contains("blas") || name.contains("lapack") || name.contains("mkl") || name.contains("blis"))
                        && !name.contains("jni") && !out.contains(file)) {
                    out.add(file);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    // ---- small helpers ----

    static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().toString();
        }
    }

    /** Threads of a system OpenBLAS by its documented default: OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS, else the processors. */
    static int defaultThreads() {
        for (String var : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            Integer n = positive(System.getenv(var));
            if (n != null) {
                return n;
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Threads for the bundled OpenBLAS: {@value #THREADS_PROPERTY}, {@value #THREADS_ENV}, else its default. */
    static int bundledThreads() {
        for (String v : new String[] {System.getProperty(THREADS_PROPERTY), System.getenv(THREADS_ENV)}) {
            Integer n = positive(v);
            if (n != null) {
                return n;
            }
        }
        return defaultThreads();
    }

    private static Integer positive(String v) {
        if (v == null || !v.trim().matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(v.trim());
        return n > 0 ? n : null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String bundledOpenBlasVersion() {
        try {
            String v = (String) Class.forName("org.bytedeco.openblas.global.openblas_nolapack").getField("OPENBLAS_VERSION").get(null);
            return v.replace("OpenBLAS", "").trim();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    static String bundledArtifactVersion() {
        try {
            String v = org.bytedeco.javacpp.Loader.getVersion("org.bytedeco", "openblas");
            return v == null ? "" : v;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String platform() {
        try {
            return org.bytedeco.javacpp.Loader.getPlatform();
        } catch (Throwable e) {
            return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        }
    }

    private static String platformOrUnknown() {
        return platform();
    }

    private static String oneLine(Throwable e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return m.replace('\n', ' ');
    }
}
