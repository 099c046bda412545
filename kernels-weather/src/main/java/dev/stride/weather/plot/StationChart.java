package dev.stride.weather.plot;

import dev.stride.weather.OutlierDetector;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link StationSeries} with JFreeChart: the raw series, the rolling mean, the {@code mean +- t*std}
 * band as two thin lines, and the outliers as red dots; written as PNG or SVG (JFreeSVG) by file extension.
 * Missing values leave gaps in the lines.
 */
public final class StationChart {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 700;

    private StationChart() {}

    /**
     * Writes the chart.
     *
     * @param series the rows to draw
     * @param parameters the detection parameters (for the band and the title)
     * @param measurement the measurement name, for the axis label
     * @param out a {@code .png} or {@code .svg} path
     * @throws IOException when writing fails
     */
    public static void write(StationSeries series, OutlierDetector.Parameters parameters, String measurement, Path out)
            throws IOException {
        JFreeChart chart = chart(series, parameters, measurement);
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
            Files.writeString(out, svg.getSVGDocument(), StandardCharsets.UTF_8);
        } else {
            ChartUtils.saveChartAsPNG(out.toFile(), chart, WIDTH, HEIGHT);
        }
    }

    private static JFreeChart chart(StationSeries series, OutlierDetector.Parameters parameters, String measurement) {
        double t = parameters.threshold();
        XYSeries value = new XYSeries("value", false, true);
        XYSeries mean = new XYSeries("rolling mean (n=" + parameters.window() + ")", false, true);
        XYSeries upper = new XYSeries("mean + " + t + " std", false, true);
        XYSeries lower = new XYSeries("mean - " + t + " std", false, true);
        XYSeries outliers = new XYSeries("outliers", false, true);
        for (int i = 0; i < series.size(); i++) {
            double millis = series.timestamp()[i] * 1000.0;
            value.add(millis, nanToNull(series.value()[i]), false);
            mean.add(millis, nanToNull(series.mean()[i]), false);
            upper.add(millis, nanToNull(series.mean()[i] + t * series.std()[i]), false);
            lower.add(millis, nanToNull(series.mean()[i] - t * series.std()[i]), false);
            if (series.outlier()[i]) {
                outliers.add(millis, series.value()[i], false);
            }
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(value);
        lines.addSeries(mean);
        lines.addSeries(upper);
        lines.addSeries(lower);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, new Color(60, 90, 160));
        lineRenderer.setSeriesPaint(1, new Color(230, 140, 20));
        lineRenderer.setSeriesPaint(2, new Color(150, 150, 150));
        lineRenderer.setSeriesPaint(3, new Color(150, 150, 150));
        lineRenderer.setSeriesStroke(0, new BasicStroke(0.8f));
        lineRenderer.setSeriesStroke(2, new BasicStroke(0.6f));
        lineRenderer.setSeriesStroke(3, new BasicStroke(0.6f));
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, Color.RED);
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new DateAxis("time (UTC)"));
        plot.setRangeAxis(new NumberAxis(measurement));
        plot.setDataset(0, new XYSeriesCollection(outliers));
        plot.setRenderer(0, dotRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        String title = String.format(
                "window %d, threshold %s%s; outliers: %d",
                parameters.window(), t, parameters.excludePoint() ? ", point excluded" : "", series.outlierCount());
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
