package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BLAS selection of spec E8.6, each case in a fresh JVM ({@link BlasProbe}) because netlib binds
 * its native library once per process: auto prefers the bundled OpenBLAS, each forced choice is
 * honoured or refused with a coded error, a reference BLAS is skipped and named, and the library
 * reported is the one mapped into the process.
 */
@SpecRef("E8.6")
class BlasSelectionTest {
    /** Debian's reference BLAS (package libblas3), when installed. */
    static final Path DEBIAN_REFERENCE = Path.of("/usr/lib/" + triplet() + "/blas/libblas.so.3");

    private static String triplet() {
        return System.getProperty("os.arch").equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
    }

    /** Whether this platform's org.bytedeco:openblas jar is on the class path. */
    static boolean bundledJarPresent() {
        return BlasSelectionTest.class.getResource("/org/bytedeco/openblas/" + Blas.platform() + "/libopenblas.so.0") != null;
    }

    /** Runs {@link BlasProbe} in a child JVM with {@code env} added (null values remove a variable); its key=value lines. */
    static Map<String, String> probe(Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BlasProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (String k : List.of(Blas.CHOICE_ENV, Blas.LIBRARY_ENV, Blas.THREADS_ENV)) {
            pb.environment().remove(k);
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue() == null) {
                pb.environment().remove(e.getKey());
            } else {
                pb.environment().put(e.getKey(), e.getValue());
            }
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("\\w+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        System.out.println("BlasProbe " + env + ":\n" + out);
        assertThat(p.exitValue()).as("probe exit status, output:\n%s", out).isZero();
        return values;
    }

    private static void assertProductRight(Map<String, String> r) {
        assertThat(r.get("product")).as("[1 3; 2 4]·[5 7; 6 8] column-major").isEqualTo("23.0,34.0,31.0,46.0");
    }

    @Test
    void autoPrefersTheBundledOpenBlasAndLoadsNothingElse() throws Exception {
        assumeTrue(bundledJarPresent(), "no org.bytedeco:openblas jar for " + Blas.platform());
        Map<String, String> r = probe(Map.of());
        assertThat(r).containsEntry("source", "bundled").containsEntry("kind", "OPENBLAS").containsEntry("lapackNative", "true");
        assertThat(r.get("version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(r.get("describe")).startsWith("BLAS: OpenBLAS " + r.get("version") + " (bundled: org.bytedeco:openblas ");
        assertProductRight(r);
        // the only BLAS-like file mapped is the bundled one (no system libblas.so.3 / libopenblas)
        assertThat(r.get("mappedAfterPureJava").split(" \\| ")).containsExactly(r.get("path"));
    }

    @Test
    void forcedPureJavaLoadsNoNativeLibrary() throws Exception {
        Map<String, String> r = probe(Map.of(Blas.CHOICE_ENV, "java"));
        assertThat(r).containsEntry("source", "java").containsEntry("kind", "JAVA").containsEntry("lapackNative", "false")
                .containsEntry("mappedAfterPureJava", "");
        assertThat(r.get("describe")).startsWith("BLAS: pure Java (netlib ").contains("LAPACK: Hipparchus");
        assertThat(r.get("notes")).contains("forced by BEYONDLAZY_BLAS=java");
        assertProductRight(r);
    }

    @Test
    void forcedBundledHonoursTheThreadCount() throws Exception {
        assumeTrue(bundledJarPresent(), "no org.bytedeco:openblas jar for " + Blas.platform());
        Map<String, String> r = probe(Map.of(Blas.CHOICE_ENV, "bundled", Blas.THREADS_ENV, "1"));
        assertThat(r).containsEntry("source", "bundled").containsEntry("threads", "1");
        assertThat(r.get("describe")).contains(", 1 thread;");
        assertProductRight(r);
    }

    @Test
    void forcedSystemUsesAnIdentifiedSystemOpenBlasOrRefuses() throws Exception {
        Path system = null;
        for (Path candidate : Blas.systemCandidates()) {
            if (Blas.identify(candidate).kind() == Blas.Kind.OPENBLAS) {
                system = candidate;
                break;
            }
        }
        Map<String, String> r = probe(Map.of(Blas.CHOICE_ENV, "system"));
        if (system == null) {
            assertThat(r.get("error")).startsWith("INVALID_PARAMETER").contains("BEYONDLAZY_BLAS=system");
            return;
        }
        assertThat(r).containsEntry("source", "system").containsEntry("kind", "OPENBLAS").containsEntry("path", Blas.realPath(system));
        assertThat(r.get("mapped")).contains(Blas.realPath(system)).doesNotContain(".javacpp");
        assertProductRight(r);
    }

    @Test
    void aReferenceBlasOnTheLibraryPathIsSkippedAndNamed(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("libblas.so.3");
        Files.write(fake, "\u007fELF a BLAS with no optimized-library markers: dgemm_ dsyrk_ xerbla_".getBytes(StandardCharsets.US_ASCII));
        assertThat(Blas.identify(fake).kind()).isEqualTo(Blas.Kind.REFERENCE);
        Map<String, String> r = probe(Map.of(Blas.CHOICE_ENV, "system", "LD_LIBRARY_PATH", dir.toString()));
        String report = r.containsKey("error") ? r.get("error") : r.get("notes");
        assertThat(report).contains(fake + " is reference BLAS (unoptimized), skipped");
        assertThat(r.getOrDefault("path", "")).isNotEqualTo(fake.toString());
    }

    @Test
    void anExplicitReferenceLibraryIsUsedButReportedAsReference() throws Exception {
        assumeTrue(Files.isRegularFile(DEBIAN_REFERENCE), "Debian's libblas3 is not installed");
        Map<String, String> r = probe(Map.of(Blas.LIBRARY_ENV, DEBIAN_REFERENCE.toString()));
        assertThat(r).containsEntry("source", "system").containsEntry("kind", "REFERENCE").containsEntry("lapackNative", "false");
        assertThat(r.get("describe")).startsWith("BLAS: reference BLAS (unoptimized) (system: ");
        assertThat(r.get("notes")).contains("used because it was named explicitly");
        assertProductRight(r);
    }

    @Test
    void anUnknownChoiceIsACodedError() throws Exception {
        Map<String, String> r = probe(Map.of(Blas.CHOICE_ENV, "fastest"));
        assertThat(r.get("error")).startsWith("UNKNOWN_NAME").contains("fastest");
    }

    @Test
    void identifiesOpenBlasByItsConfigurationStringAcrossBlockBoundaries(@TempDir Path dir) throws IOException {
        byte[] data = new byte[(1 << 20) + 4096];
        byte[] marker = "OpenBLAS 0.3.99 DYNAMIC_ARCH".getBytes(StandardCharsets.US_ASCII);
        int at = (1 << 20) + 64 - 5; // straddles the first block's end
        System.arraycopy(marker, 0, data, at, marker.length);
        Path f = dir.resolve("libsomething.so");
        Files.write(f, data);
        assertThat(Blas.identify(f)).isEqualTo(new Blas.Identity(Blas.Kind.OPENBLAS, "0.3.99"));
        Files.write(f, "OpenBLAS without a version; NEEDED libopenblas.so.0".getBytes(StandardCharsets.US_ASCII));
        assertThat(Blas.identify(f)).isEqualTo(new Blas.Identity(Blas.Kind.OPENBLAS, ""));
        Files.write(f, new byte[100]);
        assertThat(Blas.identify(f).kind()).isEqualTo(Blas.Kind.REFERENCE);
    }
}
