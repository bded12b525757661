package org.beyondlazy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * The implementations the command line can run ({@code --implementation}). The reference is always
 * present; other backends are registered here or found through {@link ServiceLoader} (a jar that
 * declares {@code META-INF/services/org.beyondlazy.core.Backend} on the class path).
 */
public final class Backends {
    private static final Map<String, Supplier<Backend>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("reference", ReferenceBackend::new);
        KNOWN.put("fast", GramBackend::new); // issue 5: Gram form / packed dense, native or pure-Java BLAS
    }

    private Backends() {
    }

    /** Names of the available backends. */
    public static Map<String, Supplier<Backend>> available() {
        Map<String, Supplier<Backend>> all = new LinkedHashMap<>(KNOWN);
        for (Backend b : ServiceLoader.load(Backend.class)) {
            all.putIfAbsent(b.name(), () -> b);
        }
        return all;
    }

    /** The backend named {@code name}; {@link ErrorCode#UNKNOWN_NAME} otherwise. */
    public static Backend get(String name) {
        Supplier<Backend> s = available().get(name);
        if (s == null) {
            String hint = String.join(", ", available().keySet());
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "implementation", name, "[" + hint + "]");
        }
        return s.get();
    }
}
