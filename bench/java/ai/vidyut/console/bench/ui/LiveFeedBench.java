package ai.vidyut.console.bench.ui;

import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.dashboard.DashboardModel;
import ai.vidyut.console.ui.live.LiveFeed;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the UI's live path behaves under a high ingest rate: a producer thread hands committed batches to
 * {@link LiveFeed} (as the pipeline's writer thread does) at a target rate; every 250 ms the FX thread drains
 * the feed into a site's {@link DashboardModel}. Reports the FX work per tick, the number of FX updates, and
 * the FX thread's responsiveness (delay of a probe posted every 20 ms), headless (Monocle).
 * Usage: LiveFeedBench [seconds=20] [readingsPerSecond=50000] [sites=10]
 */
public final class LiveFeedBench {

    private static final String[] ASSETS = {"pv-1", "inv-1", "bat-1", "meter-1", "load-1", "pump-1"};
    private static final String[] METRICS = {"power_kw", "temperature_c", "voltage_v", "frequency_hz", "soc_pct"};

    private LiveFeedBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int sites = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");

        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        LiveFeed feed = new LiveFeed();
        DashboardModel model = new DashboardModel();
        List<Long> tickNanos = new ArrayList<>();
        AtomicLong updates = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Timeline[] ticker = new Timeline[1];
        Platform.runLater(() -> {
            model.reset("site-1", Map.of("pv-1", AssetKind.PV_ARRAY, "inv-1", AssetKind.INVERTER,
                    "bat-1", AssetKind.BATTERY, "meter-1", AssetKind.METER, "load-1", AssetKind.METER,
                    "pump-1", AssetKind.PUMP), Map.of("load-1", "Building load"), Map.of());
            feed.subscribe(u -> {
                updates.incrementAndGet();
                model.apply(u);
            });
            // Same cadence as LiveFeed.start(), with the drain timed.
            ticker[0] = new Timeline(new KeyFrame(Duration.millis(LiveFeed.TICK_MILLIS), e -> {
                long t0 = System.nanoTime();
                feed.drain();
                tickNanos.add(System.nanoTime() - t0);
            }));
            ticker[0].setCycleCount(Timeline.INDEFINITE);
            ticker[0].play();
            ready.countDown();
        });
        ready.await();

        // FX responsiveness probe: post a runnable every 20 ms, record how long it waited.
        List<Long> probeNanos = new ArrayList<>();
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        probe.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> probeNanos.add(System.nanoTime() - posted));
        }, 100, 20, TimeUnit.MILLISECONDS);

        int batchSize = 500;
        long produced = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long ts = System.currentTimeMillis();
        int k = 0;
        while (System.nanoTime() < end) {
            List<Reading> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++, k++) {
                String site = "site-" + (1 + k % sites);
                String asset = ASSETS[(k / sites) % ASSETS.length];
                String metric = METRICS[(k / sites / ASSETS.length) % METRICS.length];
                batch.add(new Reading(ts + k / 100, site, asset, metric, (k % 1000) / 10.0));
            }
            feed.accept(batch);
            produced += batchSize;
            long due = start + (long) (produced * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (rate > 0 && wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Thread.sleep(600); // let the last tick drain
        probe.shutdownNow();
        CountDownLatch stopped = new CountDownLatch(1);
        long[] ticks = new long[1];
        long[] probes = new long[1];
        long[][] copies = new long[2][];
        Platform.runLater(() -> {
            ticker[0].stop();
            copies[0] = tickNanos.stream().mapToLong(Long::longValue).toArray();
            copies[1] = probeNanos.stream().mapToLong(Long::longValue).toArray();
            ticks[0] = copies[0].length;
            probes[0] = copies[1].length;
            stopped.countDown();
        });
        stopped.await();

        long[] tick = copies[0];
        long[] lat = copies[1];
        Arrays.sort(tick);
        Arrays.sort(lat);
        System.out.printf(Locale.ROOT, "offered    %,d readings in %.1f s = %,.0f readings/s over %d sites (%d series)%n",
                produced, elapsed, produced / elapsed, sites, sites * ASSETS.length * METRICS.length);
        System.out.printf(Locale.ROOT, "delivered  %,d readings to the FX thread in %,d updates (%.1f updates/s)%n",
                feed.delivered(), updates.get(), updates.get() / elapsed);
        System.out.printf(Locale.ROOT, "FX tick    drain + dashboard model: mean %.2f ms, p99 %.2f ms, max %.2f ms over %d ticks%n",
                mean(tick) / 1e6, pct(tick, 0.99) / 1e6, tick[tick.length - 1] / 1e6, ticks[0]);
        System.out.printf(Locale.ROOT, "FX probe   wait before running: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d probes%n",
                pct(lat, 0.5) / 1e6, pct(lat, 0.99) / 1e6, lat[lat.length - 1] / 1e6, probes[0]);
        System.out.printf(Locale.ROOT, "site-1     %d rows, solar %.1f kW, load %.1f kW%n", model.rows().size(),
                model.metrics().solarKw(), model.metrics().loadKw());
        Platform.exit();
        System.exit(feed.delivered() == produced ? 0 : 1);
    }

    private static double mean(long[] a) {
        return a.length == 0 ? 0 : Arrays.stream(a).average().orElse(0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
