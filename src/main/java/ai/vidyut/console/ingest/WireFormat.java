package ai.vidyut.console.ingest;

import ai.vidyut.console.telemetry.Reading;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The telemetry wire format, shared by MQTT and WebSocket.
 *
 * <p>One message is a JSON object {@code {"ts": "2026-03-01T10:15:00.250Z", "metrics": {"power_kw": 850.2}}}
 * ({@code ts} may also be epoch milliseconds) or a JSON array of such objects. Over MQTT the site and asset come
 * from the topic {@code vidyut/{siteId}/{assetId}/telemetry}; over WebSocket each object carries
 * {@code "siteId"} and {@code "assetId"}. Unknown fields are ignored.
 *
 * <p>Validation is per object: in a batched message a bad object is rejected on its own (with its exact text)
 * and the good ones are kept; a message that is not valid JSON at all is rejected as a whole.
 */
public final class WireFormat {

    public static final String TOPIC_PREFIX = "vidyut/";
    public static final String TOPIC_SUFFIX = "/telemetry";
    /** Subscribes to every site and asset. */
    public static final String DEFAULT_TOPIC_FILTER = "vidyut/+/+/telemetry";
    public static final int MAX_ID_LENGTH = 64;
    /** Timestamps outside [2000-01-01, 2100-01-01) are rejected: almost always epoch seconds or garbage. */
    static final long MIN_TS = 946_684_800_000L;
    static final long MAX_TS = 4_102_444_800_000L;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so that NaN/Infinity get their own reason
            .build();

    private WireFormat() {
    }

    /** What came out of one message: the readings of every valid object and a rejection for every bad one. */
    public record Parsed(List<Reading> readings, List<Rejection> rejections) {
    }

    public static String topic(String siteId, String assetId) {
        return TOPIC_PREFIX + siteId + "/" + assetId + TOPIC_SUFFIX;
    }

    /** {@code [siteId, assetId]} of a telemetry topic, or null if the topic has another shape. */
    public static String[] parseTopic(String topic) {
        if (topic == null || !topic.startsWith(TOPIC_PREFIX) || !topic.endsWith(TOPIC_SUFFIX)) {
            return null;
        }
        String middle = topic.substring(TOPIC_PREFIX.length(), topic.length() - TOPIC_SUFFIX.length());
        int slash = middle.indexOf('/');
        if (slash < 0 || middle.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String site = middle.substring(0, slash);
        String asset = middle.substring(slash + 1);
        return isValidId(site) && isValidId(asset) ? new String[] {site, asset} : null;
    }

    /** An MQTT message: site and asset from the topic. */
    public static Parsed parseMqtt(String topic, String payload) {
        String[] ids = parseTopic(topic);
        if (ids == null) {
            return new Parsed(List.of(), List.of(new Rejection(Rejection.BAD_TOPIC,
                    "topic '" + abbreviate(topic, 200) + "' is not vidyut/{siteId}/{assetId}/telemetry", payload)));
        }
        return parse(payload, ids[0], ids[1]);
    }

    /** A WebSocket message: site and asset inside each object. */
    public static Parsed parseWebSocket(String payload) {
        return parse(payload, null, null);
    }

    /**
     * Parses a message. {@code siteId}/{@code assetId} given (from an MQTT topic) take precedence over fields
     * inside the objects; when null, each object must carry them.
     */
    public static Parsed parse(String payload, String siteId, String assetId) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(0);
        try (JsonParser p = FACTORY.createParser(payload)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return whole(Rejection.MALFORMED_JSON, "empty message", payload);
            }
            if (t == JsonToken.START_OBJECT) {
                parseObject(p, payload, siteId, assetId, -1, readings, rejections);
            } else if (t == JsonToken.START_ARRAY) {
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        return whole(Rejection.MALFORMED_JSON, "unterminated array", payload);
                    }
                    if (t == JsonToken.START_OBJECT) {
                        parseObject(p, payload, siteId, assetId, index, readings, rejections);
                    } else {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        rejections.add(new Rejection(Rejection.WRONG_TYPE,
                                "element " + index + " is " + describe(t) + ", expected an object",
                                payload.substring(start, end)));
                    }
                    index++;
                }
                if (index == 0) {
                    return whole(Rejection.MISSING_FIELD, "empty array", payload);
                }
            } else {
                return whole(Rejection.WRONG_TYPE, "message is " + describe(t) + ", expected an object or array",
                        payload);
            }
            if (p.nextToken() != null) {
                return whole(Rejection.MALFORMED_JSON, "unexpected content after the message", payload);
            }
        } catch (JsonProcessingException e) {
            return whole(Rejection.MALFORMED_JSON, abbreviate(e.getOriginalMessage(), 300)
                    + " at offset " + e.getLocation().getCharOffset(), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(readings, rejections);
    }

    private static Parsed whole(String reason, String detail, String payload) {
        return new Parsed(List.of(), List.of(new Rejection(reason, detail, payload)));
    }

    /** Parses one object starting at its START_OBJECT; leaves the parser on its END_OBJECT. */
    private static void parseObject(JsonParser p, String payload, String topicSite, String topicAsset, int index,
                                    List<Reading> readings, List<Rejection> rejections) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        String reason = null;
        String detail = null;
        long ts = Long.MIN_VALUE;
        boolean hasTs = false;
        boolean hasMetrics = false;
        String site = null;
        String asset = null;
        String[] names = new String[8];
        double[] values = new double[8];
        int n = 0;

        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "ts" -> {
                    hasTs = true;
                    if (v == JsonToken.VALUE_STRING) {
                        ts = parseIsoTimestamp(p.getText());
                        if (ts == Long.MIN_VALUE && reason == null) {
                            reason = Rejection.BAD_TIMESTAMP;
                            detail = "ts '" + abbreviate(p.getText(), 60) + "' is not an ISO-8601 instant";
                        }
                    } else if (v == JsonToken.VALUE_NUMBER_INT) {
                        ts = p.getLongValue();
                    } else {
                        p.skipChildren();
                        if (reason == null) {
                            reason = v == JsonToken.VALUE_NUMBER_FLOAT ? Rejection.BAD_TIMESTAMP : Rejection.WRONG_TYPE;
                            detail = "ts is " + describe(v) + ", expected an ISO-8601 string or epoch milliseconds";
                        }
                    }
                    if (reason == null && (ts < MIN_TS || ts >= MAX_TS)) {
                        reason = Rejection.BAD_TIMESTAMP;
                        detail = "ts " + ts + " is outside 2000..2100"
                                + (ts > 0 && ts < 10_000_000_000L ? " (epoch seconds? ts must be milliseconds)" : "");
                    }
                }
                case "metrics" -> {
                    hasMetrics = true;
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        if (reason == null) {
                            reason = Rejection.WRONG_TYPE;
                            detail = "metrics is " + describe(v) + ", expected an object";
                        }
                        break;
                    }
                    JsonToken m;
                    while ((m = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String metric = p.currentName();
                        JsonToken mv = p.nextToken();
                        if (mv == JsonToken.VALUE_NUMBER_INT || mv == JsonToken.VALUE_NUMBER_FLOAT) {
                            double d = p.getDoubleValue();
                            if (!Double.isFinite(d)) {
                                if (reason == null) {
                                    reason = Rejection.NON_FINITE_VALUE;
                                    detail = "metric " + abbreviate(metric, 64) + " is " + p.getText();
                                }
                            } else if (!isValidId(metric)) {
                                if (reason == null) {
                                    reason = Rejection.INVALID_ID;
                                    detail = "metric name '" + abbreviate(metric, 80) + "' is invalid";
                                }
                            } else {
                                if (n == names.length) {
                                    names = Arrays.copyOf(names, n * 2);
                                    values = Arrays.copyOf(values, n * 2);
                                }
                                names[n] = metric;
                                values[n++] = d;
                            }
                        } else {
                            p.skipChildren();
                            if (reason == null) {
                                boolean structured = mv == JsonToken.START_OBJECT || mv == JsonToken.START_ARRAY;
                                reason = structured ? Rejection.UNSUPPORTED_VALUE_TYPE : Rejection.WRONG_TYPE;
                                detail = "metric " + abbreviate(metric, 64) + " is " + describe(mv)
                                        + (structured ? "; only numbers are supported" : ", expected a number");
                            }
                        }
                    }
                    if (m != JsonToken.END_OBJECT) {
                        throw new JsonParseFailure(p, "unterminated metrics object");
                    }
                }
                case "siteId", "assetId" -> {
                    if (v == JsonToken.VALUE_STRING) {
                        if (field.equals("siteId")) {
                            site = p.getText();
                        } else {
                            asset = p.getText();
                        }
                    } else {
                        p.skipChildren();
                        if (reason == null) {
                            reason = Rejection.WRONG_TYPE;
                            detail = field + " is " + describe(v) + ", expected a string";
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseFailure(p, "unterminated object");
        }
        int end = (int) p.currentLocation().getCharOffset();
        String where = index >= 0 ? "element " + index + ": " : "";

        if (topicSite != null) {
            site = topicSite;
            asset = topicAsset;
        }
        if (reason == null) {
            if (!hasTs) {
                reason = Rejection.MISSING_FIELD;
                detail = "ts is missing";
            } else if (!hasMetrics) {
                reason = Rejection.MISSING_FIELD;
                detail = "metrics is missing";
            } else if (site == null) {
                reason = Rejection.MISSING_FIELD;
                detail = "siteId is missing";
            } else if (asset == null) {
                reason = Rejection.MISSING_FIELD;
                detail = "assetId is missing";
            } else if (!isValidId(site)) {
                reason = Rejection.INVALID_ID;
                detail = "siteId '" + abbreviate(site, 80) + "' is invalid";
            } else if (!isValidId(asset)) {
                reason = Rejection.INVALID_ID;
                detail = "assetId '" + abbreviate(asset, 80) + "' is invalid";
            } else if (n == 0) {
                reason = Rejection.MISSING_FIELD;
                detail = "metrics is empty";
            }
        }
        if (reason != null) {
            String raw = index < 0 ? payload : payload.substring(start, Math.min(end, payload.length()));
            rejections.add(new Rejection(reason, where + detail, raw));
            return;
        }
        for (int i = 0; i < n; i++) {
            readings.add(new Reading(ts, site, asset, names[i], values[i]));
        }
    }

    /** A syntax problem found by our own checks; reported like Jackson's own parse errors. */
    private static final class JsonParseFailure extends JsonProcessingException {
        JsonParseFailure(JsonParser p, String message) {
            super(message, p.currentLocation());
        }
    }

    static long parseIsoTimestamp(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return Long.MIN_VALUE;
            }
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Site, asset and metric names: 1..64 characters of {@code [A-Za-z0-9_.:-]}. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "missing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() != null ? t.asString() : t.name();
        };
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "null";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** One wire object; {@code withIds} adds {@code siteId}/{@code assetId} (WebSocket form). */
    public static String encode(long ts, String siteId, String assetId, Map<String, Double> metrics, boolean withIds) {
        StringWriter out = new StringWriter(64 + metrics.size() * 24);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeObject(g, ts, siteId, assetId, metrics, withIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Several objects as one batched message (a JSON array). */
    public static String encodeBatch(List<Snapshot> snapshots, boolean withIds) {
        StringWriter out = new StringWriter(snapshots.size() * 128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Snapshot s : snapshots) {
                writeObject(g, s.timestampMillis(), s.siteId(), s.assetId(), s.metrics(), withIds);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The metrics of one asset at one instant: the unit of the wire format. */
    public record Snapshot(long timestampMillis, String siteId, String assetId, Map<String, Double> metrics) {
    }

    private static void writeObject(JsonGenerator g, long ts, String siteId, String assetId,
                                    Map<String, Double> metrics, boolean withIds) throws IOException {
        g.writeStartObject();
        if (withIds) {
            g.writeStringField("siteId", siteId);
            g.writeStringField("assetId", assetId);
        }
        g.writeStringField("ts", Instant.ofEpochMilli(ts).toString());
        g.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
