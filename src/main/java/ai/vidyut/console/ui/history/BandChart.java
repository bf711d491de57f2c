package ai.vidyut.console.ui.history;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ai.vidyut.console.ui.charts.GapLineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/** A line chart (the mean) with a shaded min/max band behind it; both break where data is missing. */
public final class BandChart extends GapLineChart {

    /** One band sample: at {@code x}, the range from {@code low} to {@code high}. */
    public record Band(double x, double low, double high) {
    }

    private final ObservableList<Band> band = FXCollections.observableArrayList();
    private final Path bandPath = new Path();

    public BandChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        bandPath.getStyleClass().add("band-fill");
        bandPath.setManaged(false);
        getPlotChildren().add(0, bandPath);
        band.addListener((javafx.collections.ListChangeListener<Band>) c -> requestChartLayout());
    }

    public ObservableList<Band> band() {
        return band;
    }

    private void addSegment(NumberAxis x, NumberAxis y, int from, int to) {
        if (to - from < 2) {
            return;
        }
        Band first = band.get(from);
        bandPath.getElements().add(new MoveTo(x.getDisplayPosition(first.x()), y.getDisplayPosition(first.high())));
        for (int i = from + 1; i < to; i++) {
            Band b = band.get(i);
            bandPath.getElements().add(new LineTo(x.getDisplayPosition(b.x()), y.getDisplayPosition(b.high())));
        }
        for (int i = to - 1; i >= from; i--) {
            Band b = band.get(i);
            bandPath.getElements().add(new LineTo(x.getDisplayPosition(b.x()), y.getDisplayPosition(b.low())));
        }
        bandPath.getElements().add(new ClosePath());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        bandPath.getElements().clear();
        if (band.size() < 2) {
            return;
        }
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        // One closed polygon per run of samples without a gap.
        double limit = threshold(band.stream().mapToDouble(Band::x).toArray());
        int start = 0;
        for (int i = 1; i <= band.size(); i++) {
            if (i == band.size() || Math.abs(band.get(i).x() - band.get(i - 1).x()) > limit) {
                addSegment(x, y, start, i);
                start = i;
            }
        }
        if (getPlotChildren().indexOf(bandPath) != 0) {
            getPlotChildren().remove(bandPath);
            getPlotChildren().add(0, bandPath);
        }
    }
}
