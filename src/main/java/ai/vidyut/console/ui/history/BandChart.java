package ai.vidyut.console.ui.history;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/** A line chart (the mean) with a shaded min/max band behind it. */
public final class BandChart extends LineChart<Number, Number> {

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

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        bandPath.getElements().clear();
        if (band.size() < 2) {
            return;
        }
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        Band first = band.get(0);
        bandPath.getElements().add(new MoveTo(x.getDisplayPosition(first.x()), y.getDisplayPosition(first.high())));
        for (int i = 1; i < band.size(); i++) {
            Band b = band.get(i);
            bandPath.getElements().add(new LineTo(x.getDisplayPosition(b.x()), y.getDisplayPosition(b.high())));
        }
        for (int i = band.size() - 1; i >= 0; i--) {
            Band b = band.get(i);
            bandPath.getElements().add(new LineTo(x.getDisplayPosition(b.x()), y.getDisplayPosition(b.low())));
        }
        bandPath.getElements().add(new ClosePath());
        if (getPlotChildren().indexOf(bandPath) != 0) {
            getPlotChildren().remove(bandPath);
            getPlotChildren().add(0, bandPath);
        }
    }
}
