package org.beyondlazy.fast.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.Backend;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.RecoveryExperiment;
import org.beyondlazy.core.variant.VariantConfig;

/**
 * The paper-scale table of claim C8 (spec E7.5) on the fast path: for l = 3 (m = 30, δ = 1e-3, H = 3000,
 * K = 8) and l = 4 (m = 40, δ = 1e-2, H = 4000, K = 10), at growing d, the variant's final relative error
 * (median and range over seeds) next to the lazy residual. Prints Markdown on standard output.
 *
 * <p>Usage: {@code java -cp … org.beyondlazy.fast.RecoveryTable [seeds] [l:d,d,… …]}, e.g.
 * {@code 5 3:10,20,40 4:8,16} (the default). The lazy-residual column is "pending" until the lazy
 * residual (issue 3) is wired in through {@link RecoveryExperiment.LazyResidual}.
 */
@SpecRef("E7.5")
public final class RecoveryTable {
    /** Success threshold of C8. */
    public static final double EPSILON = 5e-3;

    private RecoveryTable() {
    }

    /** The calibrated options of E7.1 for order l (l = 3 defaults; l = 4: m = 40, δ = 1e-2, H = 4000, K = 10). */
    public static VariantConfig configFor(int order) {
        VariantConfig base = VariantConfig.defaults();
        return order == 3 ? base : base.withWidth(40).withDelta(1e-2).withStepsPerEpoch(4000).withEpochs(10);
    }

    /** Runs the rows and returns the Markdown table. */
    public static String table(Backend backend, int seeds, List<int[]> orderAndDims, RecoveryExperiment.LazyResidual lazy,
            int threads) {
        List<RecoveryExperiment.Row> rows = new ArrayList<>();
        for (int[] spec : orderAndDims) {
            int order = spec[0];
            for (int k = 1; k < spec.length; k++) {
                RecoveryExperiment.Row row = RecoveryExperiment.run(backend, order, spec[k], 3, 1.0 / 3, configFor(order),
                        seeds, EPSILON, lazy, threads);
                rows.add(row);
                System.err.printf(Locale.ROOT, "l=%d d=%d done in %.0f s%n", order, spec[k], row.seconds());
            }
        }
        return RecoveryExperiment.markdown(rows);
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<int[]> specs = new ArrayList<>();
        String[] groups = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"3:10,20,40", "4:8,16"};
        for (String g : groups) {
            String[] parts = g.split(":");
            String[] dims = parts[1].split(",");
            int[] spec = new int[dims.length + 1];
            spec[0] = Integer.parseInt(parts[0]);
            for (int k = 0; k < dims.length; k++) {
                spec[k + 1] = Integer.parseInt(dims[k]);
            }
            specs.add(spec);
        }
        Backend backend = new GramBackend();
        System.out.println("Backend: " + backend.name() + ", seeds 0.." + (seeds - 1) + ", truth seeds "
                + RecoveryExperiment.TRUTH_SEED_OFFSET + "+s, r = 3 random unit u_j*, c_j* = 1/3; l=3: "
                + configFor(3) + "; l=4: " + configFor(4));
        System.out.println();
        // the lazy column: ρ_lazy (A5.2) of the plain model at the same (m, d), W₀ with N(0, 1/d) entries from the
        // run's seed, in the fast path's packed tangent space (E8.8); "-Dbeyondlazy.lazy=false" skips it
        RecoveryExperiment.LazyResidual lazy = Boolean.parseBoolean(System.getProperty("beyondlazy.lazy", "true"))
                ? (truth, width, seed) -> backend.tangentSpace(org.beyondlazy.core.Problem.of(org.beyondlazy.core.ModelKind.PLAIN,
                        width, 0.0, truth), org.beyondlazy.core.Generators.gaussian(org.beyondlazy.core.Generators.rng(seed), width,
                        truth.dim(), 1.0 / Math.sqrt(truth.dim()))).lazyResidual(truth)
                : null;
        System.out.print(table(backend, seeds, specs, lazy, Runtime.getRuntime().availableProcessors()));
    }
}
