package ai.vidyut.console.voice;

import ai.vidyut.console.telemetry.MetricCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out understood commands. Navigation and queries happen at once; a query is answered from the stored
 * history ({@link StoredReadings}) or from the model ports. Device control is two-step: {@link #execute} only
 * records the request and asks for confirmation; {@link #confirm} publishes the command on
 * {@code vidyut/{siteId}/{assetId}/command}. Every control command, valid or not, confirmed or not, is written to
 * the {@link AuditLog} before anything is sent. Headless; thread-safe.
 */
public final class CommandExecutor {

    /** A control request waiting for the operator. */
    public record PendingControl(String requestId, String siteId, String assetId, String assetName, String action,
                                 String transcript, String topic, long createdMillis) {
    }

    public static final long CONFIRMATION_TIMEOUT_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vocabulary vocabulary;
    private final AuditLog audit;
    private final StoredReadings readings;
    private final Clock clock;
    private VoicePorts.Navigator navigator = (view, site) -> {
        throw new UnsupportedOperationException("no console window to navigate");
    };
    private VoicePorts.Forecasts forecasts = (s, a, k, m, f, t) -> Optional.empty();
    private VoicePorts.Maintenance maintenance = (s, a, k) -> Optional.empty();
    private VoicePorts.Alarms alarms;
    private VoicePorts.DevicePublisher publisher;
    private final Map<String, PendingControl> pending = new ConcurrentHashMap<>();

    public CommandExecutor(Vocabulary vocabulary, AuditLog audit, StoredReadings readings, Clock clock) {
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.readings = readings;
        this.clock = clock;
    }

    public CommandExecutor navigator(VoicePorts.Navigator n) {
        this.navigator = n;
        return this;
    }

    public CommandExecutor forecasts(VoicePorts.Forecasts f) {
        this.forecasts = f;
        return this;
    }

    public CommandExecutor maintenance(VoicePorts.Maintenance m) {
        this.maintenance = m;
        return this;
    }

    public CommandExecutor alarms(VoicePorts.Alarms a) {
        this.alarms = a;
        return this;
    }

    public CommandExecutor publisher(VoicePorts.DevicePublisher p) {
        this.publisher = p;
        return this;
    }

    public static String topic(String siteId, String assetId) {
        return "vidyut/" + siteId + "/" + assetId + "/command";
    }

    public ExecutionResult execute(VoiceCommand command) {
        if (command.intent() == Intent.DEVICE_CONTROL) {
            return requestControl(command);
        }
        if (!command.valid()) {
            return ExecutionResult.of(ExecutionResult.Status.REJECTED, String.join("; ", command.errors())
                    + (command.suggestion() != null ? ". " + command.suggestion() : ""));
        }
        try {
            return switch (command.intent()) {
                case NAVIGATE -> navigate(command);
                case QUERY_STATUS -> status(command);
                case QUERY_ENERGY -> energy(command);
                case QUERY_FORECAST -> forecast(command);
                case QUERY_SCHEDULE -> schedule(command);
                case ACKNOWLEDGE_ALARM -> acknowledge(command);
                default -> ExecutionResult.of(ExecutionResult.Status.REJECTED, "not a command");
            };
        } catch (UnsupportedOperationException e) {
            return ExecutionResult.of(ExecutionResult.Status.UNAVAILABLE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("command failed: {}", command.transcript(), e);
            return ExecutionResult.of(ExecutionResult.Status.FAILED, "failed: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ device control

    private ExecutionResult requestControl(VoiceCommand c) {
        String requestId = UUID.randomUUID().toString();
        String site = c.siteId();
        String asset = c.assetId();
        String action = c.entity("action");
        if (!c.valid()) {
            audit.record(requestId, AuditLog.Event.INVALID, site, asset, action, c.transcript(), null,
                    String.join("; ", c.errors()));
            return new ExecutionResult(ExecutionResult.Status.REJECTED, String.join("; ", c.errors())
                    + (c.suggestion() != null ? ". " + c.suggestion() : ""), requestId, Map.of());
        }
        String name = vocabulary.assets(site).stream().filter(a -> a.id().equals(asset)).findFirst()
                .map(Vocabulary.AssetTerm::name).orElse(asset);
        PendingControl p = new PendingControl(requestId, site, asset, name, action, c.transcript(), topic(site, asset),
                clock.millis());
        audit.record(requestId, AuditLog.Event.REQUESTED, site, asset, action, c.transcript(), p.topic(), null);
        pending.put(requestId, p);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siteId", site);
        data.put("assetId", asset);
        data.put("action", action);
        data.put("topic", p.topic());
        return new ExecutionResult(ExecutionResult.Status.NEEDS_CONFIRMATION,
                describe(action, name) + " at " + siteName(site) + "? Confirm to send the command.", requestId, data);
    }

    public Optional<PendingControl> pending(String requestId) {
        return Optional.ofNullable(pending.get(requestId));
    }

    /** The operator confirmed: publish the command (once). */
    public ExecutionResult confirm(String requestId) {
        PendingControl p = pending.remove(requestId);
        if (p == null) {
            return ExecutionResult.of(ExecutionResult.Status.REJECTED, "no control request " + requestId
                    + " is waiting for confirmation");
        }
        if (clock.millis() - p.createdMillis() > CONFIRMATION_TIMEOUT_MILLIS) {
            audit.record(requestId, AuditLog.Event.EXPIRED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                    p.topic(), "confirmed after " + (clock.millis() - p.createdMillis()) / 1000 + " s");
            return new ExecutionResult(ExecutionResult.Status.REJECTED, "the request expired; say the command again",
                    requestId, Map.of());
        }
        audit.record(requestId, AuditLog.Event.CONFIRMED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                p.topic(), null);
        if (publisher == null) {
            audit.record(requestId, AuditLog.Event.FAILED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                    p.topic(), "no MQTT connection for device commands");
            return new ExecutionResult(ExecutionResult.Status.UNAVAILABLE,
                    "not sent: no MQTT connection for device commands", requestId, Map.of());
        }
        byte[] payload = payload(p);
        try {
            publisher.publish(p.topic(), payload);
        } catch (Exception e) {
            audit.record(requestId, AuditLog.Event.FAILED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                    p.topic(), String.valueOf(e.getMessage()));
            return new ExecutionResult(ExecutionResult.Status.FAILED, "not sent: " + e.getMessage(), requestId, Map.of());
        }
        audit.record(requestId, AuditLog.Event.PUBLISHED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                p.topic(), new String(payload, StandardCharsets.UTF_8));
        return new ExecutionResult(ExecutionResult.Status.DONE, "Sent: " + describe(p.action(), p.assetName()) + " at "
                + siteName(p.siteId()), requestId, Map.of("topic", p.topic()));
    }

    /** The operator declined. */
    public ExecutionResult cancel(String requestId) {
        PendingControl p = pending.remove(requestId);
        if (p == null) {
            return ExecutionResult.of(ExecutionResult.Status.REJECTED, "no control request " + requestId + " is waiting");
        }
        audit.record(requestId, AuditLog.Event.CANCELLED, p.siteId(), p.assetId(), p.action(), p.transcript(),
                p.topic(), null);
        return new ExecutionResult(ExecutionResult.Status.DONE, "Cancelled: " + describe(p.action(), p.assetName()),
                requestId, Map.of());
    }

    byte[] payload(PendingControl p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", p.requestId());
        m.put("action", p.action());
        m.put("siteId", p.siteId());
        m.put("assetId", p.assetId());
        m.put("issuedAt", OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), java.time.ZoneOffset.UTC).toString());
        m.put("source", "voice");
        m.put("transcript", p.transcript());
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(String action, String name) {
        return switch (action) {
            case "on" -> "Switch ON " + name;
            case "off" -> "Switch OFF " + name;
            case "charge" -> "Charge " + name;
            case "discharge" -> "Discharge " + name;
            default -> action + " " + name;
        };
    }

    // ------------------------------------------------------------------ the rest

    private ExecutionResult navigate(VoiceCommand c) {
        String view = c.entity("view");
        String site = c.defaults().contains("site") ? null : c.siteId();
        navigator.navigate(view, site);
        String where = site == null ? "" : (view == null ? siteName(site) : " for " + siteName(site));
        return new ExecutionResult(ExecutionResult.Status.DONE,
                "Showing " + (view == null ? "" : view) + where, null, nullFree("view", view, "siteId", site));
    }

    private ExecutionResult status(VoiceCommand c) {
        String site = c.siteId();
        List<String> assets = assetsOf(c);
        String metric = c.entity("metric");
        if (readings == null) {
            return ExecutionResult.of(ExecutionResult.Status.UNAVAILABLE, "no stored data");
        }
        List<StoredReadings.Latest> latest = readings.latest(site, assets, metric);
        if (latest.isEmpty()) {
            return ExecutionResult.of(ExecutionResult.Status.DONE, "No readings stored for "
                    + (assets == null ? siteName(site) : String.join(", ", names(site, assets)))
                    + (metric == null ? "" : " (" + MetricCatalog.describe(metric).label().toLowerCase(Locale.ROOT) + ")"));
        }
        List<String> parts = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        long now = clock.millis();
        double sum = 0;
        for (StoredReadings.Latest l : latest) {
            var m = MetricCatalog.describe(l.key().metric());
            String age = now - l.timestampMillis() > 3_600_000 ? ", " + ((now - l.timestampMillis()) / 3_600_000)
                    + " h ago" : "";
            parts.add(name(site, l.key().assetId()) + " " + m.label().toLowerCase(Locale.ROOT) + " "
                    + format(l.value()) + (m.unit().isEmpty() ? "" : " " + m.unit()) + age);
            sum += l.value();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("assetId", l.key().assetId());
            v.put("metric", l.key().metric());
            v.put("value", l.value());
            v.put("at", Instant.ofEpochMilli(l.timestampMillis()).toString());
            values.add(v);
        }
        String message = String.join("; ", parts.subList(0, Math.min(8, parts.size())))
                + (parts.size() > 8 ? " (and " + (parts.size() - 8) + " more)" : "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("values", values);
        if ("power_kw".equals(metric) && latest.size() > 1) {
            message = "Total " + format(sum) + " kW: " + message;
            data.put("total", sum);
        }
        return new ExecutionResult(ExecutionResult.Status.DONE, message, null, data);
    }

    private ExecutionResult energy(VoiceCommand c) {
        String site = c.siteId();
        @SuppressWarnings("unchecked")
        Map<String, Object> time = (Map<String, Object>) c.entities().get("time");
        long from = OffsetDateTime.parse(String.valueOf(time.getOrDefault("from", time.get("at")))).toInstant().toEpochMilli();
        long to = time.containsKey("to") ? OffsetDateTime.parse((String) time.get("to")).toInstant().toEpochMilli()
                : clock.millis();
        to = Math.min(to, clock.millis());
        List<String> assets = assetsOf(c);
        if (assets == null) {
            // the site's consumption: its meters if it has any, else every asset that is not generation or storage
            List<String> meters = vocabulary.assets(site).stream().filter(a -> a.kind().equals("meter"))
                    .map(Vocabulary.AssetTerm::id).toList();
            assets = !meters.isEmpty() ? meters : vocabulary.assets(site).stream()
                    .filter(a -> !List.of("pv_array", "inverter", "battery", "generator").contains(a.kind()))
                    .map(Vocabulary.AssetTerm::id).toList();
        }
        StoredReadings.Energy e = readings.energy(site, assets, from, Math.max(from, to));
        if (e.assetIds().isEmpty()) {
            return ExecutionResult.of(ExecutionResult.Status.DONE, "No power readings stored for " + siteName(site) + " "
                    + time.get("text"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kwh", e.kwh());
        data.put("assets", e.assetIds());
        data.put("coveredHours", e.coveredMillis() / 3_600_000.0);
        return new ExecutionResult(ExecutionResult.Status.DONE, "Energy " + time.get("text") + " at " + siteName(site)
                + ": " + format(e.kwh()) + " kWh (" + String.join(", ", names(site, e.assetIds())) + "; data for "
                + format(e.coveredMillis() / 3_600_000.0) + " h)", null, data);
    }

    @SuppressWarnings("unchecked")
    private ExecutionResult forecast(VoiceCommand c) {
        Map<String, Object> time = (Map<String, Object>) c.entities().get("time");
        Instant from = OffsetDateTime.parse(String.valueOf(time.getOrDefault("from", time.get("at")))).toInstant();
        Instant to = time.containsKey("to") ? OffsetDateTime.parse((String) time.get("to")).toInstant()
                : from.plusSeconds(3600);
        return forecasts.forecast(c.siteId(), c.assetId(), c.entity("deviceKind"), c.entity("metric"), from, to)
                .map(s -> ExecutionResult.of(ExecutionResult.Status.DONE, s))
                .orElse(ExecutionResult.of(ExecutionResult.Status.UNAVAILABLE, "No forecast model is available for "
                        + siteName(c.siteId()) + " yet (train one with: vidyut forecast)"));
    }

    private ExecutionResult schedule(VoiceCommand c) {
        return maintenance.schedule(c.siteId(), c.assetId(), c.entity("deviceKind"))
                .map(s -> ExecutionResult.of(ExecutionResult.Status.DONE, s))
                .orElse(ExecutionResult.of(ExecutionResult.Status.UNAVAILABLE, "No maintenance plan is available for "
                        + siteName(c.siteId()) + " yet (vidyut maintenance)"));
    }

    private ExecutionResult acknowledge(VoiceCommand c) {
        if (alarms == null) {
            return ExecutionResult.of(ExecutionResult.Status.UNAVAILABLE, "alarms are not available here");
        }
        if (Boolean.TRUE.equals(c.entities().get("all"))) {
            int n = alarms.acknowledgeAll();
            return new ExecutionResult(ExecutionResult.Status.DONE, "Acknowledged " + n + " alarm" + (n == 1 ? "" : "s"),
                    null, Map.of("acknowledged", n));
        }
        long id = ((Number) c.entities().get("number")).longValue();
        return alarms.acknowledge(id)
                ? new ExecutionResult(ExecutionResult.Status.DONE, "Acknowledged alarm " + id, null,
                Map.of("acknowledged", 1))
                : ExecutionResult.of(ExecutionResult.Status.REJECTED, "There is no open alarm " + id);
    }

    /** The assets a query is about: the named one, those of the said kind/location, or null for the whole site. */
    private List<String> assetsOf(VoiceCommand c) {
        if (c.assetId() != null) {
            return List.of(c.assetId());
        }
        String kind = c.entity("deviceKind");
        String location = c.entity("location");
        if (kind == null && location == null) {
            return null;
        }
        String loc = location == null ? null : Vocabulary.spoken(location);
        return vocabulary.assets(c.siteId()).stream()
                .filter(a -> kind == null || a.kind().equals(kind))
                .filter(a -> loc == null || a.spoken().stream().anyMatch(s -> (" " + s + " ").contains(" " + loc + " ")))
                .map(Vocabulary.AssetTerm::id).toList();
    }

    private List<String> names(String site, List<String> assetIds) {
        return assetIds.stream().map(a -> name(site, a)).toList();
    }

    private String name(String site, String assetId) {
        return vocabulary.assets(site).stream().filter(a -> a.id().equals(assetId)).findFirst()
                .map(Vocabulary.AssetTerm::name).orElse(assetId);
    }

    private String siteName(String siteId) {
        return vocabulary.site(siteId).map(Vocabulary.SiteTerm::name).orElse(siteId);
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Map<String, Object> nullFree(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
