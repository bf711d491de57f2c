package ai.vidyut.console.telemetry;

import java.util.Objects;

/**
 * An energy site. {@code discovered} is true for a site that was created automatically because
 * telemetry arrived for it before anyone configured it.
 */
public record Site(String id, String name, double latitude, double longitude, String timeZone,
                   double capacityKw, boolean discovered) {

    public Site {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("site id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    }

    /** A placeholder for a site first seen in telemetry. */
    public static Site discovered(String id) {
        return new Site(id, id, Double.NaN, Double.NaN, "UTC", Double.NaN, true);
    }
}
