package ai.vidyut.console.ui.live;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Coalesces committed readings for the FX thread. The pipeline's writer thread calls {@link #accept} with
 * each committed batch; that only appends to a buffer under a short lock. A {@link Timeline} on the FX
 * thread drains the buffer every {@link #TICK_MILLIS} ms and hands one {@link LiveUpdate} to every
 * subscriber — so however fast telemetry arrives, the FX thread sees a few updates per second and no
 * {@code Platform.runLater} per message.
 */
public final class LiveFeed implements Consumer<List<Reading>> {

    public static final int TICK_MILLIS = 250;
    public static final int MAX_POINTS_PER_TICK = 64;

    private final Object lock = new Object();
    private Map<SeriesKey, ArrayDeque<Reading>> pending = new HashMap<>();
    private long pendingCount;

    private final List<Consumer<LiveUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> newSiteListeners = new CopyOnWriteArrayList<>();
    private final Map<SeriesKey, Reading> latest = new HashMap<>();
    private final Set<String> seenSites = new HashSet<>();
    private final Timeline timeline;
    private long delivered;
    private double readingsPerSecond;
    private long rateWindowStart = System.nanoTime();
    private long rateWindowCount;

    public LiveFeed() {
        timeline = new Timeline(new KeyFrame(Duration.millis(TICK_MILLIS), e -> drain()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts the FX-side ticks. */
    public void start() {
        Platform.runLater(timeline::play);
    }

    public void stop() {
        Platform.runLater(timeline::stop);
    }

    /** Called by the pipeline (any thread) after a batch was committed. */
    @Override
    public void accept(List<Reading> batch) {
        synchronized (lock) {
            for (Reading r : batch) {
                ArrayDeque<Reading> q = pending.computeIfAbsent(r.seriesKey(), k -> new ArrayDeque<>());
                if (q.size() == MAX_POINTS_PER_TICK) {
                    q.pollFirst();
                }
                q.addLast(r);
            }
            pendingCount += batch.size();
        }
    }

    /** FX thread: called by subscribers for each tick that brought something. */
    public void subscribe(Consumer<LiveUpdate> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<LiveUpdate> subscriber) {
        subscribers.remove(subscriber);
    }

    /** FX thread: called with the id of a site seen on the wire for the first time since start. */
    public void onNewSite(Consumer<String> listener) {
        newSiteListeners.add(listener);
    }

    /** FX thread: the latest reading of every series seen since the window opened. */
    public Map<SeriesKey, Reading> latest() {
        return Collections.unmodifiableMap(latest);
    }

    /** FX thread: readings per second delivered to the UI over the last few seconds. */
    public double readingsPerSecond() {
        return readingsPerSecond;
    }

    public long delivered() {
        return delivered;
    }

    /** Drains the buffer now (the timeline does this every tick; tests may call it on the FX thread). */
    public void drain() {
        Map<SeriesKey, ArrayDeque<Reading>> batch;
        long count;
        synchronized (lock) {
            if (pending.isEmpty()) {
                batch = Map.of();
                count = 0;
            } else {
                batch = pending;
                count = pendingCount;
                pending = new HashMap<>();
                pendingCount = 0;
            }
        }
        updateRate(count);
        if (batch.isEmpty()) {
            return;
        }
        delivered += count;
        Map<SeriesKey, List<Reading>> points = new HashMap<>(batch.size() * 2);
        List<String> newSites = new ArrayList<>();
        for (Map.Entry<SeriesKey, ArrayDeque<Reading>> e : batch.entrySet()) {
            List<Reading> list = new ArrayList<>(e.getValue());
            list.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
            points.put(e.getKey(), list);
            Reading last = list.get(list.size() - 1);
            Reading previous = latest.get(e.getKey());
            if (previous == null || previous.timestampMillis() <= last.timestampMillis()) {
                latest.put(e.getKey(), last);
            }
            if (seenSites.add(e.getKey().siteId())) {
                newSites.add(e.getKey().siteId());
            }
        }
        LiveUpdate update = new LiveUpdate(Collections.unmodifiableMap(points));
        for (Consumer<LiveUpdate> s : subscribers) {
            s.accept(update);
        }
        for (String site : newSites) {
            for (Consumer<String> l : newSiteListeners) {
                l.accept(site);
            }
        }
    }

    private void updateRate(long count) {
        rateWindowCount += count;
        long now = System.nanoTime();
        double seconds = (now - rateWindowStart) / 1e9;
        if (seconds >= 2.0) {
            readingsPerSecond = rateWindowCount / seconds;
            rateWindowCount = 0;
            rateWindowStart = now;
        }
    }
}
