package org.beyondlazy.core.momentum;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The amplitude envelope of an oscillating, decaying signal and the slope of its fit (spec E6.5): the
 * signal's maximum over consecutive windows, then the least-squares slope of log(max) against the time of
 * the max (exponential decay) or against its logarithm (polynomial decay).
 */
@SpecRef("E6.5")
public final class Envelope {
    /** The window maxima: times of the maxima and the maxima. */
    public record Maxima(double[] times, double[] values) {
    }

    private Envelope() {
    }

    /**
     * E6.5 step 1: the maximum of {@code values} over each window [edges[j], edges[j+1]) of time.
     *
     * @param times  increasing sample times; not modified
     * @param values samples, same length; not modified
     * @param edges  increasing window edges (at least two); windows without samples are an error
     */
    @SpecRef("E6.5")
    public static Maxima windowMaxima(double[] times, double[] values, double[] edges) {
        Check.length("envelope values", values, times.length, "one per time");
        int windows = edges.length - 1;
        Check.atLeast("number of envelope windows", windows, 2);
        double[] tMax = new double[windows];
        double[] vMax = new double[windows];
        for (int j = 0; j < windows; j++) {
            double best = Double.NEGATIVE_INFINITY;
            double at = Double.NaN;
            for (int k = 0; k < times.length; k++) {
                if (times[k] >= edges[j] && times[k] < edges[j + 1] && values[k] > best) {
                    best = values[k];
                    at = times[k];
                }
            }
            if (Double.isNaN(at)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "envelope window " + j,
                        "to contain samples", "[" + edges[j] + ", " + edges[j + 1] + ")");
            }
            tMax[j] = at;
            vMax[j] = best;
        }
        return new Maxima(tMax, vMax);
    }

    /** Edges t_a·ratio^j, j = 0.. while ≤ t_b (geometric windows for polynomial decay). */
    public static double[] geometricEdges(double from, double to, double ratio) {
        Check.positive("first edge", from);
        java.util.List<Double> e = new java.util.ArrayList<>();
        for (double t = from; t <= to * (1 + 1e-12); t *= ratio) {
            e.add(t);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Edges from, from + width, … ≤ to (uniform windows for exponential decay). */
    public static double[] uniformEdges(double from, double to, double width) {
        Check.positive("window width", width);
        int count = (int) Math.floor((to - from) / width + 1e-9) + 1;
        double[] e = new double[count];
        for (int j = 0; j < count; j++) {
            e[j] = from + j * width;
        }
        return e;
    }

    /** E6.5 step 2 (exponential): least-squares slope of log(max) against t. */
    @SpecRef("E6.5")
    public static double logSlope(Maxima maxima) {
        double[] y = logs(maxima.values());
        return slope(maxima.times(), y);
    }

    /** E6.5 step 2 (polynomial): least-squares slope of log(max) against log t. */
    @SpecRef("E6.5")
    public static double logLogSlope(Maxima maxima) {
        return slope(logs(maxima.times()), logs(maxima.values()));
    }

    /** The least-squares slope of y against x. */
    public static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k] / n;
            my += y[k] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = Math.log(v[k]);
        }
        return out;
    }
}
