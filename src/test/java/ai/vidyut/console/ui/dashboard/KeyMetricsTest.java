package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.SeriesKey;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KeyMetricsTest {

    private static final Map<String, AssetKind> KINDS = Map.of(
            "pv-1", AssetKind.PV_ARRAY, "inv-1", AssetKind.INVERTER, "bat-1", AssetKind.BATTERY,
            "meter-1", AssetKind.METER, "load-1", AssetKind.METER, "pump-1", AssetKind.PUMP);
    private static final Map<String, String> NAMES = Map.of("meter-1", "Grid meter", "load-1", "Building load",
            "inv-1", "Inverter", "bat-1", "Battery");

    private static SeriesKey k(String asset, String metric) {
        return new SeriesKey("s", asset, metric);
    }

    @Test
    void derivesHeadlineFiguresFromAssetKinds() {
        Map<SeriesKey, Double> latest = new HashMap<>();
        latest.put(k("pv-1", "power_kw"), 300.0);
        latest.put(k("inv-1", "power_kw"), 290.0);
        latest.put(k("bat-1", "power_kw"), -50.0);
        latest.put(k("bat-1", "soc_pct"), 64.0);
        latest.put(k("meter-1", "power_kw"), 120.0);
        latest.put(k("meter-1", "voltage_v"), 231.0);
        latest.put(k("meter-1", "frequency_hz"), 50.02);
        latest.put(k("meter-1", "power_factor"), 0.97);
        latest.put(k("load-1", "power_kw"), 400.0);
        latest.put(k("pump-1", "power_kw"), 12.0);
        latest.put(k("inv-1", "temperature_c"), 48.0);
        latest.put(k("bat-1", "temperature_c"), 31.0);
        latest.put(k("pump-1", "mystery_metric"), 5.0);

        KeyMetrics m = KeyMetrics.compute(latest, KINDS, NAMES);

        assertThat(m.solarKw()).isEqualTo(300.0);
        assertThat(m.loadKw()).isEqualTo(412.0);
        assertThat(m.sitePowerKw()).isEqualTo(120.0);
        assertThat(m.batteryKw()).isEqualTo(-50.0);
        assertThat(m.socPct()).isEqualTo(64.0);
        assertThat(m.voltageV()).isEqualTo(231.0);
        assertThat(m.frequencyHz()).isEqualTo(50.02);
        assertThat(m.powerFactor()).isEqualTo(0.97);
        assertThat(m.maxTemperatureC()).isEqualTo(48.0);
        assertThat(m.hottestAsset()).isEqualTo("Inverter");
    }

    @Test
    void withoutGridMeterSitePowerIsTheBalanceAndMissingFiguresAreNaN() {
        Map<SeriesKey, Double> latest = new HashMap<>();
        latest.put(k("inv-1", "power_kw"), 100.0);
        latest.put(k("load-1", "power_kw"), 250.0);
        latest.put(k("bat-1", "power_kw"), 30.0);

        KeyMetrics m = KeyMetrics.compute(latest, KINDS, NAMES);

        assertThat(m.solarKw()).isEqualTo(100.0);
        assertThat(m.sitePowerKw()).isCloseTo(120.0, within(1e-9));
        assertThat(m.socPct()).isNaN();
        assertThat(m.voltageV()).isNaN();
        assertThat(m.maxTemperatureC()).isNaN();
    }

    @Test
    void unknownAssetsDoNotCountAsSolarOrLoad() {
        KeyMetrics m = KeyMetrics.compute(Map.of(k("x", "power_kw"), 10.0), Map.of(), Map.of());
        assertThat(m.solarKw()).isNaN();
        assertThat(m.loadKw()).isNaN();
        assertThat(m.sitePowerKw()).isNaN();
    }
}
