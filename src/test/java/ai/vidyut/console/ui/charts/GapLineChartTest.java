package ai.vidyut.console.ui.charts;

import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class GapLineChartTest {

    private GapLineChart chart;
    private XYChart.Series<Number, Number> series;

    @Start
    void start(Stage stage) {
        chart = new GapLineChart(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        series = new XYChart.Series<>();
        for (double x : new double[]{0, 1, 2, 3, 4, 20, 21, 22}) {
            series.getData().add(new XYChart.Data<>(x, x * 2));
        }
        chart.getData().add(series);
        stage.setScene(new Scene(chart, 400, 300));
        stage.show();
    }

    private long moves(FxRobot robot) {
        long[] n = new long[1];
        robot.interact(() -> {
            chart.layout();
            n[0] = ((Path) series.getNode()).getElements().stream().filter(e -> e instanceof MoveTo).count();
        });
        return n[0];
    }

    @Test
    void breaksTheLineWhereDataIsMissingOnly(FxRobot robot) {
        robot.interact(() -> chart.setMaxGap(2));
        assertThat(moves(robot)).isEqualTo(2);
        robot.interact(() -> chart.setMaxGap(0));
        assertThat(moves(robot)).isEqualTo(1);
        // A gap no larger than three usual steps is not a gap, whatever maxGap says.
        robot.interact(() -> chart.setMaxGap(0.5));
        robot.interact(() -> {
            series.getData().get(5).setXValue(6);
            series.getData().get(6).setXValue(7);
            series.getData().get(7).setXValue(8);
        });
        assertThat(moves(robot)).isEqualTo(1);
    }
}
