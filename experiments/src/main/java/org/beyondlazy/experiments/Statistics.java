package org.beyondlazy.experiments;

import java.util.Arrays;

/** Order statistics of per-seed results (medians, ranges, means) shared by the studies' records. */
public final class Statistics {
    private Statistics() {
    }

    /** The median (mean of the two middle values for an even count); NaN for an empty array. */
    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    public static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    public static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    /** The mean of the squares, (1/n) Σ x_s². */
    public static double meanSquare(double[] x) {
        return Arrays.stream(x).map(v -> v * v).average().orElse(Double.NaN);
    }
}
