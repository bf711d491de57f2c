package ai.vidyut.console.registry;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a trainer hands to {@link ModelRegistry#record}: the run's identity, parameters, metrics, training window and
 * the artifact it wrote (or null when training failed, with the reason in {@code message}).
 */
public record NewRun(String kind, String scope, Map<String, Object> params, Map<String, Double> metrics,
                     Long trainFromMillis, Long trainToMillis, Path artifact, String status, String message) {

    public static NewRun trained(String kind, String scope, Map<String, Object> params, Map<String, Double> metrics,
                                 Long trainFromMillis, Long trainToMillis, Path artifact) {
        return new NewRun(kind, scope, params, metrics, trainFromMillis, trainToMillis, artifact, ModelRun.TRAINED, null);
    }

    public static NewRun failed(String kind, String scope, Map<String, Object> params, String reason) {
        return new NewRun(kind, scope, params, Map.of(), null, null, null, ModelRun.FAILED, reason);
    }
}
