package ai.vidyut.console.telemetry;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of equipment at a site. Asset ids are unique within their site. {@code ratedValues} holds
 * nameplate ratings keyed by metric name (for example {@code power_kw -> 500}).
 */
public record Asset(String siteId, String id, String name, AssetKind kind, Map<String, Double> ratedValues,
                    boolean discovered) {

    public Asset {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("asset id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        kind = kind == null ? AssetKind.OTHER : kind;
        ratedValues = ratedValues == null ? Map.of() : Map.copyOf(ratedValues);
    }

    public static Asset discovered(String siteId, String id) {
        return new Asset(siteId, id, id, AssetKind.OTHER, Map.of(), true);
    }
}
