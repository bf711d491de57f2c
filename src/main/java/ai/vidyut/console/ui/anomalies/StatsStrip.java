package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.AnomalyStore;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * A compact strip of a site's anomaly statistics: count, average and maximum confidence, anomalies per day, and two
 * small bar charts of anomalies by hour of day (24 bars) and by day of week (Monday first), in the site's zone.
 */
final class StatsStrip extends HBox {

    private static final String[] DAYS = {"M", "T", "W", "T", "F", "S", "S"};

    private final Label summary = new Label();
    private final Canvas hours = new Canvas(24 * 7, 34);
    private final Canvas days = new Canvas(7 * 14, 34);
    private final Label hoursTitle = new Label("by hour");
    private final Label daysTitle = new Label("by weekday");
    private AnomalyStore.SiteStats stats;

    StatsStrip() {
        super(14);
        setId("anomalyStats");
        setAlignment(Pos.CENTER_LEFT);
        summary.setId("anomalyStatsSummary");
        summary.getStyleClass().add("view-subtitle");
        hours.setId("anomalyStatsByHour");
        days.setId("anomalyStatsByDay");
        hoursTitle.getStyleClass().add("form-label");
        daysTitle.getStyleClass().add("form-label");
        getChildren().addAll(summary, new VBox(2, hoursTitle, hours), new VBox(2, daysTitle, days));
        show(null);
    }

    void show(AnomalyStore.SiteStats s) {
        stats = s;
        if (s == null || s.count() == 0) {
            summary.setText("No anomalies: no statistics yet.");
        } else {
            summary.setText(String.format(Locale.ROOT, "%d anomalies · confidence avg %.0f %% · max %.0f %% · "
                    + "%.2f per day", s.count(), 100 * s.avgConfidence(), 100 * s.maxConfidence(), s.perDay()));
        }
        String zone = s == null ? "" : " (" + s.zone() + ")";
        hoursTitle.setText("by hour of day" + zone);
        daysTitle.setText("by weekday");
        bars(hours, s == null ? new int[24] : s.byHour(), null);
        bars(days, s == null ? new int[7] : s.byDayOfWeek(), DAYS);
    }

    AnomalyStore.SiteStats stats() {
        return stats;
    }

    String summaryText() {
        return summary.getText();
    }

    private static void bars(Canvas c, int[] counts, String[] names) {
        GraphicsContext g = c.getGraphicsContext2D();
        double w = c.getWidth();
        double h = c.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#1c2230"));
        g.fillRect(0, 0, w, h);
        int max = 1;
        for (int n : counts) {
            max = Math.max(max, n);
        }
        double slot = w / counts.length;
        double labelH = names == null ? 0 : 10;
        for (int i = 0; i < counts.length; i++) {
            double bh = (h - labelH - 2) * counts[i] / max;
            g.setFill(Color.web("#ff9b54"));
            g.fillRect(i * slot + 1, h - labelH - bh, Math.max(1, slot - 2), bh);
            if (names != null) {
                g.setFill(Color.web("#8b949e"));
                g.fillText(names[i], i * slot + slot / 2 - 3, h - 1);
            }
        }
    }
}
