package org.beyondlazy.experiments.scaling;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.RunConfigs;

/**
 * The JSON config of {@code beyondlazy experiment scaling-law} (spec E7.11): every key optional, overriding the
 * profile named by {@code profile}. Unknown keys and wrong types are bad input naming the key; values are
 * validated by {@link ScalingLawStudy.Spec} before any run. Fields are public for Jackson; absent means "keep".
 */
@SpecRef("E7.11")
public final class ScalingLawConfig {
    public String profile;
    public List<Grid> grids;
    public Integer rank;
    public int[] widths;
    private RankSide rankGrid;
    private boolean rankGridGiven;
    public Integer seedsPerPoint;
    public Long firstSeed;
    public Double epsilon;
    public Double requiredLowerBound;
    public Boolean controls;
    public Integer fixedWidthSeeds;
    public Integer lazySeeds;
    public Long lazyFirstSeed;
    public Schedule schedule;

    /** One d grid. */
    public static final class Grid {
        public int order;
        public int[] dims;
        public int fixedWidth;
    }

    /** The rank side. */
    public static final class RankSide {
        public int order;
        public int dim;
        public int[] ranks;
    }

    /** The schedule of E7.9. */
    public static final class Schedule {
        public double eta;
        public double lambda;
        public double vanillaInitNorm;
        public List<OrderBase> orders;
    }

    /** One order's base. */
    public static final class OrderBase {
        public int order;
        public int calibrationDim;
        public int stepsPerEpoch;
        public int epochs;
        public double delta;
    }

    /** {@code "rankGrid": null} skips the rank side; Jackson calls this setter for an explicit null too. */
    @com.fasterxml.jackson.annotation.JsonSetter("rankGrid")
    public void setRankGrid(RankSide value) {
        rankGrid = value;
        rankGridGiven = true;
    }

    /**
     * The study that {@code --profile} and {@code --config} select: the named profile (else the config's, else quick),
     * with the config file's keys applied over it.
     *
     * @param profile the profile option, or null
     * @param config  the config file, or null
     * @throws BeyondLazyException naming {@code --profile} or {@code --config FILE} and the bad key
     */
    public static ScalingLawStudy.Spec resolve(String profile, Path config) {
        ScalingLawConfig file = config == null ? null : read("--config", config);
        String name = profile != null ? profile : file != null && file.profile != null ? file.profile : "quick";
        ScalingLawStudy.Spec base = BeyondLazyException.withInput("--profile", () -> ScalingLawStudy.Spec.profile(name));
        return file == null ? base : BeyondLazyException.withInput("--config " + config, () -> file.apply(base));
    }

    /** Reads a config file; errors are MISSING_FILE, MALFORMED_FILE, or INVALID_INPUT naming the key (the strict reader of E9.7). */
    public static ScalingLawConfig read(String option, Path file) {
        String source = option + " " + file;
        if (!Files.isRegularFile(file)) {
            throw new BeyondLazyException(ErrorCode.MISSING_FILE, source);
        }
        try {
            ScalingLawConfig c = RunConfigs.mapper().readValue(file.toFile(), ScalingLawConfig.class); // strict JSON, E9.7
            if (c == null) {
                throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "empty config");
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "unknown key '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, source, "key " + pathOf(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BeyondLazyException(ErrorCode.MALFORMED_FILE, source, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The spec: {@code base} with every given key replaced (validated by the records' constructors). */
    public ScalingLawStudy.Spec apply(ScalingLawStudy.Spec base) {
        List<ScalingLawStudy.DimensionGrid> g = base.grids();
        if (grids != null) {
            g = new ArrayList<>();
            for (Grid x : grids) {
                g.add(new ScalingLawStudy.DimensionGrid(x.order, x.dims, x.fixedWidth));
            }
        }
        ScalingLawStudy.RankGrid r = base.rankGrid();
        if (rankGridGiven) {
            r = rankGrid == null ? null : new ScalingLawStudy.RankGrid(rankGrid.order, rankGrid.dim, rankGrid.ranks);
        }
        ScalingSchedule s = base.schedule();
        if (schedule != null) {
            List<ScalingSchedule.OrderBase> bases = new ArrayList<>();
            if (schedule.orders != null) {
                for (OrderBase b : schedule.orders) {
                    bases.add(new ScalingSchedule.OrderBase(b.order, b.calibrationDim, b.stepsPerEpoch, b.epochs, b.delta));
                }
            }
            s = new ScalingSchedule(schedule.eta, schedule.lambda, schedule.vanillaInitNorm, bases);
        }
        return new ScalingLawStudy.Spec(g, or(rank, base.rank()), widths != null ? widths : base.widths(), r,
                or(seedsPerPoint, base.seedsPerPoint()), or(firstSeed, base.firstSeed()), or(epsilon, base.epsilon()),
                or(requiredLowerBound, base.requiredLower()), or(controls, base.controls()), or(fixedWidthSeeds, base.fixedWidthSeeds()),
                or(lazySeeds, base.lazySeeds()), or(lazyFirstSeed, base.lazyFirstSeed()), s);
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            b.append(ref.getFieldName() != null ? (b.length() > 0 ? "." : "") + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return b.length() == 0 ? "?" : "'" + b + "'";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
