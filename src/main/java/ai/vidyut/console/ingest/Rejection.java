package ai.vidyut.console.ingest;

/**
 * Why a message (or one object of a batched message) was not ingested. {@code rawPayload} is the exact text
 * that was rejected, so it can be kept in quarantine and replayed.
 */
public record Rejection(String reason, String detail, String rawPayload) {

    /** The payload is longer than the pipeline's size limit. */
    public static final String TOO_LARGE = "too_large";
    /** The payload is not valid JSON. */
    public static final String MALFORMED_JSON = "malformed_json";
    /** A required field ({@code ts}, {@code metrics}, {@code siteId}, {@code assetId}) is absent. */
    public static final String MISSING_FIELD = "missing_field";
    /** A field has the wrong JSON type (for example {@code metrics} is not an object). */
    public static final String WRONG_TYPE = "wrong_type";
    /** {@code ts} is neither an ISO-8601 instant nor epoch milliseconds in a plausible range. */
    public static final String BAD_TIMESTAMP = "bad_timestamp";
    /** A metric value is NaN or infinite. */
    public static final String NON_FINITE_VALUE = "non_finite_value";
    /** A metric value is not a number (a string, boolean, object, array or null). */
    public static final String UNSUPPORTED_VALUE_TYPE = "unsupported_value_type";
    /** A site, asset or metric name is empty, too long, or has characters outside {@code [A-Za-z0-9_.:-]}. */
    public static final String INVALID_ID = "invalid_id";
    /** The MQTT topic does not have the form {@code vidyut/{siteId}/{assetId}/telemetry}. */
    public static final String BAD_TOPIC = "bad_topic";
    /** The store refused readings that passed validation (kept aside so they do not block the rest). */
    public static final String STORE_ERROR = "store_error";
}
