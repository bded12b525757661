package org.beyondlazy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line and scatter charts through XChart (headless), written twice: a PNG and, beside it with the same
 * base name, an SVG (XChart's {@link VectorGraphicsEncoder} on VectorGraphics2D). A series may carry a
 * 95% interval per point, drawn as a vertical bar in the series' colour; the legend entry should say
 * which interval (Wilson, Student t, range).
 */
public final class Plots {
    /**
     * One series: name (the legend; it should name the spec id), x, y, whether to draw markers instead of
     * a line, and per-point interval bounds (both null for none).
     */
    public record Series(String name, double[] x, double[] y, boolean markers, double[] lower, double[] upper) {
        public Series {
            if ((lower == null) != (upper == null) || lower != null && (lower.length != y.length || upper.length != y.length)) {
                throw new IllegalArgumentException(name + ": interval bounds must both be given, one per point");
            }
        }

        /** A series without intervals. */
        public Series(String name, double[] x, double[] y, boolean markers) {
            this(name, x, y, markers, null, null);
        }
    }

    /** Axes: titles and which are logarithmic. */
    public record Axes(String x, String y, boolean logX, boolean logY) {
    }

    /** Most points drawn per series: longer series are thinned to every k-th point (first and last kept), so an SVG stays small. */
    static final int MAX_POINTS = 2500;

    /** Colours in series order (Okabe–Ito, readable by colour-blind readers). */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0), new Color(240, 228, 66)};

    private Plots() {
    }

    /** A chart with a linear x axis ({@link #chart}). */
    public static void line(Path png, String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        chart(png, title, new Axes(xLabel, yLabel, false, logY), series);
    }

    /** A chart with both axes logarithmic (a log–log diagram, {@link #chart}). */
    public static void logLog(Path png, String title, String xLabel, String yLabel, List<Series> series) {
        chart(png, title, new Axes(xLabel, yLabel, true, true), series);
    }

    /**
     * Writes {@code png} and the SVG beside it ({@code name.svg}). On a log axis, points with a
     * non-positive or non-finite coordinate are dropped and interval bounds below the smallest plotted
     * value are cut there (the bar still shows the interval reaches below).
     */
    public static void chart(Path png, String title, Axes axes, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(540).title(title).xAxisTitle(axes.x()).yAxisTitle(axes.y()).build();
        chart.getStyler().setXAxisLogarithmic(axes.logX());
        chart.getStyler().setYAxisLogarithmic(axes.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // long legends (with spec ids) never hide points
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double floor = axes.logY() ? smallestPositive(series) : Double.NEGATIVE_INFINITY;
        int colour = 0;
        for (Series s : series) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < s.y().length; i++) {
                if (plottable(s.x()[i], axes.logX()) && plottable(s.y()[i], axes.logY())) {
                    kept.add(i);
                }
            }
            if (kept.size() > MAX_POINTS) {
                int stride = (kept.size() + MAX_POINTS - 1) / MAX_POINTS;
                List<Integer> thinned = new ArrayList<>();
                for (int k = 0; k < kept.size(); k += stride) {
                    thinned.add(kept.get(k));
                }
                if (!thinned.get(thinned.size() - 1).equals(kept.get(kept.size() - 1))) {
                    thinned.add(kept.get(kept.size() - 1));
                }
                kept = thinned;
            }
            if (kept.isEmpty()) {
                continue;
            }
            Color c = PALETTE[colour++ % PALETTE.length];
            double[] x = kept.stream().mapToDouble(i -> s.x()[i]).toArray();
            double[] y = kept.stream().mapToDouble(i -> s.y()[i]).toArray();
            XYSeries xy = chart.addSeries(s.name(), x, y);
            xy.setLineColor(c);
            xy.setMarkerColor(c);
            if (s.markers()) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                xy.setMarker(SeriesMarkers.NONE);
            }
            if (s.lower() != null) {
                for (int i : kept) {
                    double lo = Math.max(s.lower()[i], floor);
                    double hi = s.upper()[i];
                    if (!(hi > lo) || !Double.isFinite(hi) || !Double.isFinite(lo)) {
                        continue; // a degenerate interval (one seed, or all seeds equal) has no bar
                    }
                    XYSeries bar = chart.addSeries(s.name() + " #interval " + i, new double[] {s.x()[i], s.x()[i]}, new double[] {lo, hi});
                    bar.setShowInLegend(false);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(c);
                    bar.setLineStyle(new BasicStroke(1.5f));
                }
            }
        }
        Path svg = png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", "") + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean plottable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static double smallestPositive(List<Series> series) {
        double min = Double.POSITIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y()) {
                if (v > 0 && v < min) {
                    min = v;
                }
            }
        }
        return Double.isFinite(min) ? min / 10 : Double.MIN_NORMAL;
    }
}
