package ai.vidyut.console.registry;

import java.util.Map;

/**
 * One training run in the registry. {@code scope} names what the model is for, e.g. {@code site-1/inv-2/power_kw}
 * or {@code global}. {@code status} is {@link #TRAINED} or {@link #FAILED} (with the reason in {@code message}).
 */
public record ModelRun(long id, String kind, String scope, int version, Map<String, Object> params,
                       Map<String, Double> metrics, Long trainFromMillis, Long trainToMillis, String artifactPath,
                       String status, String message, long createdAtMillis, boolean active) {

    public static final String TRAINED = "trained";
    public static final String FAILED = "failed";

    public ModelRun {
        params = params == null ? Map.of() : Map.copyOf(params);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
