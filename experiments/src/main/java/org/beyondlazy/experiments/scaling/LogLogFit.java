package org.beyondlazy.experiments.scaling;

import org.beyondlazy.core.SpecRef;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * An ordinary-least-squares fit of log y = a + b·log x with a 95% t-interval for the slope b (spec E7.10):
 * b̂ ± t_{0.975, n−2}·s/√Sxx, s² the residual variance with n − 2 degrees of freedom. With n = 2 points the
 * interval is undefined (NaN); with an exact fit it collapses to b̂. The interval is a description of the
 * scatter around a straight line on the measured grid, not a bound on the asymptotic exponent.
 *
 * @param points    n, the pairs fitted (positive x and y only)
 * @param slope     b̂
 * @param lower     lower end of the 95% interval of b
 * @param upper     upper end
 * @param intercept â
 */
@SpecRef("E7.10")
public record LogLogFit(int points, double slope, double lower, double upper, double intercept) {
    /** Confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** A fit with no data (fewer than two usable points). */
    public static LogLogFit none(int points) {
        return new LogLogFit(points, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Fits the pairs with x &gt; 0 and y &gt; 0 (both finite); fewer than two distinct x give {@link #none}. */
    public static LogLogFit of(double[] x, double[] y) {
        int n = 0;
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            if (x[k] > 0 && y[k] > 0 && Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                lx[n] = Math.log(x[k]);
                ly[n++] = Math.log(y[k]);
            }
        }
        if (n < 2) {
            return none(n);
        }
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += lx[k] / n;
            my += ly[k] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            sxx += (lx[k] - mx) * (lx[k] - mx);
            sxy += (lx[k] - mx) * (ly[k] - my);
        }
        if (!(sxx > 0)) {
            return none(n);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        if (n == 2) {
            return new LogLogFit(n, slope, Double.NaN, Double.NaN, intercept);
        }
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double r = ly[k] - intercept - slope * lx[k];
            ss += r * r;
        }
        double se = Math.sqrt(ss / (n - 2) / sxx);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return new LogLogFit(n, slope, slope - t * se, slope + t * se, intercept);
    }

    /** Whether the interval exists. */
    public boolean hasInterval() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
