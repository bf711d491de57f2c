package ai.vidyut.console.ui.charts;

import javafx.beans.NamedArg;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.chart.Axis;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * A {@link GapLineChart} that can draw, behind its lines, vertical marks over spans of the x axis (anomalies,
 * coloured by severity) and a horizontal band of expected values with its centre line.
 */
public class MarkedChart extends GapLineChart {

    /** A span of the x axis drawn as a translucent full-height stripe; {@code id} ends up in the node's id. */
    public record Mark(String id, double fromX, double toX, Color color) {
    }

    /** Expected values: the centre line and the band from {@code low} to {@code high} over the whole x axis. */
    public record ExpectedBand(double expected, double low, double high) {
    }

    private static final double MIN_MARK_WIDTH = 3;

    private final ObservableList<Mark> marks = FXCollections.observableArrayList();
    private final Group markLayer = new Group();
    private final Rectangle bandRect = new Rectangle();
    private final Line expectedLine = new Line();
    private ExpectedBand band;

    public MarkedChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
        markLayer.setManaged(false);
        markLayer.setMouseTransparent(true);
        bandRect.getStyleClass().add("expected-band");
        bandRect.setFill(Color.web("#2ea8ff", 0.18));
        bandRect.setVisible(false);
        expectedLine.getStyleClass().add("expected-line");
        expectedLine.setStroke(Color.web("#2ea8ff", 0.8));
        expectedLine.getStrokeDashArray().setAll(6.0, 4.0);
        expectedLine.setVisible(false);
        markLayer.getChildren().addAll(bandRect, expectedLine);
        getPlotChildren().add(0, markLayer);
        marks.addListener((ListChangeListener<Mark>) c -> requestChartLayout());
    }

    public ObservableList<Mark> marks() {
        return marks;
    }

    /** The expected band to draw, or null for none. */
    public void setExpectedBand(ExpectedBand b) {
        band = b;
        requestChartLayout();
    }

    public ExpectedBand expectedBand() {
        return band;
    }

    /** The stripes currently drawn, one per mark (for tests and screenshots). */
    public List<Rectangle> markNodes() {
        return markLayer.getChildren().stream().filter(n -> n instanceof Rectangle && n != bandRect)
                .map(n -> (Rectangle) n).toList();
    }

    public Rectangle bandNode() {
        return bandRect;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Axis<Number> x = getXAxis();
        Axis<Number> y = getYAxis();
        markLayer.getChildren().retainAll(bandRect, expectedLine);
        double height = y.getHeight();
        double width = x.getWidth();
        for (Mark m : marks) {
            double from = x.getDisplayPosition(m.fromX());
            double to = x.getDisplayPosition(m.toX());
            double left = Math.max(0, Math.min(from, to));
            double right = Math.min(width, Math.max(from, to));
            if (right < 0 || left > width) {
                continue;
            }
            if (right - left < MIN_MARK_WIDTH) {
                right = Math.min(width, left + MIN_MARK_WIDTH);
                left = Math.max(0, right - MIN_MARK_WIDTH);
            }
            Rectangle r = new Rectangle(left, 0, right - left, height);
            r.setFill(m.color().deriveColor(0, 1, 1, 0.28));
            r.setStroke(m.color());
            r.setStrokeWidth(1);
            r.getStyleClass().add("anomaly-mark");
            r.setId("mark-" + m.id());
            markLayer.getChildren().add(r);
        }
        if (band == null || !Double.isFinite(band.low()) || !Double.isFinite(band.high())) {
            bandRect.setVisible(false);
            expectedLine.setVisible(false);
        } else {
            double top = y.getDisplayPosition(band.high());
            double bottom = y.getDisplayPosition(band.low());
            bandRect.setX(0);
            bandRect.setWidth(width);
            bandRect.setY(Math.min(top, bottom));
            bandRect.setHeight(Math.max(1, Math.abs(bottom - top)));
            bandRect.setVisible(true);
            double ey = y.getDisplayPosition(band.expected());
            expectedLine.setStartX(0);
            expectedLine.setEndX(width);
            expectedLine.setStartY(ey);
            expectedLine.setEndY(ey);
            expectedLine.setVisible(true);
        }
        if (getPlotChildren().indexOf(markLayer) != 0) {
            getPlotChildren().remove(markLayer);
            getPlotChildren().add(0, markLayer);
        }
    }
}
