package ai.vidyut.console.ingest;

import ai.vidyut.console.telemetry.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatTest {

    private static final String TOPIC = "vidyut/plant-7/inv-1/telemetry";
    private static final long TS = Instant.parse("2026-03-01T10:15:00.250Z").toEpochMilli();

    @Test
    void parsesAnMqttMessageWithIsoTimestamp() {
        WireFormat.Parsed p = WireFormat.parseMqtt(TOPIC,
                "{\"ts\": \"2026-03-01T10:15:00.250Z\", \"metrics\": {\"power_kw\": 850.2, \"temperature_c\": 41.5}}");
        assertThat(p.rejections()).isEmpty();
        assertThat(p.readings()).containsExactly(
                new Reading(TS, "plant-7", "inv-1", "power_kw", 850.2),
                new Reading(TS, "plant-7", "inv-1", "temperature_c", 41.5));
    }

    @Test
    void acceptsEpochMillisOffsetsIntegersAndUnknownMetricsAndIgnoresUnknownFields() {
        WireFormat.Parsed p = WireFormat.parseMqtt(TOPIC,
                "{\"seq\": 4, \"ts\": " + TS + ", \"metrics\": {\"power_kw\": 850, \"blade_pitch_deg\": -2.5e0}}");
        assertThat(p.rejections()).isEmpty();
        assertThat(p.readings()).extracting(Reading::timestampMillis).containsOnly(TS);
        assertThat(p.readings()).extracting(Reading::metric).containsExactly("power_kw", "blade_pitch_deg");
        assertThat(p.readings()).extracting(Reading::value).containsExactly(850.0, -2.5);

        WireFormat.Parsed offset = WireFormat.parseMqtt(TOPIC,
                "{\"ts\": \"2026-03-01T15:45:00.250+05:30\", \"metrics\": {\"power_kw\": 1}}");
        assertThat(offset.readings()).extracting(Reading::timestampMillis).containsExactly(TS);
    }

    @Test
    void webSocketObjectsCarryTheirIdsAndMayBeBatched() {
        String msg = "[{\"siteId\":\"s1\",\"assetId\":\"a1\",\"ts\":" + TS + ",\"metrics\":{\"power_kw\":1.5}},"
                + "{\"siteId\":\"s2\",\"assetId\":\"a2\",\"ts\":" + (TS + 1) + ",\"metrics\":{\"soc_pct\":50}}]";
        WireFormat.Parsed p = WireFormat.parseWebSocket(msg);
        assertThat(p.rejections()).isEmpty();
        assertThat(p.readings()).containsExactly(
                new Reading(TS, "s1", "a1", "power_kw", 1.5),
                new Reading(TS + 1, "s2", "a2", "soc_pct", 50));
    }

    @Test
    void aBadObjectInABatchIsRejectedAloneWithItsExactText() {
        String bad = "{\"siteId\":\"s1\",\"assetId\":\"a1\",\"ts\":" + TS + ",\"metrics\":{\"power_kw\":\"high\"}}";
        String msg = "[{\"siteId\":\"s1\",\"assetId\":\"a1\",\"ts\":" + TS + ",\"metrics\":{\"power_kw\":1}}, " + bad
                + ", 42]";
        WireFormat.Parsed p = WireFormat.parseWebSocket(msg);
        assertThat(p.readings()).hasSize(1);
        assertThat(p.rejections()).hasSize(2);
        assertThat(p.rejections().get(0).reason()).isEqualTo(Rejection.WRONG_TYPE);
        assertThat(p.rejections().get(0).rawPayload()).isEqualTo(bad);
        assertThat(p.rejections().get(0).detail()).startsWith("element 1: metric power_kw is a string");
        assertThat(p.rejections().get(1).rawPayload()).isEqualTo("42");
        assertThat(p.rejections().get(1).detail()).contains("element 2 is a number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "truncated JSON     | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": 8           | malformed_json",
            "not JSON           | hello                                                          | malformed_json",
            "empty              | ``                                                             | malformed_json",
            "trailing garbage   | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": 8}} x      | malformed_json",
            "NaN                | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": NaN}}      | non_finite_value",
            "Infinity           | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": -Infinity}} | non_finite_value",
            "overflow           | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": 1e400}}    | non_finite_value",
            "string value       | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": \"8\"}}    | wrong_type",
            "boolean value      | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": true}}     | wrong_type",
            "null value         | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": null}}     | wrong_type",
            "object value       | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": {\"v\": 1}}} | unsupported_value_type",
            "array value        | {\"ts\": 1772360100250, \"metrics\": {\"power_kw\": [1, 2]}}   | unsupported_value_type",
            "metrics not object | {\"ts\": 1772360100250, \"metrics\": [1]}                      | wrong_type",
            "ts boolean         | {\"ts\": true, \"metrics\": {\"power_kw\": 8}}                 | wrong_type",
            "ts not ISO         | {\"ts\": \"yesterday\", \"metrics\": {\"power_kw\": 8}}        | bad_timestamp",
            "ts in seconds      | {\"ts\": 1772360100, \"metrics\": {\"power_kw\": 8}}           | bad_timestamp",
            "ts fractional      | {\"ts\": 1772360100250.5, \"metrics\": {\"power_kw\": 8}}      | bad_timestamp",
            "missing ts         | {\"metrics\": {\"power_kw\": 8}}                               | missing_field",
            "missing metrics    | {\"ts\": 1772360100250}                                        | missing_field",
            "empty metrics      | {\"ts\": 1772360100250, \"metrics\": {}}                       | missing_field",
            "bad metric name    | {\"ts\": 1772360100250, \"metrics\": {\"power kw\": 8}}        | invalid_id",
            "root is a number   | 42                                                             | wrong_type",
            "empty array        | []                                                             | missing_field",
    })
    void rejectsBadMqttMessagesWithAReason(String name, String payload, String reason) {
        WireFormat.Parsed p = WireFormat.parseMqtt(TOPIC, payload);
        assertThat(p.readings()).isEmpty();
        assertThat(p.rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.rawPayload()).isEqualTo(payload);
            assertThat(r.detail()).isNotBlank();
        });
    }

    @Test
    void rejectsWebSocketObjectsWithoutOrWithBadIds() {
        assertThat(WireFormat.parseWebSocket("{\"assetId\":\"a\",\"ts\":" + TS + ",\"metrics\":{\"x\":1}}")
                .rejections()).singleElement().matches(r -> r.reason().equals(Rejection.MISSING_FIELD)
                && r.detail().contains("siteId"));
        assertThat(WireFormat.parseWebSocket("{\"siteId\":5,\"assetId\":\"a\",\"ts\":" + TS + ",\"metrics\":{\"x\":1}}")
                .rejections()).singleElement().matches(r -> r.reason().equals(Rejection.WRONG_TYPE));
        assertThat(WireFormat.parseWebSocket("{\"siteId\":\"a/b\",\"assetId\":\"a\",\"ts\":" + TS
                + ",\"metrics\":{\"x\":1}}").rejections()).singleElement()
                .matches(r -> r.reason().equals(Rejection.INVALID_ID));
    }

    @ParameterizedTest
    @CsvSource({"vidyut/s1/telemetry", "vidyut/s1/a1/a2/telemetry", "other/s1/a1/telemetry", "vidyut/s1/a1/status",
            "vidyut//a1/telemetry"})
    void rejectsTopicsOfAnotherShape(String topic) {
        WireFormat.Parsed p = WireFormat.parseMqtt(topic, "{\"ts\":" + TS + ",\"metrics\":{\"x\":1}}");
        assertThat(p.readings()).isEmpty();
        assertThat(p.rejections()).singleElement().matches(r -> r.reason().equals(Rejection.BAD_TOPIC));
    }

    @Test
    void encodedSnapshotsParseBackToTheSameReadings() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("power_kw", 850.25);
        metrics.put("soc_pct", 0.001);
        String one = WireFormat.encode(TS, "s1", "a1", metrics, false);
        assertThat(WireFormat.parseMqtt(WireFormat.topic("s1", "a1"), one).readings()).containsExactly(
                new Reading(TS, "s1", "a1", "power_kw", 850.25), new Reading(TS, "s1", "a1", "soc_pct", 0.001));
        String batch = WireFormat.encodeBatch(List.of(new WireFormat.Snapshot(TS, "s1", "a1", metrics),
                new WireFormat.Snapshot(TS + 1000, "s1", "a2", Map.of("power_kw", -3.0))), true);
        assertThat(WireFormat.parseWebSocket(batch).readings()).hasSize(3)
                .contains(new Reading(TS + 1000, "s1", "a2", "power_kw", -3.0));
    }
}
