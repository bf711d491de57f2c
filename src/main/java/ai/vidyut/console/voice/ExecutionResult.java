package ai.vidyut.console.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What carrying out a command did. {@code NEEDS_CONFIRMATION} comes with the request id to pass to
 * {@link CommandExecutor#confirm} or {@link CommandExecutor#cancel}.
 */
public record ExecutionResult(Status status, String message, String requestId, Map<String, Object> data) {

    public enum Status { DONE, NEEDS_CONFIRMATION, REJECTED, UNAVAILABLE, FAILED }

    public ExecutionResult {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    static ExecutionResult of(Status status, String message) {
        return new ExecutionResult(status, message, null, Map.of());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        out.put("message", message);
        if (requestId != null) {
            out.put("requestId", requestId);
        }
        if (!data.isEmpty()) {
            out.put("data", data);
        }
        return out;
    }
}
