package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;

import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's headline figures for one site, derived from the latest value of each series and the kind
 * of each asset. NaN means "no data". Rules (kept simple and visible, so a manager can check them):
 * <ul>
 *   <li>solar: sum of {@code power_kw} of PV arrays; without PV arrays reporting power, of inverters;</li>
 *   <li>load: sum of {@code power_kw} of meters whose id or name says load/building/consumption, plus the
 *       separately metered consumers (HVAC, pumps, lighting);</li>
 *   <li>site power (grid exchange, import positive): sum of {@code power_kw} of the other meters; without one,
 *       load − solar − battery discharge;</li>
 *   <li>battery: mean {@code soc_pct}, sum of battery {@code power_kw} (discharge positive);</li>
 *   <li>voltage, frequency, power factor: mean over the assets reporting them, meters and transformers first;</li>
 *   <li>temperature: the hottest {@code temperature_c} and which asset it is.</li>
 * </ul>
 */
public record KeyMetrics(double sitePowerKw, double solarKw, double loadKw, double batteryKw, double socPct,
                         double voltageV, double frequencyHz, double powerFactor, double maxTemperatureC,
                         String hottestAsset) {

    public static final KeyMetrics EMPTY = new KeyMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

    /** @param assetNames asset id → display name (may be empty) */
    public static KeyMetrics compute(Map<SeriesKey, Double> latest, Map<String, AssetKind> kinds,
                                     Map<String, String> assetNames) {
        Sum pv = new Sum();
        Sum inverters = new Sum();
        Sum loadMeters = new Sum();
        Sum consumers = new Sum();
        Sum gridMeters = new Sum();
        Sum battery = new Sum();
        Sum soc = new Sum();
        Sum voltagePreferred = new Sum();
        Sum voltageAny = new Sum();
        Sum freqPreferred = new Sum();
        Sum freqAny = new Sum();
        Sum pfPreferred = new Sum();
        Sum pfAny = new Sum();
        double hottest = Double.NaN;
        String hottestAsset = null;

        for (Map.Entry<SeriesKey, Double> e : latest.entrySet()) {
            double v = e.getValue() == null ? Double.NaN : e.getValue();
            if (!Double.isFinite(v)) {
                continue;
            }
            String asset = e.getKey().assetId();
            AssetKind kind = kinds.getOrDefault(asset, AssetKind.OTHER);
            boolean gridSide = kind == AssetKind.METER || kind == AssetKind.TRANSFORMER;
            switch (e.getKey().metric()) {
                case MetricCatalog.POWER_KW -> {
                    switch (kind) {
                        case PV_ARRAY -> pv.add(v);
                        case INVERTER -> inverters.add(v);
                        case BATTERY -> battery.add(v);
                        case HVAC, PUMP, LIGHTING -> consumers.add(v);
                        case METER -> {
                            if (isLoadMeter(asset, assetNames.get(asset))) {
                                loadMeters.add(v);
                            } else {
                                gridMeters.add(v);
                            }
                        }
                        default -> { }
                    }
                }
                case MetricCatalog.SOC_PCT -> soc.add(v);
                case MetricCatalog.VOLTAGE_V -> (gridSide ? voltagePreferred : voltageAny).add(v);
                case MetricCatalog.FREQUENCY_HZ -> (gridSide ? freqPreferred : freqAny).add(v);
                case MetricCatalog.POWER_FACTOR -> (gridSide ? pfPreferred : pfAny).add(v);
                case MetricCatalog.TEMPERATURE_C -> {
                    if (Double.isNaN(hottest) || v > hottest) {
                        hottest = v;
                        hottestAsset = assetNames.getOrDefault(asset, asset);
                    }
                }
                default -> { }
            }
        }
        double solar = pv.any() ? pv.sum : inverters.sum();
        double load = loadMeters.any() || consumers.any() ? loadMeters.sum + consumers.sum : Double.NaN;
        double batteryKw = battery.sum();
        double site;
        if (gridMeters.any()) {
            site = gridMeters.sum;
        } else if (!Double.isNaN(load)) {
            site = load - orZero(solar) - orZero(batteryKw);
        } else {
            site = Double.NaN;
        }
        return new KeyMetrics(site, solar, load, batteryKw, soc.mean(),
                voltagePreferred.any() ? voltagePreferred.mean() : voltageAny.mean(),
                freqPreferred.any() ? freqPreferred.mean() : freqAny.mean(),
                pfPreferred.any() ? pfPreferred.mean() : pfAny.mean(), hottest, hottestAsset);
    }

    static boolean isLoadMeter(String assetId, String name) {
        String text = (assetId + " " + (name == null ? "" : name)).toLowerCase(Locale.ROOT);
        return text.contains("load") || text.contains("building") || text.contains("consumption");
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static final class Sum {
        double sum;
        int n;

        void add(double v) {
            sum += v;
            n++;
        }

        boolean any() {
            return n > 0;
        }

        double sum() {
            return n == 0 ? Double.NaN : sum;
        }

        double mean() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }
}
