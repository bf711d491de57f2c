package ai.vidyut.console.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command as understood: the text it came from, its intent and entities, how sure the parser is, and, when it
 * cannot be carried out, why ({@code errors}) and what to say instead ({@code suggestion}).
 *
 * <p>Entity keys: {@code site}, {@code asset}, {@code deviceKind}, {@code location}, {@code action},
 * {@code number}, {@code view}, {@code metric}, {@code time} ({@code {text, from, to}} or {@code {text, at}}),
 * {@code all}. {@code complete} is false when a part the intent needs was not said at all ("turn on", "show the"),
 * as opposed to said but not found ("switch on pump nine"). {@code defaults} lists the entities that were filled in rather than said (e.g. the current site).
 */
public record VoiceCommand(String transcript, Intent intent, Map<String, Object> entities, double confidence,
                           boolean valid, List<String> errors, String suggestion, List<String> defaults,
                           boolean complete) {

    public VoiceCommand {
        entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        errors = List.copyOf(errors);
        defaults = List.copyOf(defaults);
    }

    public String entity(String key) {
        Object v = entities.get(key);
        return v == null ? null : v.toString();
    }

    public String siteId() {
        return entity("site");
    }

    public String assetId() {
        return entity("asset");
    }

    /** The same command with the recogniser's confidence folded in (speech input). */
    public VoiceCommand withConfidence(double c) {
        return new VoiceCommand(transcript, intent, entities, c, valid, errors, suggestion, defaults, complete);
    }

    /** The stable JSON shape of {@code vidyut command} and {@code vidyut voice}. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transcript", transcript);
        out.put("intent", intent.wireName());
        out.put("entities", entities);
        out.put("confidence", confidence);
        out.put("valid", valid);
        out.put("errors", errors);
        if (suggestion != null) {
            out.put("suggestion", suggestion);
        }
        if (!defaults.isEmpty()) {
            out.put("defaults", defaults);
        }
        return out;
    }
}
