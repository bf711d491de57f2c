package ai.vidyut.console.ui.history;

import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.ui.SiteSeriesModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;

/** State of the history view: which series, which range, and the downsampled buckets to chart. FX thread only. */
public final class HistoryModel extends SiteSeriesModel {

    /** Range presets; CUSTOM uses {@link #customFromProperty()} / {@link #customToProperty()}. */
    public enum Preset {
        HOUR("1 h", Duration.ofHours(1)), DAY("24 h", Duration.ofDays(1)), WEEK("7 d", Duration.ofDays(7)),
        MONTH("30 d", Duration.ofDays(30)), CUSTOM("Custom", null);

        private final String label;
        private final Duration span;

        Preset(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        public String label() {
            return label;
        }

        public Duration span() {
            return span;
        }
    }

    /** The chart aims at about this many buckets whatever the range. */
    public static final int TARGET_BUCKETS = 600;

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.HOUR);
    private final LongProperty customFrom = new SimpleLongProperty();
    private final LongProperty customTo = new SimpleLongProperty();
    private final ObservableList<ReadingStore.Bucket> buckets = FXCollections.observableArrayList();
    private final LongProperty from = new SimpleLongProperty();
    private final LongProperty to = new SimpleLongProperty();
    private final LongProperty bucketMillis = new SimpleLongProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public LongProperty customFromProperty() {
        return customFrom;
    }

    public LongProperty customToProperty() {
        return customTo;
    }

    public ObservableList<ReadingStore.Bucket> buckets() {
        return buckets;
    }

    public LongProperty fromProperty() {
        return from;
    }

    public LongProperty toProperty() {
        return to;
    }

    public LongProperty bucketMillisProperty() {
        return bucketMillis;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The query window [from, to) for the current preset, ending at {@code now} for the fixed presets. */
    public long[] window(long now) {
        Preset p = preset.get();
        if (p == Preset.CUSTOM) {
            return new long[]{customFrom.get(), customTo.get()};
        }
        return new long[]{now - p.span().toMillis(), now};
    }

    public void show(long fromMillis, long toMillis, long bucket, List<ReadingStore.Bucket> result) {
        from.set(fromMillis);
        to.set(toMillis);
        bucketMillis.set(bucket);
        buckets.setAll(result);
    }
}
