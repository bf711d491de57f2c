package ai.vidyut.console.ui.charts;

import javafx.beans.NamedArg;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.List;

/**
 * A line chart that does not draw a line across missing data: where two consecutive points are further apart
 * on the x axis than {@link #maxGapProperty()} — and than three times the series' usual spacing, so that a slow
 * feed still draws lines — the line is broken, so an outage shows as an outage instead of a straight line.
 * A max gap of 0 or less draws ordinary lines.
 */
public class GapLineChart extends LineChart<Number, Number> {

    private final DoubleProperty maxGap = new SimpleDoubleProperty(0);

    public GapLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
        maxGap.addListener((o, was, now) -> requestChartLayout());
    }

    public DoubleProperty maxGapProperty() {
        return maxGap;
    }

    public void setMaxGap(double gap) {
        maxGap.set(gap);
    }

    public double getMaxGap() {
        return maxGap.get();
    }

    /** The gap above which a line breaks, for points at these x values (sorted). Infinite: never break. */
    protected double threshold(double[] xs) {
        double gap = maxGap.get();
        if (gap <= 0 || xs.length < 3) {
            return Double.POSITIVE_INFINITY;
        }
        double[] steps = new double[xs.length - 1];
        for (int i = 1; i < xs.length; i++) {
            steps[i - 1] = Math.abs(xs[i] - xs[i - 1]);
        }
        java.util.Arrays.sort(steps);
        return Math.max(gap, 3 * steps[steps.length / 2]);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (maxGap.get() <= 0) {
            return;
        }
        for (XYChart.Series<Number, Number> series : getData()) {
            Node node = series.getNode();
            if (!(node instanceof Path path)) {
                continue;
            }
            List<XYChart.Data<Number, Number>> data = series.getData();
            double limit = threshold(data.stream().mapToDouble(d -> d.getXValue().doubleValue()).toArray());
            if (Double.isInfinite(limit)) {
                continue;
            }
            path.getElements().clear();
            double previousX = Double.NaN;
            for (XYChart.Data<Number, Number> d : data) {
                double x = d.getXValue().doubleValue();
                double px = getXAxis().getDisplayPosition(d.getXValue());
                double py = getYAxis().getDisplayPosition(d.getYValue());
                if (Double.isNaN(previousX) || Math.abs(x - previousX) > limit) {
                    path.getElements().add(new MoveTo(px, py));
                } else {
                    path.getElements().add(new LineTo(px, py));
                }
                previousX = x;
            }
        }
    }
}
