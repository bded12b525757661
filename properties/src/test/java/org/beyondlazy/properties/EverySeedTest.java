package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class EverySeedTest {
    private static final long[] SEEDS = {11, 12, 13, 14};

    @Test
    void everySeedRunsAndEveryFailingSeedIsNamed() {
        List<Long> ran = new ArrayList<>();
        AssertionError e = catchThrowableOfType(() -> EverySeed.check("aProperty", SEEDS, seed -> {
            ran.add(seed);
            assertThat(seed % 2).as("odd seed %d", seed).isEqualTo(1);
        }), AssertionError.class);
        assertThat(ran).containsExactly(11L, 12L, 13L, 14L);
        assertThat(e).hasMessageStartingWith("aProperty: fails on 2 of 4 seeds [12, 14]")
                .hasMessageContaining("seed 12: [odd seed 12]").hasMessageContaining("seed 14: [odd seed 14]");
        assertThat(e.getCause()).hasMessageContaining("odd seed 12");
        assertThat(e.getSuppressed()).hasSize(1);
        assertThat(e.getSuppressed()[0]).hasMessageContaining("odd seed 14");
    }

    @Test
    void passingSeedsPassAndOtherExceptionsStopAtOnce() {
        List<Long> ran = new ArrayList<>();
        EverySeed.check("aProperty", SEEDS, ran::add);
        assertThat(ran).hasSize(4);
        ran.clear();
        assertThatThrownBy(() -> EverySeed.check("aProperty", SEEDS, seed -> {
            ran.add(seed);
            if (seed == 12) {
                throw new TestAbortedException("not supported");
            }
        })).isInstanceOf(TestAbortedException.class);
        assertThat(ran).containsExactly(11L, 12L);
    }

    @Test
    void anAbortAfterAFailureDoesNotHideTheFailure() {
        List<Long> ran = new ArrayList<>();
        AssertionError e = catchThrowableOfType(() -> EverySeed.check("aProperty", SEEDS, seed -> {
            ran.add(seed);
            if (seed == 13) {
                throw new TestAbortedException("not supported");
            }
            assertThat(seed).as("seed %d", seed).isNotEqualTo(11L);
        }), AssertionError.class);
        assertThat(ran).containsExactly(11L, 12L, 13L);
        assertThat(e).hasMessageStartingWith("aProperty: fails on 1 of the seeds run [11]; then seed 13 stopped the check")
                .hasMessageContaining("not supported");
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(TestAbortedException.class);
    }
}
