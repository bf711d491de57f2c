package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.Severity;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Swimlanes per asset/metric with one mark per anomaly, coloured by severity. Scroll zooms around the pointer, drag
 * pans, a click selects the nearest mark. Until the operator zooms or pans, the visible window follows the anomalies
 * (fitted on every refresh); after that a refresh keeps their zoom and pan until {@link #fit} (site change, the Fit
 * button). Times are
 * shown in the site's zone.
 */
final class Timeline extends Pane {

    private static final double LANE_HEIGHT = 26;
    private static final double LABEL_WIDTH = 170;

    private final Canvas canvas = new Canvas();
    private List<Anomaly> anomalies = List.of();
    private List<String> lanes = List.of();
    private long from;
    private long to = 1;
    private double dragX = Double.NaN;
    private Anomaly selected;
    private Consumer<Anomaly> onSelect = a -> { };
    /** The operator zoomed or panned since the last fit: refreshes then keep the window; otherwise it follows. */
    private boolean userMoved;
    private ZoneId zone = ZoneId.of("UTC");
    private DateTimeFormatter labels = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);

    Timeline() {
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
            zoom(factor, e.getX());
        });
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                pan(dragX - e.getX());
                dragX = e.getX();
            }
        });
        setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                Anomaly a = nearest(e.getX(), e.getY());
                if (a != null) {
                    select(a);
                    onSelect.accept(a);
                }
            }
        });
    }

    void setOnSelect(Consumer<Anomaly> handler) {
        onSelect = handler;
    }

    /** Shows these anomalies; the window keeps the operator's zoom and pan, and follows the anomalies until then. */
    void setAnomalies(List<Anomaly> list) {
        anomalies = List.copyOf(list);
        TreeSet<String> keys = new TreeSet<>();
        for (Anomaly a : anomalies) {
            keys.add(lane(a));
        }
        lanes = new ArrayList<>(keys);
        if (!userMoved) {
            fit();
        } else {
            draw();
        }
    }

    /** Fits the visible window to the anomalies shown (the last day when there are none). */
    void fit() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Anomaly a : anomalies) {
            min = Math.min(min, a.startMillis());
            max = Math.max(max, a.endMillis());
        }
        if (anomalies.isEmpty()) {
            long now = System.currentTimeMillis();
            from = now - 86_400_000L;
            to = now;
        } else {
            long pad = Math.max(60_000, (max - min) / 20);
            from = min - pad;
            to = max + pad;
        }
        userMoved = false;
        draw();
    }

    /** The zone times are labelled in. */
    void setZone(ZoneId zone) {
        this.zone = zone;
        labels = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        draw();
    }

    ZoneId zone() {
        return zone;
    }

    Anomaly selected() {
        return selected;
    }

    /** The labels at the left and right end of the time axis, as drawn. */
    String fromLabel() {
        return labels.format(Instant.ofEpochMilli(from));
    }

    String toLabel() {
        return labels.format(Instant.ofEpochMilli(to));
    }

    void select(Anomaly a) {
        selected = a;
        draw();
    }

    long visibleFrom() {
        return from;
    }

    long visibleTo() {
        return to;
    }

    void zoom(double factor, double atX) {
        double plot = Math.max(1, getWidth() - LABEL_WIDTH);
        double frac = Math.min(1, Math.max(0, (atX - LABEL_WIDTH) / plot));
        long span = to - from;
        long newSpan = Math.max(10_000, (long) (span * factor));
        long pivot = from + (long) (frac * span);
        from = pivot - (long) (frac * newSpan);
        to = from + newSpan;
        userMoved = true;
        draw();
    }

    void pan(double pixels) {
        double plot = Math.max(1, getWidth() - LABEL_WIDTH);
        long shift = (long) (pixels / plot * (to - from));
        from += shift;
        to += shift;
        userMoved = true;
        draw();
    }

    private static String lane(Anomaly a) {
        return a.assetId() + " / " + a.metric();
    }

    private double x(long t) {
        return LABEL_WIDTH + (t - from) / (double) (to - from) * Math.max(1, getWidth() - LABEL_WIDTH);
    }

    private Anomaly nearest(double px, double py) {
        Anomaly best = null;
        double bestD = 12;
        for (Anomaly a : anomalies) {
            double cy = 20 + lanes.indexOf(lane(a)) * LANE_HEIGHT + LANE_HEIGHT / 2;
            double cx = Math.max(x(a.startMillis()), Math.min(px, x(a.endMillis())));
            double d = Math.hypot(px - cx, py - cy);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best;
    }

    static Color color(Severity s) {
        return switch (s) {
            case CRITICAL -> Color.web("#ff5c5c");
            case HIGH -> Color.web("#ff9b54");
            case MEDIUM -> Color.web("#ffd866");
            case LOW -> Color.web("#8fd3ff");
        };
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#161b22"));
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#8b949e"));
        g.fillText(fromLabel(), LABEL_WIDTH, 12);
        g.fillText(toLabel(), Math.max(LABEL_WIDTH, w - 110), 12);
        for (int i = 0; i < lanes.size(); i++) {
            double y = 20 + i * LANE_HEIGHT;
            g.setFill(i % 2 == 0 ? Color.web("#1c2230") : Color.web("#181d27"));
            g.fillRect(0, y, w, LANE_HEIGHT);
            g.setFill(Color.web("#c9d1d9"));
            g.fillText(lanes.get(i), 6, y + LANE_HEIGHT / 2 + 4);
        }
        for (Anomaly a : anomalies) {
            double y = 20 + lanes.indexOf(lane(a)) * LANE_HEIGHT + 5;
            double x0 = x(a.startMillis());
            double x1 = Math.max(x0 + 4, x(a.endMillis()));
            if (x1 < LABEL_WIDTH || x0 > w) {
                continue;
            }
            g.setFill(color(a.severity()));
            g.fillRect(Math.max(LABEL_WIDTH, x0), y, x1 - Math.max(LABEL_WIDTH, x0), LANE_HEIGHT - 10);
            if (selected != null && a.id() == selected.id()) {
                g.setStroke(Color.WHITE);
                g.strokeRect(Math.max(LABEL_WIDTH, x0) - 2, y - 2, x1 - Math.max(LABEL_WIDTH, x0) + 4, LANE_HEIGHT - 6);
            }
        }
        if (anomalies.isEmpty()) {
            g.setFill(Color.web("#8b949e"));
            g.fillText("No anomalies for this site.", LABEL_WIDTH, 40);
        }
    }
}
