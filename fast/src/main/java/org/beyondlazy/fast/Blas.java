package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.beyondlazy.core.SpecRef;

/**
 * The BLAS instances the fast path runs on (spec E8.6): {@link #best()} is native OpenBLAS through
 * dev.ludovic.netlib when the system library loads (libblas.so.3, or the file named by the system
 * property {@code dev.ludovic.netlib.blas.nativeLibPath}), else the pure-Java implementation;
 * {@link #pureJava()} is always the pure-Java one. {@link #describe(BLAS)} names the one in use.
 */
@SpecRef("E8.6")
public final class Blas {
    private Blas() {
    }

    /** Native if available, else pure Java (netlib's own choice). */
    public static BLAS best() {
        return BLAS.getInstance();
    }

    /** The pure-Java BLAS (for the differential suite's second pass and machines without OpenBLAS). */
    public static BLAS pureJava() {
        return JavaBLAS.getInstance();
    }

    /** Whether {@link #best()} is a native library. */
    public static boolean nativeAvailable() {
        return best() instanceof dev.ludovic.netlib.blas.NativeBLAS;
    }

    /** The implementation class, e.g. {@code dev.ludovic.netlib.blas.JNIBLAS} (native) or {@code ...VectorBLAS}. */
    public static String describe(BLAS blas) {
        return blas.getClass().getName();
    }
}
