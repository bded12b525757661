package org.beyondlazy.properties;

import static org.quicktheories.QuickTheory.qt;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.quicktheories.QuickTheory;

/**
 * Seeds and example counts of the property runs, read from the JUnit Platform configuration parameters
 * {@value #SEED} and {@value #EXAMPLES}. A launcher passes them as configuration parameters (the audit
 * does); a plain Maven run passes them as system properties, which the platform consults when a
 * parameter is not given explicitly: {@code ./mvnw verify -Dbeyondlazy.examples=1000 -Dbeyondlazy.seed=7}.
 * CI uses the fixed defaults.
 *
 * <p>The suites see the settings through {@link Binding}, an extension every suite inherits from
 * {@link BackendUnderTest}: it makes the running test's {@link ExtensionContext} visible to the property
 * code on the test's thread (the properties call {@link #seed()} deep inside QuickTheories lambdas, where
 * no context can be passed). Outside a test (no context) the system properties are read.
 */
public final class ClaimSettings {
    /** The fixed QuickTheories seed of CI runs. */
    public static final long DEFAULT_SEED = 20201122L;
    /** Configuration parameter: the QuickTheories seed and the base of the instance seeds. */
    public static final String SEED = "beyondlazy.seed";
    /** Configuration parameter: examples per property (overrides each property's default). */
    public static final String EXAMPLES = "beyondlazy.examples";
    /**
     * Configuration parameter: {@code false} keeps what the properties measure off standard output (it is
     * still published as report entries, see {@link ClaimOutput}); default {@code true}.
     */
    public static final String STDOUT = "beyondlazy.stdout";

    private static final ThreadLocal<ExtensionContext> CURRENT = new ThreadLocal<>();

    private ClaimSettings() {
    }

    /** The QuickTheories seed: parameter {@value #SEED}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return parameter(SEED).map(Long::parseLong).orElse(DEFAULT_SEED);
    }

    /** Examples per property: parameter {@value #EXAMPLES} if set, else the property's default. */
    public static int examples(int defaultCount) {
        return parameter(EXAMPLES).map(Integer::parseInt).orElse(defaultCount);
    }

    /** A QuickTheory with the fixed seed and the example count; shrinking is off (seeds do not shrink meaningfully). */
    public static QuickTheory theory(int defaultExamples) {
        return qt().withFixedSeed(seed()).withExamples(examples(defaultExamples)).withShrinkCycles(0);
    }

    /** A configuration parameter of the running test, else the system property of that name. */
    public static Optional<String> parameter(String key) {
        ExtensionContext context = CURRENT.get();
        Optional<String> value = context != null ? context.getConfigurationParameter(key) : Optional.ofNullable(System.getProperty(key));
        return value.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The running test's context on this thread, if any. */
    static Optional<ExtensionContext> context() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Binds the running class or test to the thread for the duration of its callbacks, restoring the
     * enclosing one afterwards (classes nest: {@code @Nested} suites of a conformance test).
     */
    public static final class Binding implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Binding.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            bind(context);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            bind(context);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            unbind(context);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            unbind(context);
        }

        private static void bind(ExtensionContext context) {
            ExtensionContext previous = CURRENT.get();
            if (previous != null) {
                context.getStore(NAMESPACE).put(context.getUniqueId(), previous);
            }
            CURRENT.set(context);
        }

        private static void unbind(ExtensionContext context) {
            ExtensionContext previous = context.getStore(NAMESPACE).remove(context.getUniqueId(), ExtensionContext.class);
            if (previous != null) {
                CURRENT.set(previous);
            } else {
                CURRENT.remove();
            }
        }
    }
}
