package ai.vidyut.console.simulate;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Site;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The physical make-up of a simulated site: where it is (latitude drives the sun) and how big its PV array,
 * building load and battery are. Every site has the same assets, named {@link #ASSETS}.
 */
public record SiteProfile(String siteId, String name, double latitude, double longitude, ZoneId zone,
                          double pvCapacityKw, double baseLoadKw, double batteryCapacityKwh, double batteryPowerKw,
                          double pumpPowerKw) {

    public static final String PV = "pv-1";
    public static final String INVERTER = "inv-1";
    public static final String BATTERY = "bat-1";
    public static final String GRID_METER = "meter-1";
    public static final String LOAD = "load-1";
    public static final String PUMP = "pump-1";
    public static final List<String> ASSETS = List.of(PV, INVERTER, BATTERY, GRID_METER, LOAD, PUMP);

    private static final Object[][] PLACES = {
            {"Pune Works", 18.52, 73.86, "Asia/Kolkata"},
            {"Chennai Campus", 13.08, 80.27, "Asia/Kolkata"},
            {"Delhi Depot", 28.61, 77.21, "Asia/Kolkata"},
            {"Jaipur Solar Park", 26.91, 75.79, "Asia/Kolkata"},
            {"Bengaluru Tech Park", 12.97, 77.59, "Asia/Kolkata"},
            {"Berlin Office", 52.52, 13.40, "Europe/Berlin"},
            {"Madrid Plant", 40.42, -3.70, "Europe/Madrid"},
            {"Phoenix Warehouse", 33.45, -112.07, "America/Phoenix"},
    };

    /** The n-th (1-based) of a set of varied sites with ids {@code site-1}, {@code site-2}, … */
    public static SiteProfile standard(int n) {
        Object[] p = PLACES[(n - 1) % PLACES.length];
        double scale = 1 + 0.25 * ((n - 1) % 4);
        String name = n <= PLACES.length ? (String) p[0] : p[0] + " " + ((n - 1) / PLACES.length + 1);
        return new SiteProfile("site-" + n, name, (double) p[1], (double) p[2], ZoneId.of((String) p[3]),
                500 * scale, 300 * scale, 400 * scale, 150 * scale, 15);
    }

    public Site site() {
        return new Site(siteId, name, latitude, longitude, zone.getId(), pvCapacityKw, false);
    }

    public List<Asset> assets() {
        return List.of(
                new Asset(siteId, PV, "PV array", AssetKind.PV_ARRAY, Map.of("power_kw", pvCapacityKw), false),
                new Asset(siteId, INVERTER, "Inverter", AssetKind.INVERTER, Map.of("power_kw", pvCapacityKw), false),
                new Asset(siteId, BATTERY, "Battery", AssetKind.BATTERY,
                        Map.of("power_kw", batteryPowerKw, "energy_kwh", batteryCapacityKwh), false),
                new Asset(siteId, GRID_METER, "Grid meter", AssetKind.METER, Map.of("voltage_v", 230.0), false),
                new Asset(siteId, LOAD, "Building load", AssetKind.METER, Map.of("power_kw", baseLoadKw * 1.6), false),
                new Asset(siteId, PUMP, "Cooling pump", AssetKind.PUMP,
                        Map.of("power_kw", pumpPowerKw, "vibration_mm_s", 4.5), false));
    }
}
