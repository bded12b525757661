package org.beyondlazy.fast;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BackendProvider;

/** Registers the fast path: {@code "fast"} on the best available BLAS, {@code "fast-java"} on pure-Java BLAS. */
public final class FastBackendProviders {
    private FastBackendProviders() {
    }

    /** {@code "fast"}: {@link GramBackend} on {@link Blas#best()} (native OpenBLAS when installed). */
    public static final class Best implements BackendProvider {
        @Override
        public String name() {
            return "fast";
        }

        @Override
        public String description() {
            return "Gram form / packed dense on the best available BLAS";
        }

        @Override
        public Backend create() {
            return new GramBackend(Blas.best());
        }
    }

    /** {@code "fast-java"}: {@link GramBackend} on the pure-Java BLAS. */
    public static final class PureJava implements BackendProvider {
        @Override
        public String name() {
            return "fast-java";
        }

        @Override
        public String description() {
            return "Gram form / packed dense on pure-Java BLAS";
        }

        @Override
        public Backend create() {
            return new GramBackend(Blas.pureJava());
        }
    }
}
