package org.beyondlazy.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The registry of backends by name. Backends register through {@link ServiceLoader}: a
 * {@link BackendProvider} listed in {@code META-INF/services/org.beyondlazy.core.BackendProvider}
 * (reference: {@code "reference"}; the fast path: {@code "fast"} and {@code "fast-java"}), or a
 * {@link Backend} with a public no-argument constructor listed in
 * {@code META-INF/services/org.beyondlazy.core.Backend}, registered under its {@link Backend#name()}.
 * Which names exist depends on the class path: the reference is present wherever its module is.
 */
public final class Backends {
    /** The system property naming the backend the conformance kit runs on. */
    public static final String PROPERTY = "beyondlazy.backend";
    /** The backend used when {@link #PROPERTY} is not set. */
    public static final String DEFAULT = "reference";

    private Backends() {
    }

    /** Every registered name and its factory, sorted by name; providers win over plain Backend services. */
    public static Map<String, Supplier<Backend>> available() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Backends.class.getClassLoader();
        }
        Map<String, Supplier<Backend>> all = new TreeMap<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, loader)) {
            all.putIfAbsent(provider.name(), provider::create);
        }
        for (Backend backend : ServiceLoader.load(Backend.class, loader)) {
            all.putIfAbsent(backend.name(), () -> backend);
        }
        return new LinkedHashMap<>(all);
    }

    /** Whether {@code name} is registered on the current class path. */
    public static boolean isRegistered(String name) {
        return available().containsKey(name);
    }

    /**
     * A new backend registered as {@code name}.
     *
     * @throws BeyondLazyException {@link ErrorCode#UNKNOWN_NAME} naming the registered ones otherwise
     */
    public static Backend get(String name) {
        Map<String, Supplier<Backend>> all = available();
        Supplier<Backend> s = all.get(name);
        if (s == null) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "implementation", name, "[" + String.join(", ", all.keySet()) + "]");
        }
        return s.get();
    }

    /** The backend named by the system property {@value #PROPERTY}, {@value #DEFAULT} when unset. */
    public static String selectedName() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? DEFAULT : name.trim();
    }
}
