package ai.vidyut.console.alerts;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AlertServiceTest {

    @TempDir
    Path dir;

    private static Anomaly anomaly(String asset, AnomalyType type, Severity sev, long start) {
        return new Anomaly(0, "s1", asset, "power_kw", type, sev, start, start + 60_000, 20, 100, -80, 0.9, 2);
    }

    @Test
    void cooldownMergesRepeatsAcknowledgeReopensAndStateSurvivesReopening() {
        AtomicLong now = new AtomicLong(1_000_000);
        try (Database db = Database.open(dir)) {
            AnomalyStore anomalies = new AnomalyStore(db);
            AlertService alerts = new AlertService(db, Duration.ofMinutes(10), now::get);
            Anomaly first = anomalies.save(anomaly("inv1", AnomalyType.POWER_DROP, Severity.MEDIUM, 0));
            assertThat(alerts.raise(first)).isPresent();
            now.addAndGet(60_000);
            assertThat(alerts.raise(anomalies.save(anomaly("inv1", AnomalyType.POWER_DROP, Severity.CRITICAL, 1))))
                    .as("same fault within the cooldown").isEmpty();
            assertThat(alerts.raise(anomalies.save(anomaly("inv2", AnomalyType.POWER_DROP, Severity.LOW, 1))))
                    .as("another asset").isPresent();
            assertThat(alerts.raise(anomalies.save(anomaly("inv1", AnomalyType.SPIKE, Severity.LOW, 1))))
                    .as("another type").isPresent();
            assertThat(alerts.open()).hasSize(3);
            Alert merged = alerts.open().stream().filter(a -> a.assetId().equals("inv1")
                    && a.type().equals("power_drop")).findFirst().orElseThrow();
            assertThat(merged.occurrences()).isEqualTo(2);
            assertThat(merged.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(merged.anomalyId()).isEqualTo(first.id());
            assertThat(merged.message()).contains("power drop").contains("s1/inv1");

            now.addAndGet(11 * 60_000);
            assertThat(alerts.raise(anomalies.save(anomaly("inv1", AnomalyType.POWER_DROP, Severity.LOW, 2))))
                    .as("after the cooldown").isPresent();
            assertThat(alerts.acknowledge(merged.id())).isTrue();
            assertThat(alerts.acknowledge(merged.id())).as("already acknowledged").isFalse();
            assertThat(alerts.open()).hasSize(3);
        }
        try (Database db = Database.open(dir)) {
            AlertService alerts = new AlertService(db);
            assertThat(alerts.open()).hasSize(3);
            assertThat(alerts.acknowledgeAll()).isEqualTo(3);
            assertThat(alerts.open()).isEmpty();
            assertThat(alerts.all()).hasSize(4).allMatch(Alert::acknowledged);
        }
    }

    @Test
    void siteStatisticsCountByHourAndDay() {
        try (Database db = Database.inMemory("anomaly-stats")) {
            AnomalyStore store = new AnomalyStore(db);
            long thursday = 1_767_225_600_000L; // 2026-01-01T00:00Z, a Thursday
            store.save(new Anomaly(0, "s1", "a", "power_kw", AnomalyType.SPIKE, Severity.LOW,
                    thursday + 3 * 3_600_000L, thursday + 3 * 3_600_000L, 1, 1, 0, 0.6, 1));
            store.save(new Anomaly(0, "s1", "a", "power_kw", AnomalyType.SPIKE, Severity.HIGH,
                    thursday + 86_400_000L * 2 + 3 * 3_600_000L, thursday + 86_400_000L * 2 + 4 * 3_600_000L,
                    1, 1, 0, 0.9, 1));
            store.save(new Anomaly(0, "s2", "a", "power_kw", AnomalyType.SPIKE, Severity.LOW, thursday, thursday,
                    1, 1, 0, 0.7, 1));
            AnomalyStore.SiteStats s = store.stats("s1");
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.avgConfidence()).isEqualTo(0.75);
            assertThat(s.maxConfidence()).isEqualTo(0.9);
            assertThat(s.byHour()[3]).isEqualTo(2);
            assertThat(s.byDayOfWeek()[3]).isEqualTo(1); // Thursday
            assertThat(s.byDayOfWeek()[5]).isEqualTo(1); // Saturday
            assertThat(s.perDay()).isCloseTo(2 / (2 + 1 / 24.0), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(store.list("s2")).hasSize(1);
            assertThat(store.list(null)).hasSize(3);
        }
    }
}
