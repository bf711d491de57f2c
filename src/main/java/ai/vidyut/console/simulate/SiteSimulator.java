package ai.vidyut.console.simulate;

import ai.vidyut.console.ingest.WireFormat.Snapshot;
import ai.vidyut.console.telemetry.Reading;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic model of one energy site, stepped through time: PV following the sun's elevation for the
 * site's latitude with passing clouds, a building load with daily and weekly shape, a battery that charges from
 * surplus PV and discharges in the evening peak, an inverter whose temperature follows its load, a grid meter
 * with noisy voltage and frequency, and a cooling pump whose vibration is what wears out. Faults from a
 * schedule are applied on top.
 *
 * <p>The same seed, profile, fault schedule and sequence of step times give the same readings, so tests and
 * the detect/maintain areas can generate labelled data faster than real time:
 * <pre>{@code
 * var sim = new SiteSimulator(SiteProfile.standard(1), 42, List.of(Fault.of("pump-1", RISING_VIBRATION, t0, t1)));
 * List<Reading> week = sim.readings(from, to, Duration.ofMinutes(1).toMillis());
 * boolean label = sim.faultActive("pump-1", reading.timestampMillis());
 * }</pre>
 */
public final class SiteSimulator {

    private final SiteProfile profile;
    private final List<Fault> faults;
    private final SplittableRandom random;

    private long lastT = Long.MIN_VALUE;
    private double cloud;          // 0 clear .. 1 overcast, slow
    private double cloudFast;      // passing cumulus, fast
    private double weather;        // day-to-day mean cloudiness
    private long weatherDay = Long.MIN_VALUE;
    private double soc = 55;
    private double inverterTemp = Double.NaN;
    private double batteryTemp = Double.NaN;
    private double pumpTemp = Double.NaN;
    private double freqDev;
    private double pumpWear;
    private final Map<String, Map<String, Double>> frozen = new HashMap<>();

    public SiteSimulator(SiteProfile profile, long seed) {
        this(profile, seed, List.of());
    }

    public SiteSimulator(SiteProfile profile, long seed, List<Fault> faults) {
        this.profile = profile;
        this.faults = List.copyOf(faults);
        this.random = new SplittableRandom(seed ^ profile.siteId().hashCode() * 0x9E3779B97F4A7C15L);
    }

    public SiteProfile profile() {
        return profile;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** True if some fault of the schedule affects {@code assetId} at {@code t}: the label for that reading. */
    public boolean faultActive(String assetId, long t) {
        for (Fault f : faults) {
            if (f.assetId().equals(assetId) && f.activeAt(t)) {
                return true;
            }
        }
        return false;
    }

    /** Steps the model to {@code t} and returns one snapshot per asset that is online. */
    public List<Snapshot> step(long t) {
        double dt = lastT == Long.MIN_VALUE ? 1 : Math.max(0.001, Math.min(3600, (t - lastT) / 1000.0));
        lastT = t;
        ZonedDateTime local = Instant.ofEpochMilli(t).atZone(profile.zone());
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;

        long day = Math.floorDiv(t, 86_400_000L);
        if (day != weatherDay) {
            weatherDay = day;
            weather = Math.pow(random.nextDouble(), 1.6) * 0.8;
        }
        cloud = ou(cloud, weather, 1 / 3600.0, 0.25 / 60, dt);
        cloudFast = ou(cloudFast, 0, 1 / 120.0, 0.6 * weather / 10, dt);
        double cover = clamp(clamp(cloud, 0, 1) + Math.abs(cloudFast), 0, 1);

        // Sun and PV
        double irradiance = clearSkyIrradiance(t) * (1 - 0.75 * cover);
        double ambient = 24 + 7 * Math.sin(2 * Math.PI * (hour - 9) / 24) - 6 * Math.abs(profile.latitude()) / 50
                + gauss(0.2);
        double moduleTemp = ambient + irradiance * 0.03;
        double pvKw = Math.max(0, profile.pvCapacityKw() * irradiance / 1000 * (1 - 0.004 * (moduleTemp - 25)) * 0.97);
        pvKw = applyPowerDrop(SiteProfile.PV, t, pvKw);
        double acKw = applyPowerDrop(SiteProfile.INVERTER, t, pvKw * 0.97);

        // Building load: office-like day, quieter weekends, HVAC with heat
        double shape = dailyLoadShape(hour) * (weekend ? 0.6 : 1.0);
        double hvac = Math.max(0, ambient - 22) * 0.02;
        double loadKw = profile.baseLoadKw() * (shape + hvac) * (1 + gauss(0.03));
        loadKw = Math.max(0, applyPowerDrop(SiteProfile.LOAD, t, loadKw));

        // Pump: runs 20 minutes of every 30 between 06:00 and 22:00, else idle
        boolean pumpOn = hour >= 6 && hour < 22 && (local.getMinute() % 30) < 20;
        double pumpKw = pumpOn ? profile.pumpPowerKw() * (1 + gauss(0.02)) : 0;
        pumpKw = applyPowerDrop(SiteProfile.PUMP, t, pumpKw);
        pumpWear += dt / (86400.0 * 365);

        // Battery: charge from PV surplus, discharge in the evening peak
        double surplus = acKw - loadKw - pumpKw;
        double batteryKw; // positive = discharging into the site
        if (surplus > 0 && soc < 95) {
            batteryKw = -Math.min(surplus, profile.batteryPowerKw());
        } else if (hour >= 17 && hour < 23 && soc > 15) {
            batteryKw = Math.min(-surplus, profile.batteryPowerKw());
            batteryKw = Math.max(batteryKw, 0);
        } else {
            batteryKw = 0;
        }
        batteryKw = applyPowerDrop(SiteProfile.BATTERY, t, batteryKw);
        double efficiency = batteryKw < 0 ? 0.95 : 1 / 0.95;
        soc = clamp(soc - batteryKw * efficiency * dt / 3600 / profile.batteryCapacityKwh() * 100, 0, 100);

        // Temperatures follow load with a lag
        inverterTemp = lag(inverterTemp, ambient + 5 + 30 * acKw / profile.pvCapacityKw(), 600, dt);
        batteryTemp = lag(batteryTemp, ambient + 2 + 10 * Math.abs(batteryKw) / profile.batteryPowerKw(), 1800, dt);
        pumpTemp = lag(pumpTemp, ambient + (pumpOn ? 20 : 2), 900, dt);

        // Grid
        double gridKw = loadKw + pumpKw - acKw - batteryKw;
        freqDev = ou(freqDev, 0, 1 / 30.0, 0.01, dt);
        double voltage = 230 + gauss(0.8) - gridKw * 0.004;
        double frequency = 50 + freqDev + gauss(0.003);
        double pf = clamp(0.96 - 0.04 * Math.abs(gauss(1)) * (loadKw / Math.max(1, profile.baseLoadKw())) / 2, 0.8, 1);

        double vibration = pumpOn ? 2.2 + 0.8 * pumpWear + Math.abs(gauss(0.25)) : 0.1 + Math.abs(gauss(0.03));

        List<Snapshot> out = new ArrayList<>(SiteProfile.ASSETS.size());
        emit(out, t, SiteProfile.PV, metrics(
                "power_kw", pvKw, "irradiance_w_m2", irradiance, "temperature_c", moduleTemp));
        emit(out, t, SiteProfile.INVERTER, metrics(
                "power_kw", acKw, "temperature_c", inverterTemp));
        emit(out, t, SiteProfile.BATTERY, metrics(
                "power_kw", batteryKw, "soc_pct", soc, "temperature_c", batteryTemp));
        emit(out, t, SiteProfile.GRID_METER, metrics(
                "power_kw", gridKw, "voltage_v", voltage, "frequency_hz", frequency, "power_factor", pf,
                "ambient_temperature_c", ambient));
        emit(out, t, SiteProfile.LOAD, metrics("power_kw", loadKw));
        emit(out, t, SiteProfile.PUMP, metrics(
                "power_kw", pumpKw, "vibration_mm_s", vibration, "temperature_c", pumpTemp,
                "speed_rpm", pumpOn ? 1450 + gauss(5) : 0));
        return out;
    }

    /** Steps from {@code from} (inclusive) to {@code to} (exclusive) every {@code stepMillis}. */
    public void generate(long from, long to, long stepMillis, Consumer<List<Snapshot>> sink) {
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        for (long t = from; t < to; t += stepMillis) {
            sink.accept(step(t));
        }
    }

    /** All readings from {@code from} to {@code to} every {@code stepMillis}, faster than real time. */
    public List<Reading> readings(long from, long to, long stepMillis) {
        List<Reading> out = new ArrayList<>();
        generate(from, to, stepMillis, snapshots -> {
            for (Snapshot s : snapshots) {
                s.metrics().forEach((m, v) -> out.add(new Reading(s.timestampMillis(), s.siteId(), s.assetId(), m, v)));
            }
        });
        return out;
    }

    private void emit(List<Snapshot> out, long t, String assetId, Map<String, Double> metrics) {
        Fault stuck = null;
        for (Fault f : faults) {
            if (!f.assetId().equals(assetId) || !f.activeAt(t)) {
                continue;
            }
            switch (f.type()) {
                case OFFLINE -> {
                    return;
                }
                case STUCK_SENSOR -> stuck = f;
                case OVERHEATING -> metrics.computeIfPresent("temperature_c",
                        (k, v) -> v + f.magnitude() * Math.min(1, f.progress(t) * 5));
                case RISING_VIBRATION -> metrics.computeIfPresent("vibration_mm_s",
                        (k, v) -> v + f.magnitude() * f.progress(t));
                default -> {
                }
            }
        }
        if (stuck != null) {
            String key = assetId + "@" + stuck.startMillis();
            Map<String, Double> held = frozen.get(key);
            if (held == null) {
                held = new LinkedHashMap<>(metrics);
                frozen.put(key, held);
            }
            metrics = new LinkedHashMap<>(held);
        }
        out.add(new Snapshot(t, profile.siteId(), assetId, metrics));
    }

    private double applyPowerDrop(String assetId, long t, double kw) {
        for (Fault f : faults) {
            if (f.type() == FaultType.POWER_DROP && f.assetId().equals(assetId) && f.activeAt(t)) {
                kw *= 1 - f.magnitude();
            }
        }
        return kw;
    }

    /** Global horizontal irradiance under a clear sky (W/m²) from the sun's elevation at the site. */
    double clearSkyIrradiance(long t) {
        double sinElevation = sinSolarElevation(t);
        if (sinElevation <= 0.01) {
            return 0;
        }
        double airMass = 1 / sinElevation;
        double direct = 1353 * Math.pow(0.7, Math.pow(airMass, 0.678));
        return direct * sinElevation * 1.1;
    }

    /** Sine of the sun's elevation: declination from the day of year, hour angle from UTC and longitude. */
    double sinSolarElevation(long t) {
        double days = t / 86_400_000.0;
        double dayOfYear = ((days % 365.2425) + 365.2425) % 365.2425;
        double declination = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365);
        double utcHours = ((t % 86_400_000L) + 86_400_000L) % 86_400_000L / 3_600_000.0;
        double solarHours = utcHours + profile.longitude() / 15;
        double hourAngle = Math.toRadians(15 * (solarHours - 12));
        double lat = Math.toRadians(profile.latitude());
        return Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
    }

    private static double dailyLoadShape(double hour) {
        double night = 0.45;
        if (hour < 6) {
            return night;
        }
        if (hour < 9) {
            return night + (1 - night) * (hour - 6) / 3;
        }
        if (hour < 12.5) {
            return 1.0;
        }
        if (hour < 13.5) {
            return 0.9;
        }
        if (hour < 17.5) {
            return 1.0;
        }
        if (hour < 21) {
            return 1.0 - (1 - night) * (hour - 17.5) / 3.5;
        }
        return night;
    }

    /** Exact Ornstein-Uhlenbeck step, stable for any dt: {@code sigma} is the noise per sqrt(second). */
    private double ou(double x, double mean, double theta, double sigma, double dt) {
        double decay = Math.exp(-theta * dt);
        double sd = sigma * Math.sqrt((1 - decay * decay) / (2 * theta));
        return mean + (x - mean) * decay + sd * gauss(1);
    }

    private static double lag(double current, double target, double tauSeconds, double dt) {
        if (Double.isNaN(current)) {
            return target;
        }
        double a = 1 - Math.exp(-dt / tauSeconds);
        return current + (target - current) * a;
    }

    private double gauss(double sigma) {
        // Box-Muller from the seeded generator, so runs are reproducible.
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return sigma * Math.sqrt(-2 * Math.log(u1 == 0 ? 1e-12 : u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static Map<String, Double> metrics(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], round((Double) kv[i + 1]));
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
