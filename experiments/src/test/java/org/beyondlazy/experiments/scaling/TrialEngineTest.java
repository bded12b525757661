package org.beyondlazy.experiments.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.RunConfigs;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial seam of the scaling-law experiment (spec E9.21) on a tiny study (r = 1, 4 seeds a point, lower bound 0.5, so
 * that widths pass and the controls run; the rank side repeats the d side's (l, d, r) = (3, 4, 1) point): the local
 * engine's judged attempts are those of {@link ScalingAttempts} called directly with the E7.9 options (what the study
 * computed before the seam), and a study run again on its directory — complete, or cut anywhere including mid-line —
 * replays its journal and gives the same records.
 */
@SpecRef("E9.21")
class TrialEngineTest {
    static final Backend REFERENCE = new ReferenceBackend();
    static ScalingLawStudy.Spec spec;
    static ScalingLawStudy.Result fresh;

    @BeforeAll
    static void runOnce() {
        spec = tinySpec();
        fresh = ScalingLawStudy.run(REFERENCE, spec, 2, line -> { });
    }

    /** The tiny study (also the cluster test's, spark module). */
    static ScalingLawStudy.Spec tinySpec() {
        ScalingSchedule schedule = new ScalingSchedule(0.2, 1e-3, 0.1, List.of(new ScalingSchedule.OrderBase(3, 4, 300, 3, 1e-3)));
        return new ScalingLawStudy.Spec(List.of(new ScalingLawStudy.DimensionGrid(3, new int[] {4, 6}, 4)), 1, new int[] {1, 2, 4},
                new ScalingLawStudy.RankGrid(3, 4, new int[] {1, 2}), 4, ScalingLawStudy.FIRST_SEED, 5e-3, 0.5, true, 2, 1, 0L, schedule);
    }

    @Test
    void everyJudgedAttemptIsItsRunComputedDirectlyWithTheScheduleOptions() {
        ScalingSchedule s = spec.schedule();
        double eps = spec.epsilon();
        int checked = 0;
        int controls = 0;
        int r = spec.rank();
        for (ScalingLawStudy.DimensionPoint p : fresh.orders().get(0).points()) {
            int l = p.order();
            int d = p.dim();
            for (ScalingLawStudy.WidthPoint w : p.search().scanned()) {
                checked += sameAttempts(w.trials(), seed -> ScalingAttempts.variant(REFERENCE, ScalingAttempts.truth(l, d, r, seed),
                        s.variant(l, d, r, w.width(), eps), seed));
            }
            checked += sameAttempts(p.fixed(), seed -> ScalingAttempts.variant(REFERENCE, ScalingAttempts.truth(l, d, r, seed),
                    s.variant(l, d, r, 4, eps), seed));
            if (p.vanilla() != null) {
                int m = p.search().width();
                checked += sameAttempts(p.vanilla(), seed -> ScalingAttempts.vanilla(REFERENCE, ScalingAttempts.truth(l, d, r, seed), m,
                        s.vanillaInitNorm(), s.eta(), s.stepBudget(l, d, r), eps, seed));
                controls++;
                checked += sameAttempts(p.noReinit(), seed -> ScalingAttempts.variant(REFERENCE, ScalingAttempts.truth(l, d, r, seed),
                        s.withoutReinitialization(l, d, r, m, eps), seed));
            }
        }
        assertThat(checked).as("judged attempts compared").isGreaterThan(20);
        assertThat(controls).as("points with controls").isPositive();
    }

    /** Compares each judged attempt with its direct computation (records compare doubles by their bits); returns the count. */
    private static int sameAttempts(SeedTrials.Trials trials, java.util.function.LongFunction<SeedTrials.Attempt> direct) {
        for (int k = 0; k < trials.run(); k++) {
            long seed = trials.firstSeed() + k;
            assertThat(trials.attempts().get(k)).as("seed " + seed).isEqualTo(direct.apply(seed));
        }
        return trials.run();
    }

    @Test
    void aStudyRunAgainOnItsDirectoryReplaysItsTrialsAndGivesTheSameRecords(@TempDir Path dir) throws IOException {
        ScalingLawStudy.Result first = inDirectory(dir, new LocalTrialEngine(REFERENCE, 2));
        assertThat(records(first)).isEqualTo(records(fresh));
        List<String> lines = Files.readAllLines(dir.resolve(ScalingLawDirectory.TRIALS));
        assertThat(lines).hasSize(judged(fresh).size());

        // complete: nothing is computed again
        ScalingLawStudy.Result replayed = inDirectory(dir, refusingEngine());
        assertThat(records(replayed)).isEqualTo(records(fresh));
        assertThat(Files.readString(dir.resolve(ScalingLawDirectory.RESULT))).isEqualTo(RunConfigs.toJson(replayed) + "\n");

        // interrupted after a third of the trials, mid-line: the torn line is cut, only the rest is computed
        int keep = lines.size() / 3;
        StringBuilder cut = new StringBuilder();
        lines.subList(0, keep).forEach(line -> cut.append(line).append('\n'));
        cut.append(lines.get(keep), 0, lines.get(keep).length() / 2);
        Files.writeString(dir.resolve(ScalingLawDirectory.TRIALS), cut.toString(), StandardCharsets.UTF_8);
        Path interrupted = Files.writeString(dir.resolve("." + ScalingLawDirectory.RESULT + "123.tmp"), "{\"orders\": [");
        AtomicInteger computed = new AtomicInteger();
        List<String> notices = new ArrayList<>();
        ScalingLawStudy.Result resumed;
        try (ScalingLawDirectory d = ScalingLawDirectory.open("dir", dir, spec, REFERENCE.name(), notices::add);
                LocalTrialEngine local = new LocalTrialEngine(REFERENCE, 2)) {
            assertThat(d.replayable()).isEqualTo(keep);
            TrialEngine counting = new TrialEngine() {
                @Override
                public Future<SeedTrials.Attempt> submit(ScalingTrial trial) {
                    computed.incrementAndGet();
                    return local.submit(trial);
                }

                @Override
                public int parallelism() {
                    return 2;
                }
            };
            resumed = ScalingLawStudy.run(REFERENCE, spec, d.recording(counting), line -> { });
        }
        assertThat(notices).anyMatch(n -> n.contains("torn"));
        assertThat(interrupted).as("an interrupted write's temporary file").doesNotExist();
        assertThat(records(resumed)).isEqualTo(records(fresh));
        assertThat(computed.get()).as("trials submitted on resume").isPositive().isLessThanOrEqualTo(submitted(fresh) - keep);
        assertThat(Files.readAllLines(dir.resolve(ScalingLawDirectory.TRIALS))).hasSize(judged(fresh).size());
    }

    @Test
    void pointsDrivenConcurrentlyGiveTheSameRecords() {
        try (LocalTrialEngine engine = new LocalTrialEngine(REFERENCE, 2)) {
            assertThat(records(ScalingLawStudy.run(REFERENCE, spec, engine, 4, line -> { }))).isEqualTo(records(fresh));
        }
    }

    @Test
    void aDirectoryOfAnotherStudyIsRefused(@TempDir Path dir) {
        try (ScalingLawDirectory d = ScalingLawDirectory.open("dir", dir, spec, REFERENCE.name(), n -> { })) {
            assertThat(d.replayable()).isZero();
        }
        assertThatThrownBy(() -> ScalingLawDirectory.open("dir", dir, spec.withSeedsShiftedBy(1), REFERENCE.name(), n -> { }))
                .isInstanceOf(BeyondLazyException.class).hasMessageContaining("another study")
                .extracting(e -> ((BeyondLazyException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    private static ScalingLawStudy.Result inDirectory(Path dir, TrialEngine engine) {
        try (ScalingLawDirectory d = ScalingLawDirectory.open("dir", dir, spec, REFERENCE.name(), n -> { })) {
            ScalingLawStudy.Result result = ScalingLawStudy.run(REFERENCE, spec, d.recording(engine), line -> { });
            d.publish(result, "tables\n");
            return result;
        } finally {
            if (engine instanceof LocalTrialEngine local) {
                local.close();
            }
        }
    }

    /** An engine whose every result, when read, fails the test. */
    private static TrialEngine refusingEngine() {
        return new TrialEngine() {
            @Override
            public Future<SeedTrials.Attempt> submit(ScalingTrial trial) {
                // a point submits all its seeds; only reading one that was judged before would be a recomputation
                return java.util.concurrent.CompletableFuture.failedFuture(new AssertionError("recomputed " + trial.label()));
            }

            @Override
            public int parallelism() {
                return 1;
            }
        };
    }

    static com.fasterxml.jackson.databind.JsonNode records(ScalingLawStudy.Result r) {
        return ScalingLawDirectory.records(RunConfigs.toJson(r));
    }

    /** The distinct trials the study judged (each appears once in the journal, though the rank side repeats a d-side point). */
    static java.util.Set<String> judged(ScalingLawStudy.Result r) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        int rank = spec.rank();
        for (ScalingLawStudy.OrderResult o : r.orders()) {
            for (ScalingLawStudy.DimensionPoint p : o.points()) {
                p.search().scanned().forEach(w -> add(keys, "variant", p.order(), p.dim(), rank, w.width(), w.trials()));
                add(keys, "variant", p.order(), p.dim(), rank, o.grid().fixedWidth(), p.fixed());
                if (p.vanilla() != null) {
                    add(keys, "vanilla", p.order(), p.dim(), rank, p.search().width(), p.vanilla());
                    add(keys, "noReinit", p.order(), p.dim(), rank, p.search().width(), p.noReinit());
                }
            }
        }
        for (ScalingLawStudy.RankPoint p : r.rank().points()) {
            p.search().scanned().forEach(w -> add(keys, "variant", r.rank().grid().order(), r.rank().grid().dim(), p.rank(), w.width(),
                    w.trials()));
        }
        return keys;
    }

    private static void add(java.util.Set<String> keys, String kind, int l, int d, int r, int m, SeedTrials.Trials t) {
        for (int k = 0; k < t.run(); k++) {
            keys.add(kind + " " + l + " " + d + " " + r + " " + m + " " + (t.firstSeed() + k));
        }
    }

    /** Trials the study submits (every point submits all its planned seeds). */
    static int submitted(ScalingLawStudy.Result r) {
        int n = 0;
        for (ScalingLawStudy.OrderResult o : r.orders()) {
            for (ScalingLawStudy.DimensionPoint p : o.points()) {
                n += p.search().scanned().size() * spec.seedsPerPoint() + spec.fixedWidthSeeds()
                        + (p.vanilla() == null ? 0 : 2 * spec.seedsPerPoint());
            }
        }
        for (ScalingLawStudy.RankPoint p : r.rank().points()) {
            n += p.search().scanned().size() * spec.seedsPerPoint();
        }
        return n;
    }
}
