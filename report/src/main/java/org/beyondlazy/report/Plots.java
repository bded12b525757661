package org.beyondlazy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG line charts through XChart (headless). */
public final class Plots {
    /** One line: name, x, y, whether to draw markers instead of a line. */
    public record Series(String name, double[] x, double[] y, boolean markers) {
    }

    private Plots() {
    }

    /** Writes a PNG chart to {@code file}. Non-positive values are dropped on a log axis. */
    public static void line(Path file, String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        chart(file, title, xLabel, yLabel, false, logY, series);
    }

    /** Writes a PNG chart with both axes logarithmic (a log–log diagram); non-positive points are dropped. */
    public static void logLog(Path file, String title, String xLabel, String yLabel, List<Series> series) {
        chart(file, title, xLabel, yLabel, true, true, series);
    }

    private static void chart(Path file, String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(logX ? 650 : 500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(logX ? org.knowm.xchart.style.Styler.LegendPosition.OutsideS
                : org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            int n = 0;
            for (int i = 0; i < y.length; i++) {
                n += keep(x[i], logX) && keep(y[i], logY) ? 1 : 0;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            int k = 0;
            for (int i = 0; i < y.length; i++) {
                if (keep(x[i], logX) && keep(y[i], logY)) {
                    xs[k] = x[i];
                    ys[k++] = y[i];
                }
            }
            if (n == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), xs, ys);
            if (s.markers()) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean keep(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }
}
