package ai.vidyut.console.forecast;

/** Where a PV system is and how big it is: enough to compute its clear-sky output from the sun's position. */
public record SolarSite(double latitude, double longitude, double capacityKw) {

    public SolarSite {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be within -90..90: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be within -180..180: " + longitude);
        }
        if (!(capacityKw > 0)) {
            throw new IllegalArgumentException("capacity must be positive: " + capacityKw);
        }
    }

    /** The UTC offset (hours) of mean solar time at the site's longitude, for timestamps written without a zone. */
    public int solarUtcOffsetHours() {
        return (int) Math.round(longitude / 15.0);
    }
}
