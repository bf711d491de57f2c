package ai.vidyut.console.detect.eval;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.SeriesKey;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The live detection path on the site simulator, faster than real time: a simulated site (with its assets and their
 * kinds registered, as the demo does) sends its snapshots as WebSocket messages through the real {@link Pipeline}
 * into an H2 file, and {@link LiveDetection} scores, merges and stores anomalies with whatever parameters are active
 * (shipped defaults in a fresh data folder). The result tells apart anomalies that overlap an injected fault (found
 * faults) from the others (false alarms on a healthy site).
 */
public final class SimulatedSiteRun {

    /** Anomalies that start this long after a fault ended still belong to it (the recovery is part of the event). */
    public static final Duration RECOVERY = Duration.ofHours(1);

    /** What a run produced: every stored anomaly, the fault schedule, the asset kinds and the time range. */
    public record Result(SiteProfile profile, List<Anomaly> anomalies, List<Fault> faults,
                         Map<String, AssetKind> kinds, long fromMillis, long toMillis, long scored) {

        /**
         * The anomalies that detect {@code fault}: on its asset, starting while it is active or in the hour after it,
         * on a metric it changes (power for a power drop, temperature for overheating, vibration for rising
         * vibration, any for a stuck sensor) or of type {@code pattern_change} (the asset's channels no longer agree).
         * An anomaly already open when the fault starts does not count. Earliest first.
         */
        public List<Anomaly> detections(Fault fault) {
            long until = fault.endMillis() + RECOVERY.toMillis();
            return anomalies.stream()
                    .filter(a -> a.assetId().equals(fault.assetId()))
                    .filter(a -> a.startMillis() >= fault.startMillis() && a.startMillis() < until)
                    .filter(a -> a.type() == AnomalyType.PATTERN_CHANGE || changes(fault.type(), a.metric()))
                    .toList();
        }

        /**
         * Anomalies starting in {@code [from, to)} that have nothing to do with an injected fault: not on
         * a faulty asset while the fault (or the hour after it) lasts.
         */
        public List<Anomaly> falseAlarms(long from, long to) {
            return anomalies.stream()
                    .filter(a -> a.startMillis() >= from && a.startMillis() < to)
                    .filter(a -> faults.stream().noneMatch(f -> f.assetId().equals(a.assetId())
                            && a.startMillis() < f.endMillis() + RECOVERY.toMillis()
                            && a.endMillis() >= f.startMillis()))
                    .toList();
        }

        public AssetKind kindOf(String assetId) {
            return kinds.getOrDefault(assetId, AssetKind.OTHER);
        }
    }

    private SimulatedSiteRun() {
    }

    private static boolean changes(FaultType fault, String metric) {
        return switch (fault) {
            case POWER_DROP -> metric.equals("power_kw");
            case OVERHEATING -> metric.equals("temperature_c");
            case RISING_VIBRATION -> metric.equals("vibration_mm_s");
            case STUCK_SENSOR, OFFLINE -> true;
        };
    }

    /**
     * A week's schedule of nine faults on a simulated site, all after its first two days (which teach the detectors
     * the site's normal days), at local times when they matter (power drops in daylight, the pump between 06:00 and
     * 22:00 when it runs): the inverter losing 60 % of its output and a PV array losing 30 %, a grid meter stuck, an
     * overheating pump, inverter and battery (25, 15 and 10 °C), a pump's vibration rising by 8 mm/s over two days,
     * the building load falling by 40 % and the pump losing 30 % of its power.
     */
    public static List<Fault> weekOfFaults(SiteProfile profile, long fromMillis) {
        LocalDate firstDay = Instant.ofEpochMilli(fromMillis).atZone(profile.zone()).toLocalDate();
        BiFunction<Integer, Double, Long> at = (day, hour) -> firstDay.plusDays(day)
                .atStartOfDay(profile.zone()).plusMinutes(Math.round(hour * 60)).toInstant().toEpochMilli();
        return List.of(
                new Fault(SiteProfile.INVERTER, FaultType.POWER_DROP, at.apply(2, 10.0), at.apply(2, 12.0), 0.6),
                new Fault(SiteProfile.PUMP, FaultType.OVERHEATING, at.apply(2, 14.0), at.apply(2, 17.0), 25),
                new Fault(SiteProfile.GRID_METER, FaultType.STUCK_SENSOR, at.apply(3, 10.0), at.apply(3, 12.0), 0),
                new Fault(SiteProfile.PV, FaultType.POWER_DROP, at.apply(3, 12.0), at.apply(3, 14.0), 0.3),
                new Fault(SiteProfile.PUMP, FaultType.RISING_VIBRATION, at.apply(4, 6.0), at.apply(6, 6.0), 8),
                new Fault(SiteProfile.INVERTER, FaultType.OVERHEATING, at.apply(4, 13.0), at.apply(4, 16.0), 15),
                new Fault(SiteProfile.BATTERY, FaultType.OVERHEATING, at.apply(5, 18.0), at.apply(5, 21.0), 10),
                new Fault(SiteProfile.LOAD, FaultType.POWER_DROP, at.apply(5, 10.0), at.apply(5, 13.0), 0.4),
                new Fault(SiteProfile.PUMP, FaultType.POWER_DROP, at.apply(6, 10.0), at.apply(6, 12.0), 0.3));
    }

    /**
     * Runs {@code profile} with {@code seed} and {@code faults} from {@code fromMillis} for {@code length}, one
     * snapshot per asset every {@code step}, in a fresh data folder {@code dataDir}, with the shipped defaults (or the
     * runs already active in that folder's registry).
     */
    public static Result run(Path dataDir, SiteProfile profile, long seed, List<Fault> faults, long fromMillis,
                             Duration length, Duration step) throws InterruptedException {
        return run(dataDir, profile, seed, faults, fromMillis, length, step, null);
    }

    /**
     * {@link #run(Path, SiteProfile, long, List, long, Duration, Duration)}, and when {@code trainAfter} is not null,
     * every series is trained from its stored history that far into the run ({@link HistoryTraining}, default
     * options, activated when it beats the shipped defaults, as the automatic trainer does) and live detection
     * reloads its parameters before the run goes on.
     */
    public static Result run(Path dataDir, SiteProfile profile, long seed, List<Fault> faults, long fromMillis,
                             Duration length, Duration step, Duration trainAfter) throws InterruptedException {
        long to = fromMillis + length.toMillis();
        long trainAt = trainAfter == null ? to : Math.min(to, fromMillis + trainAfter.toMillis());
        SiteSimulator sim = new SiteSimulator(profile, seed, faults);
        Map<String, AssetKind> kinds = new LinkedHashMap<>();
        try (Database db = Database.open(dataDir)) {
            SiteStore sites = new SiteStore(db);
            sites.saveSite(profile.site());
            for (Asset a : profile.assets()) {
                sites.saveAsset(a);
                kinds.put(a.id(), a.kind());
            }
            ReadingStore readings = new ReadingStore(db, sites);
            AnomalyStore anomalies = new AnomalyStore(db);
            ModelRegistry registry = new ModelRegistry(db, dataDir.resolve("models"));
            long scored;
            try (Pipeline pipeline = new Pipeline(readings, new QuarantineStore(db));
                 LiveDetection live = new LiveDetection(anomalies, new AlertService(db), readings, registry)) {
                pipeline.addListener(live);
                feed(sim, pipeline, live, fromMillis, trainAt, step);
                if (trainAt < to) {
                    for (SeriesKey key : readings.series(profile.siteId())) {
                        HistoryTraining.train(registry, readings, key, HistoryTraining.Options.defaults(), false,
                                (fraction, message) -> { });
                    }
                    live.reloadAll();
                    feed(sim, pipeline, live, trainAt, to, step);
                }
                scored = live.scored();
            }
            return new Result(profile, new ArrayList<>(anomalies.list(profile.siteId())), faults, kinds, fromMillis,
                    to, scored);
        }
    }

    private static void feed(SiteSimulator sim, Pipeline pipeline, LiveDetection live, long from, long to,
                             Duration step) throws InterruptedException {
        sim.generate(from, to, step.toMillis(), snapshots ->
                pipeline.submit("simulator", WireFormat.encodeBatch(snapshots, true)));
        Duration wait = Duration.ofMinutes(10);
        if (!pipeline.drain(wait) || !live.awaitIdle(wait)) {
            throw new IllegalStateException("live detection did not finish within " + wait);
        }
    }
}
