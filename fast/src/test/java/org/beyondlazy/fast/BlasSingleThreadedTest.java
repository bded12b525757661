package org.beyondlazy.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link Blas#singleThreaded}: one BLAS thread inside a scope, nested scopes included; the count restored after the outermost. */
class BlasSingleThreadedTest {
    @Test
    void nestedScopesKeepOneThreadUntilTheOutermostEnds() {
        Blas.Library library = Blas.library();
        Assumptions.assumeTrue(library.source() == Blas.Source.BUNDLED && library.threads() > 1,
                "only the bundled OpenBLAS with more than one thread has a count to change: " + library.describe());
        int outside = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
        int[] seen = Blas.singleThreaded(() -> {
            int outer = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
            int inner = Blas.singleThreaded(org.bytedeco.openblas.presets.openblas_nolapack::blas_get_num_threads);
            int afterInner = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
            return new int[] {outer, inner, afterInner};
        });
        assertThat(seen).containsExactly(1, 1, 1);
        assertThat(org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads()).isEqualTo(outside);
    }
}
