package ai.vidyut.console.ingest;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    private static final long TS = 1_772_360_100_250L;
    private static int dbCounter;

    private Database db;
    private SiteStore sites;
    private ReadingStore readings;
    private QuarantineStore quarantine;
    private Pipeline pipeline;

    @BeforeEach
    void open() {
        db = Database.inMemory("pipeline-test-" + (dbCounter++));
        sites = new SiteStore(db);
        readings = new ReadingStore(db, sites);
        quarantine = new QuarantineStore(db);
        pipeline = new Pipeline(readings, quarantine, Pipeline.Options.defaults().withMaxPayloadBytes(1024));
    }

    @AfterEach
    void close() {
        pipeline.close();
        db.close();
    }

    private static String ws(String site, String asset, long ts, String metrics) {
        return "{\"siteId\":\"" + site + "\",\"assetId\":\"" + asset + "\",\"ts\":" + ts + ",\"metrics\":" + metrics + "}";
    }

    @Test
    void storesValidReadingsOnceAndQuarantinesEveryBadMessageWithReasonAndPayload() {
        List<Reading> committed = new CopyOnWriteArrayList<>();
        pipeline.addListener(committed::addAll);

        pipeline.submit("ws:a", ws("s1", "inv-1", TS, "{\"power_kw\":1.5,\"temperature_c\":40}"));
        pipeline.submit("ws:a", ws("s1", "inv-1", TS, "{\"power_kw\":1.5}"));           // duplicate reading
        pipeline.submit("ws:a", "[" + ws("s1", "inv-1", TS + 1000, "{\"power_kw\":2}") + "," + ws("s1", "inv-1", TS + 1000, "{\"power_kw\":2}") + "]");
        pipeline.submit("ws:a", "{\"siteId\":\"s1\"");                                      // broken JSON
        pipeline.submit("ws:b", ws("s2", "pump-1", TS, "{\"vibration_mm_s\":NaN}"));
        pipeline.submit("ws:b", "x".repeat(2000));                                          // over the size limit
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();
        // Listeners see each reading of a batch once; duplicates inside one batch are removed.
        assertThat(committed).extracting(r -> r.metric() + "@" + r.timestampMillis())
                .containsExactlyInAnyOrder("power_kw@" + TS, "temperature_c@" + TS, "power_kw@" + (TS + 1000));
        pipeline.submit("ws:b", ws("s1", "inv-1", TS, "{\"power_kw\":1.5}"));           // duplicate of a stored one
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();

        assertThat(readings.count()).isEqualTo(3);
        assertThat(quarantine.countByReason()).isEqualTo(Map.of(
                Rejection.MALFORMED_JSON, 1L, Rejection.NON_FINITE_VALUE, 1L, Rejection.TOO_LARGE, 1L));
        List<QuarantineStore.Entry> entries = quarantine.latest(10);
        assertThat(entries).filteredOn(e -> e.reason().equals(Rejection.MALFORMED_JSON)).singleElement()
                .matches(e -> e.rawPayload().equals("{\"siteId\":\"s1\"") && e.source().equals("ws:a"));
        assertThat(entries).filteredOn(e -> e.reason().equals(Rejection.TOO_LARGE)).singleElement()
                .matches(e -> e.rawPayload().length() == 2000 && e.detail().contains("2000 bytes"));

        assertThat(sites.site("s2")).isEmpty(); // only a bad message mentioned it
        assertThat(sites.site("s1")).get().matches(s -> s.discovered());
        assertThat(sites.asset("s1", "inv-1")).get().matches(a -> a.discovered());

        PipelineStats stats = pipeline.stats();
        assertThat(stats.messages()).isEqualTo(7);
        assertThat(stats.readingsStored()).isEqualTo(3);
        assertThat(stats.quarantined()).isEqualTo(3);
        assertThat(stats.source("ws:a").messages()).isEqualTo(4);
        assertThat(stats.source("ws:a").quarantined()).isEqualTo(1);
        assertThat(stats.source("ws:b").quarantinedByReason())
                .isEqualTo(Map.of(Rejection.NON_FINITE_VALUE, 1L, Rejection.TOO_LARGE, 1L));
        assertThat(stats.messagesPerSecond()).isGreaterThanOrEqualTo(0);
        assertThat(stats.duplicates()).isEqualTo(3); // two repeated within the first batch, one of a stored reading
    }

    @Test
    void acknowledgesMqttMessagesOnlyAfterCommitIncludingRejectedOnes() {
        AtomicInteger acks = new AtomicInteger();
        List<Long> countsAtAck = new ArrayList<>();
        Runnable ack = () -> {
            acks.incrementAndGet();
            countsAtAck.add(readings.count() + quarantine.count());
        };
        pipeline.submitMqtt("mqtt:x", "vidyut/s1/a1/telemetry",
                ("{\"ts\":" + TS + ",\"metrics\":{\"power_kw\":1}}").getBytes(StandardCharsets.UTF_8), ack);
        pipeline.submitMqtt("mqtt:x", "vidyut/s1/a1/telemetry", new byte[] {'{', (byte) 0xC3, '}'}, ack);
        pipeline.submitMqtt("mqtt:x", "vidyut/s1/a1/telemetry", new byte[5000], ack);
        pipeline.submitMqtt("mqtt:x", "elsewhere", "{}".getBytes(StandardCharsets.UTF_8), ack);
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();

        assertThat(acks).hasValue(4);
        assertThat(countsAtAck).allMatch(n -> n >= 1);
        assertThat(readings.count()).isEqualTo(1);
        assertThat(quarantine.countByReason()).isEqualTo(Map.of(
                Rejection.MALFORMED_JSON, 1L, Rejection.TOO_LARGE, 1L, Rejection.BAD_TOPIC, 1L));
        assertThat(quarantine.latest(10)).filteredOn(e -> e.reason().equals(Rejection.MALFORMED_JSON))
                .singleElement().matches(e -> e.detail().contains("not UTF-8"));
    }

    @Test
    void batchesManyMessagesIntoFewCommits() {
        AtomicInteger commits = new AtomicInteger();
        pipeline.addListener(batch -> commits.incrementAndGet());
        for (int i = 0; i < 2000; i++) {
            pipeline.submit("ws:a", ws("s1", "m-" + (i % 10), TS + i * 1000L, "{\"power_kw\":" + i + ",\"voltage_v\":230}"));
        }
        assertThat(pipeline.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(readings.count()).isEqualTo(4000);
        assertThat(commits.get()).isLessThan(200);
        assertThat(pipeline.stats().source("ws:a").readingsCommitted()).isEqualTo(4000);
    }

    @Test
    void closeCommitsWhatWasQueued() {
        for (int i = 0; i < 100; i++) {
            pipeline.submit("ws:a", ws("s1", "a1", TS + i, "{\"power_kw\":1}"));
        }
        pipeline.close();
        assertThat(readings.count()).isEqualTo(100);
    }

    @Test
    void readingsTheStoreRefusesAreQuarantinedWithoutBlockingTheRest() throws Exception {
        try (var c = db.connection(); var st = c.createStatement()) {
            st.execute("ALTER TABLE readings ADD CONSTRAINT test_limit CHECK (reading_value < 1000000)");
        }
        for (int i = 0; i < 20; i++) {
            double v = i == 7 ? 5e6 : i;
            pipeline.submit("ws:a", ws("s1", "a1", TS + i * 1000L, "{\"power_kw\":" + v + "}"));
        }
        assertThat(pipeline.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(readings.count()).isEqualTo(19);
        assertThat(quarantine.latest(5)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(Rejection.STORE_ERROR);
            assertThat(e.rawPayload()).contains("5000000");
            assertThat(e.source()).isEqualTo("ws:a");
        });
    }

    @Test
    void readingsSubmittedDirectlyAreValidatedToo() {
        pipeline.submitReadings("import", List.of(new Reading(TS, "s1", "a1", "power_kw", 1),
                new Reading(TS, "s1", "a1", "voltage_v", Double.NaN),
                new Reading(TS, "s 1", "a1", "power_kw", 1),
                new Reading(1_000, "s1", "a1", "power_kw", 1)));
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(readings.count()).isEqualTo(1);
        assertThat(quarantine.countByReason()).isEqualTo(Map.of(Rejection.NON_FINITE_VALUE, 1L,
                Rejection.INVALID_ID, 1L, Rejection.BAD_TIMESTAMP, 1L));
    }
}
