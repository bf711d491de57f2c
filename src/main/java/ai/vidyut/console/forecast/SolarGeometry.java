package ai.vidyut.console.forecast;

/**
 * Position of the sun (NOAA's general solar position formulas, within a few tenths of a degree) and a clear-sky
 * irradiance model (Meinel's direct-normal attenuation with a 10 % diffuse share), for a panel tilted at the
 * latitude and facing the equator.
 */
final class SolarGeometry {

    private SolarGeometry() {
    }

    /** Clear-sky irradiance at one instant, W/m²: global horizontal and plane of array. */
    record Irradiance(double ghi, double poa) {
    }

    static Irradiance clearSky(double lat, double lon, long epochSecondUtc) {
        long day = Math.floorDiv(epochSecondUtc, 86_400L);
        double hourUtc = Math.floorMod(epochSecondUtc, 86_400L) / 3600.0;
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
        int doy = d.getDayOfYear();
        double daysInYear = d.isLeapYear() ? 366 : 365;
        double g = 2 * Math.PI / daysInYear * (doy - 1 + (hourUtc - 12) / 24);
        double eqTime = 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g)
                - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
        double decl = 0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g)
                + 0.000907 * Math.sin(2 * g) - 0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
        double trueSolarMinutes = hourUtc * 60 + eqTime + 4 * lon;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double phi = Math.toRadians(lat);
        double cosZ = Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(hourAngle);
        if (cosZ <= 0.01) {
            return new Irradiance(0, 0);
        }
        double airMass = 1 / cosZ;
        double dni = 1353 * Math.pow(0.7, Math.pow(airMass, 0.678));
        double dhi = 0.1 * dni;
        double ghi = dni * cosZ + dhi;
        // Sun direction in east-north-up coordinates; panel normal tilted |lat| towards the equator.
        double east = -Math.cos(decl) * Math.sin(hourAngle);
        double north = Math.sin(decl) * Math.cos(phi) - Math.cos(decl) * Math.sin(phi) * Math.cos(hourAngle);
        double tilt = Math.abs(phi);
        double nNorth = lat < 0 ? Math.sin(tilt) : -Math.sin(tilt);
        double cosInc = north * nNorth + cosZ * Math.cos(tilt) + east * 0;
        double poa = dni * Math.max(0, cosInc) + dhi * (1 + Math.cos(tilt)) / 2;
        return new Irradiance(ghi, poa);
    }
}
