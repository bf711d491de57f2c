package ai.vidyut.console.ui;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Metric;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How views name a series in pickers and messages, and which series they show first. */
public final class SeriesChoice {

    private SeriesChoice() {
    }

    /** {@code inv-1 · Power (kW)}. */
    public static String label(SeriesKey key) {
        Metric m = MetricCatalog.describe(key.metric());
        return key.assetId() + " · " + m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")");
    }

    /** A grid meter's power if there is one, else any power series, else the first series (null for none). */
    public static SeriesKey defaultSeries(List<SeriesKey> list) {
        return list.stream().filter(k -> k.metric().equals(MetricCatalog.POWER_KW))
                .filter(k -> k.assetId().toLowerCase(Locale.ROOT).contains("meter")).findFirst()
                .or(() -> list.stream().filter(k -> k.metric().equals(MetricCatalog.POWER_KW)).findFirst())
                .orElse(list.isEmpty() ? null : list.get(0));
    }

    private static final Set<AssetKind> GENERATION = Set.of(AssetKind.PV_ARRAY, AssetKind.INVERTER,
            AssetKind.BATTERY, AssetKind.GENERATOR);

    /**
     * The site's consumption: the power of an asset named or id'd as a load (the simulator's {@code load-1},
     * "Building load"), else a grid meter's power (on a site with PV and a battery that is the net exchange, the
     * best stand-in left), else any power series that is not generation or storage; null when the site stores
     * no power series. {@code assets} are the site's configured assets (may be empty).
     */
    public static SeriesKey loadSeries(List<SeriesKey> list, List<Asset> assets) {
        Map<String, Asset> byId = assets.stream().collect(Collectors.toMap(Asset::id, Function.identity(), (a, b) -> a));
        List<SeriesKey> power = list.stream().filter(k -> k.metric().equals(MetricCatalog.POWER_KW))
                .filter(k -> byId.get(k.assetId()) == null || !GENERATION.contains(byId.get(k.assetId()).kind()))
                .toList();
        return power.stream().filter(k -> mentionsLoad(k.assetId())
                        || byId.get(k.assetId()) != null && mentionsLoad(byId.get(k.assetId()).name())).findFirst()
                .or(() -> power.stream().filter(k -> k.assetId().toLowerCase(Locale.ROOT).contains("meter")
                        || byId.get(k.assetId()) != null && byId.get(k.assetId()).kind() == AssetKind.METER).findFirst())
                .or(() -> power.stream().filter(k -> !looksLikeGeneration(k.assetId())).findFirst())
                .or(() -> power.stream().findFirst())
                .orElse(null);
    }

    private static boolean mentionsLoad(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).contains("load");
    }

    private static boolean looksLikeGeneration(String assetId) {
        String a = assetId.toLowerCase(Locale.ROOT);
        return a.startsWith("pv") || a.startsWith("inv") || a.startsWith("bat") || a.contains("solar");
    }
}
