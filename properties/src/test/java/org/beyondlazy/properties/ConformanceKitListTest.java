package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The count guard of the kit: every abstract {@link BackendUnderTest} class of the package is listed in
 * {@link ConformanceKit#SUITES} (with its claims) and bound by exactly one nested class of
 * {@link ConformanceKitTests}; nothing is listed twice.
 */
class ConformanceKitListTest {
    /** The abstract suite classes compiled into this module's main classes directory. */
    static List<Class<?>> suitesInPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(BackendUnderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/beyondlazy/properties");
        List<Class<?>> suites = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName("org.beyondlazy.properties." + name.substring(0, name.length() - ".class".length()));
                if (BackendUnderTest.class.isAssignableFrom(c) && !c.isInterface() && Modifier.isAbstract(c.getModifiers())) {
                    suites.add(c);
                }
            }
        }
        return suites;
    }

    @Test
    void everyAbstractSuiteIsListedOnceAndBoundOnce() throws Exception {
        List<Class<?>> found = suitesInPackage();
        List<Class<?>> listed = ConformanceKit.SUITES.stream().<Class<?>>map(ConformanceKit.Suite::type).toList();
        assertThat(found).as("abstract suites of the package").hasSizeGreaterThanOrEqualTo(13);
        assertThat(listed).as("ConformanceKit.SUITES").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(found);
        for (Class<?> suite : listed) {
            long bindings = Stream.of(ConformanceKitTests.class.getDeclaredClasses()).filter(suite::isAssignableFrom).count();
            assertThat(bindings).as("nested bindings of %s in ConformanceKitTests", suite.getSimpleName()).isEqualTo(1);
        }
        for (ConformanceKit.Suite suite : ConformanceKit.SUITES) {
            assertThat(suite.claims()).as("claims of %s", suite.type().getSimpleName()).isNotEmpty();
            assertThat(suite.needs()).contains(Capability.OBJECTIVE);
        }
    }

    @Test
    void theReferenceIsRegisteredByNameAndIsTheDefault() {
        assertThat(org.beyondlazy.core.Backends.available()).containsKey(org.beyondlazy.core.Backends.DEFAULT);
        assertThat(org.beyondlazy.core.Backends.get("reference").name()).isEqualTo("reference");
        org.beyondlazy.core.BeyondLazyException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                org.beyondlazy.core.BeyondLazyException.class, () -> org.beyondlazy.core.Backends.get("no-such-backend"));
        assertThat(unknown.code()).isEqualTo(org.beyondlazy.core.ErrorCode.UNKNOWN_NAME);
        assertThat(unknown.getMessage()).contains("no-such-backend").contains("reference");
    }
}
