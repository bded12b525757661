package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code bench} prints its fields (no timing assertion); {@code lazy} validates before reporting. */
class BenchLazyTest {
    @Test
    void benchPrintsTheDocumentedFields() {
        for (String c : new String[] {"factored", "dense"}) {
            CliRun run = CliRun.of("bench", "--json", "--case", c, "--dim", "4", "--width", "3", "--rank", "2", "--order", "3",
                    "--steps", "2", "--repetitions", "3", "--implementation", "reference");
            assertThat(run.status()).as(run.toString()).isZero();
            JsonNode j = run.json();
            for (String field : new String[] {"msPerStepMedian", "gflops", "backend", "threads", "dim", "width", "rank", "order"}) {
                assertThat(j.has(field)).as(field).isTrue();
            }
            assertThat(j.get("backend").asText()).isEqualTo("reference");
            assertThat(j.get("msPerStepMedian").asDouble()).isPositive();
        }
        CliRun fast = CliRun.of("bench", "--json", "--case", "factored", "--dim", "4", "--width", "3", "--rank", "2", "--order", "3",
                "--steps", "2", "--repetitions", "1");
        assertThat(fast.status()).as(fast.toString()).isZero();
        assertThat(fast.json().get("backend").asText()).as("the default implementation").startsWith("gram[");
        assertThat(fast.json().get("blas").asText()).isEqualTo(org.beyondlazy.fast.Blas.describe(org.beyondlazy.fast.Blas.best()));
        assertThat(fast.json().get("threads").asInt()).isEqualTo(org.beyondlazy.fast.Blas.library().threads());
        assertThat(fast.json().has("lapack")).isTrue();
    }

    @Test
    void lazyReportsRankAndResidualAroundTheThreshold() {
        CliRun below = CliRun.of("lazy", "--json", "--dim", "6", "--order", "3", "--width", "3", "--trials", "4", "--seed", "5");
        assertThat(below.status()).as(below.toString()).isZero();
        JsonNode b = below.json();
        assertThat(b.get("symmetricDimension").asInt()).isEqualTo(56);
        assertThat(b.get("mStar").asInt()).isEqualTo(10);
        assertThat(b.get("tangentRank").asInt()).isEqualTo(b.get("expectedRank").asInt()).isEqualTo(18);
        assertThat(b.get("residualMin").asDouble()).isPositive();
        assertThat(b.get("trials").asInt()).isEqualTo(4);
        for (String f : new String[] {"residualMean", "residualMeanSquare", "residualMax"}) {
            assertThat(b.has(f)).as(f).isTrue();
        }
        CliRun at = CliRun.of("lazy", "--json", "--dim", "6", "--order", "3", "--width", "10", "--trials", "2");
        assertThat(at.json().get("residualMax").asDouble()).isLessThan(1e-12); // round-off of the projection (C6's ROUND_OFF)
        assertThat(at.json().get("tangentRank").asInt()).isEqualTo(56);
    }

    @Test
    void lazyRoutesAgree() {
        // the kernel form (A8.1) and the packed SVD (E8.8) on the same seeded instances, below and at m*
        for (String width : new String[] {"4", "9", "10"}) {
            JsonNode packed = CliRun.of("lazy", "--json", "--dim", "6", "--order", "3", "--width", width, "--trials", "3",
                    "--route", "packed").json();
            JsonNode kernel = CliRun.of("lazy", "--json", "--dim", "6", "--order", "3", "--width", width, "--trials", "3",
                    "--route", "kernel").json();
            assertThat(packed.get("route").asText()).isEqualTo("packed");
            assertThat(kernel.get("route").asText()).isEqualTo("kernel");
            assertThat(kernel.get("tangentRank").asInt()).as("m=%s", width).isEqualTo(packed.get("tangentRank").asInt());
            double tolerance = 1e-12 + Math.sqrt(kernel.get("residualSquareAccuracy").asDouble());
            for (String f : new String[] {"residualMin", "residualMax", "residualMean"}) {
                assertThat(kernel.get(f).asDouble()).as("%s at m=%s", f, width).isCloseTo(packed.get(f).asDouble(),
                        org.assertj.core.data.Offset.offset(tolerance));
            }
        }
        CliRun bad = CliRun.of("lazy", "--dim", "6", "--order", "3", "--width", "4", "--route", "svd");
        assertThat(bad.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(bad.err()).contains("svd");
    }

    @Test
    void compareRunsTheCommittedScriptOrSaysWhyNot() {
        CliRun run = CliRun.of("bench", "--json", "--case", "factored", "--dim", "4", "--width", "3", "--rank", "2", "--order", "3",
                "--steps", "1", "--repetitions", "1", "--compare", "numpy");
        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode c = run.json().get("compare");
        if (c.has("skipped")) {
            assertThat(c.get("skipped").asText()).startsWith("numpy comparison skipped: ");
        } else {
            assertThat(c.get("runtime").asText()).isEqualTo("numpy");
            assertThat(c.get("forms").get("gram").get("ratio").asDouble()).isPositive();
        }
        CliRun bad = CliRun.of("bench", "--case", "factored", "--dim", "4", "--width", "3", "--rank", "2", "--order", "3", "--compare", "julia");
        assertThat(bad.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(bad.err()).contains("--compare").contains("julia");
    }

    @Test
    void versionNamesTheBlasLibrary() {
        CliRun run = CliRun.of("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("beyondlazy 0.1.0").contains("fast path " + org.beyondlazy.fast.Blas.describe());
    }

    @Test
    void unknownImplementationIsBadInput() {
        CliRun run = CliRun.of("bench", "--case", "factored", "--dim", "4", "--width", "3", "--rank", "2", "--order", "3",
                "--implementation", "gpu");
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("gpu");
    }

    @Test
    void helpOnEverySubcommand() {
        for (String sub : new String[] {"eval", "check", "lazy", "run", "sweep", "audit", "bench", "experiment"}) {
            CliRun run = CliRun.of(sub, "--help");
            assertThat(run.status()).as(sub).isZero();
            assertThat(run.out()).as(sub).contains("Usage: beyondlazy " + sub);
        }
        assertThat(CliRun.of().status()).isEqualTo(ExitStatus.BAD_INPUT);
    }
}
