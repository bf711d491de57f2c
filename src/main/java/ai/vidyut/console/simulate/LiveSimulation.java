package ai.vidyut.console.simulate;

import ai.vidyut.console.ingest.WireFormat.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a set of {@link SiteSimulator}s in real time: {@code rate} times per second every site is stepped to the
 * current time and its snapshots (one per online asset) are handed to the sink.
 */
public final class LiveSimulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSimulation.class);

    private final List<SiteSimulator> sites;
    private final double rate;
    private final ScheduledExecutorService ticker;
    private volatile long ticks;

    public LiveSimulation(List<SiteSimulator> sites, double rate) {
        if (rate <= 0 || rate > 1000) {
            throw new IllegalArgumentException("rate must be in (0, 1000] snapshots per second, got " + rate);
        }
        this.sites = List.copyOf(sites);
        this.rate = rate;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vidyut-simulator");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code count} standard sites ({@code site-1}…) with the given seed. */
    public static List<SiteSimulator> standardSites(int count, long seed) {
        List<SiteSimulator> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(new SiteSimulator(SiteProfile.standard(i), seed));
        }
        return out;
    }

    public List<SiteSimulator> sites() {
        return sites;
    }

    public long ticks() {
        return ticks;
    }

    /** Starts ticking; {@code sink} gets each site's snapshots of one tick (called on the simulator thread). */
    public void start(Consumer<List<Snapshot>> sink) {
        long periodMicros = Math.round(1_000_000 / rate);
        ticker.scheduleAtFixedRate(() -> {
            long now = System.currentTimeMillis();
            try {
                for (SiteSimulator sim : sites) {
                    sink.accept(sim.step(now));
                }
                ticks++;
            } catch (RuntimeException e) {
                LOG.warn("simulator tick failed: {}", e.toString(), e);
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
