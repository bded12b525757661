package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which BLAS the fast path runs on (spec E8.6). Prints the backend into the test log; when the
 * environment variable {@code BEYONDLAZY_REQUIRE_NATIVE_BLAS=true} is set (CI, after installing
 * OpenBLAS), a missing native library is a failure instead of a silent fall-back to pure Java.
 */
class BlasBackendTest {
    @Test
    void reportsTheBackendAndHonoursTheNativeRequirement() {
        GramBackend best = new GramBackend();
        GramBackend pure = new GramBackend(Blas.pureJava());
        System.out.println("fast path BLAS: best = " + best.name() + ", pure Java = " + pure.name());
        System.out.println("fast path: " + Blas.describe() + "; notes: " + Blas.library().notes());
        assertThat(best.name()).startsWith("gram[dev.ludovic.netlib.blas.");
        assertThat(pure.name()).startsWith("gram[dev.ludovic.netlib.blas.").contains(": pure Java (netlib ");
        assertThat(best.lapack().isNative()).isEqualTo(Blas.nativeAvailable() && Lapack.best().isNative());
        assertThat(pure.lapack().isNative()).isFalse();
        assertThat(Blas.pureJava()).isNotInstanceOf(dev.ludovic.netlib.blas.NativeBLAS.class);
        if ("true".equals(System.getenv("BEYONDLAZY_REQUIRE_NATIVE_BLAS"))) {
            assertThat(Blas.nativeAvailable()).as("native BLAS required by BEYONDLAZY_REQUIRE_NATIVE_BLAS, found %s",
                    Blas.describe()).isTrue();
            assertThat(Blas.library().kind().optimized()).as("an optimized BLAS, found %s", Blas.describe()).isTrue();
        }
    }
}
