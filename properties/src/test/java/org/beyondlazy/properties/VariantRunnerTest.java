package org.beyondlazy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.EpochRecord;
import org.beyondlazy.core.variant.ModeSwitch;
import org.beyondlazy.core.variant.ReinitRule;
import org.beyondlazy.core.variant.VariantConfig;
import org.beyondlazy.core.variant.VariantGradientDescent;
import org.beyondlazy.core.variant.VariantRun;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** The options and bookkeeping of A7.1 / E7.1 / E7.4 on the reference, at tiny sizes. */
class VariantRunnerTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static final FactoredTruth TRUTH3 = Generators.truth(1000, 3, 5, Generators.constant(3, 1.0 / 3), false);
    private static final FactoredTruth TRUTH4 = Generators.truth(1001, 4, 4, Generators.constant(2, 0.5), true);
    private static final VariantConfig SMALL = VariantConfig.defaults().withWidth(8).withStepsPerEpoch(300).withEpochs(4);

    @Test
    @SpecRef("E7.1")
    void defaultsAreTheCalibrationOfTheSpec() {
        VariantConfig c = VariantConfig.defaults();
        assertThat(c.width()).isEqualTo(30);
        assertThat(c.lambda()).isEqualTo(1e-3);
        assertThat(c.delta()).isEqualTo(1e-3);
        assertThat(c.eta()).isEqualTo(0.2);
        assertThat(c.stepsPerEpoch()).isEqualTo(3000);
        assertThat(c.epochs()).isEqualTo(8);
        assertThat(c.targetError()).isZero();
        assertThat(c.reinit()).isEqualTo(ReinitRule.SMALLEST_NORM);
        assertThat(c.mode()).isEqualTo(ModeSwitch.FRESH_SIGN);
    }

    @Test
    @SpecRef("E7.1")
    void badOptionsAreRejectedWithTheirCode() {
        VariantConfig c = VariantConfig.defaults();
        assertThatThrownBy(() -> c.withWidth(0)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIZE));
        assertThatThrownBy(() -> c.withDelta(0)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> c.withEta(Double.NaN)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> c.withLambda(-1)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> ReinitRule.parse("R3")).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME));
        assertThatThrownBy(() -> ModeSwitch.parse("m9")).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME));
        assertThat(ReinitRule.parse("r2")).isEqualTo(ReinitRule.ROUND_ROBIN);
        assertThat(ModeSwitch.parse("M2")).isEqualTo(ModeSwitch.TWO_PHASE);
    }

    @Test
    @SpecRef("A7.1")
    void aSeedReproducesARunBitForBit() {
        VariantRun a = new VariantGradientDescent(SMALL).run(REFERENCE, TRUTH3, 7);
        VariantRun b = new VariantGradientDescent(SMALL).run(REFERENCE, TRUTH3, 7);
        assertThat(a.theta()).isEqualTo(b.theta());
        assertThat(a.epochs()).isEqualTo(b.epochs());
    }

    @Test
    @SpecRef({"A7.1", "E7.4"})
    void everyEpochIsRecordedAndRoundRobinVisitsComponentsInOrder() {
        VariantRun run = new VariantGradientDescent(SMALL.withReinit(ReinitRule.ROUND_ROBIN).withEpochs(10)).run(REFERENCE, TRUTH3, 3);
        assertThat(run.epochs()).hasSize(10);
        for (EpochRecord e : run.epochs()) {
            assertThat(e.reinitialized()).isEqualTo((e.epoch() - 1) % 8); // A7.1 step 2, R2
            assertThat(e.steps()).isEqualTo(300);
            assertThat(e.sign()).isEqualTo(1.0); // odd l keeps a = +1
            assertThat(e.relativeError()).isBetween(0.0, 1.5);
        }
        assertThat(run.totalSteps()).isEqualTo(3000);
    }

    @Test
    @SpecRef("A7.1")
    void smallestNormRuleReinitializesTheSmallestComponent() {
        // the first epoch of a 2-epoch run is the 1-epoch run (same draws in the same order)
        double[] afterEpoch1 = new VariantGradientDescent(SMALL.withEpochs(1)).run(REFERENCE, TRUTH3, 3).theta();
        int smallest = 0;
        for (int i = 1; i < 8; i++) {
            if (org.beyondlazy.core.variant.PolarDynamics.norm(afterEpoch1, 5, i)
                    < org.beyondlazy.core.variant.PolarDynamics.norm(afterEpoch1, 5, smallest)) {
                smallest = i;
            }
        }
        VariantRun run = new VariantGradientDescent(SMALL.withEpochs(2)).run(REFERENCE, TRUTH3, 3);
        assertThat(run.epochs().get(1).reinitialized()).isEqualTo(smallest);
    }

    @Test
    @SpecRef("A7.1")
    void earlyStopFiresAtTheTargetAndIsConfirmedByTheResidual() {
        VariantRun run = new VariantGradientDescent(SMALL.withTargetError(5e-3).withEpochs(8)).run(REFERENCE, TRUTH3, 1);
        assertThat(run.stoppedEarly()).isTrue();
        assertThat(run.finalRelativeError()).isLessThanOrEqualTo(5e-3);
        assertThat(run.epochs().size()).isLessThan(8);
    }

    @Test
    @SpecRef({"A7.1", "A7.2"})
    void twoPhaseModeAndEvenOrderSignsRunAndFit() {
        List<Double> signs = new ArrayList<>();
        VariantConfig config = VariantConfig.defaults().withWidth(8).withDelta(1e-2).withStepsPerEpoch(500).withEpochs(6)
                .withMode(ModeSwitch.TWO_PHASE).withDirectionPhase(50, 0.2);
        VariantRun run = new VariantGradientDescent(config).run(REFERENCE, TRUTH4, 2);
        run.epochs().forEach(e -> signs.add(e.sign()));
        assertThat(signs).allMatch(a -> a == 1.0 || a == -1.0);
        assertThat(run.finalRelativeError()).as("%s", run.epochs()).isLessThanOrEqualTo(5e-3);
    }

    @Test
    @SpecRef("A7.1")
    void aZeroTruthIsRejected() {
        FactoredTruth zero = new FactoredTruth(3, 2, 1, new double[] {1, 0}, new double[] {0});
        assertThatThrownBy(() -> new VariantGradientDescent(SMALL).run(REFERENCE, zero, 0))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
