package org.beyondlazy.fast;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Run in a child JVM by {@link BlasSelectionTest}: makes the BLAS choice of {@link Blas} under the
 * environment the test gave it, checks one product on it and prints what was chosen, one
 * {@code key=value} per line. A coded error is printed as {@code error=<code>: <message>}.
 */
final class BlasProbe {
    private BlasProbe() {
    }

    public static void main(String[] args) {
        try {
            Blas.Library lib = Blas.library();
            BLAS blas = Blas.best();
            double[] c = new double[4];
            blas.dgemm("N", "N", 2, 2, 2, 1.0, new double[] {1, 2, 3, 4}, 2, new double[] {5, 6, 7, 8}, 2, 0.0, c, 2);
            System.out.println("source=" + lib.source().id());
            System.out.println("kind=" + lib.kind());
            System.out.println("version=" + lib.version());
            System.out.println("threads=" + lib.threads());
            System.out.println("path=" + lib.path());
            System.out.println("binding=" + lib.binding());
            System.out.println("describe=" + Blas.describe());
            System.out.println("lapackNative=" + Lapack.best().isNative());
            System.out.println("product=" + c[0] + "," + c[1] + "," + c[2] + "," + c[3]);
            System.out.println("notes=" + String.join(" | ", lib.notes()));
            System.out.println("mapped=" + String.join(" | ", Blas.mappedBlasLibraries()));
            Blas.pureJava();
            System.out.println("mappedAfterPureJava=" + String.join(" | ", Blas.mappedBlasLibraries()));
        } catch (org.beyondlazy.core.BeyondLazyException e) {
            System.out.println("error=" + e.code() + ": " + e.getMessage());
        }
    }
}
