package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beyondlazy.core.SpecRef;
import org.junit.jupiter.api.Tag;
import org.beyondlazy.properties.BackendUnderTest;
import org.beyondlazy.properties.ConformanceKit;
import org.beyondlazy.properties.ConformanceKitTests;
import org.junit.jupiter.api.Test;

/**
 * Every claim suite of the conformance kit (an abstract {@link BackendUnderTest} class of the
 * properties artifact) is in the kit's list, and {@link FastConformanceTest} binds the whole list once per
 * BLAS. Fails when the kit gains a suite its list (and so the fast path) does not run.
 */
class ConformanceCoverageTest {
    @Test
    @SpecRef("C14")
    @Tag("C14")
    void fastConformanceTestRunsEverySuiteOfTheKit() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> suites = new ArrayList<>();
        Path location = Path.of(BackendUnderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location, Map.of())) {
            Path root = jar == null ? location : jar.getPath("/");
            Path dir = root.resolve("org/beyondlazy/properties");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".class") || name.contains("$")) {
                        continue;
                    }
                    Class<?> c = Class.forName("org.beyondlazy.properties." + name.replace(".class", ""));
                    if (BackendUnderTest.class.isAssignableFrom(c) && !c.isInterface() && Modifier.isAbstract(c.getModifiers())) {
                        suites.add(c);
                    }
                }
            }
        }
        assertThat(suites).as("claim suites of the kit").isNotEmpty();
        // the kit's list (bound by ConformanceKitTests) holds every suite the artifact ships
        assertThat(ConformanceKit.SUITES.stream().<Class<?>>map(ConformanceKit.Suite::type).toList())
                .as("ConformanceKit.SUITES").containsExactlyInAnyOrderElementsOf(suites);
        List<Class<?>> bindings = Stream.of(FastConformanceTest.class.getDeclaredClasses())
                .filter(ConformanceKitTests.class::isAssignableFrom).toList();
        assertThat(bindings).as("ConformanceKitTests bindings in FastConformanceTest (one per BLAS)").hasSize(2);
    }

    /**
     * {@code -Dbeyondlazy.backend=NAME} must name a registered backend: this module sees every backend of the
     * repository, so an unknown name fails here (naming the registered ones) instead of running nothing.
     */
    @Test
    void theSelectedBackendIsRegistered() {
        String name = org.beyondlazy.core.Backends.selectedName();
        assertThat(org.beyondlazy.core.Backends.available().keySet()).as("registered backends (-D%s=%s)",
                org.beyondlazy.core.Backends.PROPERTY, name).contains(name, "reference", "fast", "fast-java");
    }
}
