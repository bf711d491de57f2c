package ai.vidyut.console.detect;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.csv.CsvFormat;
import ai.vidyut.console.store.csv.CsvImporter;
import ai.vidyut.console.store.csv.ImportOptions;
import ai.vidyut.console.store.csv.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imported history (which bypasses the live pipeline) is scanned for anomalies; re-scanning stores nothing twice. */
public class HistoryScanTest {

    public static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    public static final long MINUTE = 60_000L;
    /** Minute index of a 70 % power drop lasting an hour on day 3, and of a one-reading spike on day 4. */
    public static final int DROP = 2 * 1440 + 600;
    static final int SPIKE = 3 * 1440 + 300;

    @TempDir
    Path dir;

    /** Four days of minute readings of inv-1 power_kw (daily shape + noise) and a clean meter-1 power_kw. */
    public static Path writeCsv(Path dir) throws Exception {
        Random r = new Random(3);
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,site,asset,metric,value");
        for (int i = 0; i < 4 * 1440; i++) {
            long ts = START + i * MINUTE;
            double p = 100 + 30 * Math.sin(i / 1440.0 * 2 * Math.PI) + r.nextGaussian() * 2;
            if (i >= DROP && i < DROP + 60) {
                p *= 0.3;
            }
            if (i == SPIKE) {
                p *= 2.2;
            }
            double m = 50 + 10 * Math.sin(i / 1440.0 * 2 * Math.PI) + r.nextGaussian();
            String t = Instant.ofEpochMilli(ts).toString();
            lines.add(String.format(Locale.ROOT, "%s,imp,inv-1,power_kw,%.3f", t, p));
            lines.add(String.format(Locale.ROOT, "%s,imp,meter-1,power_kw,%.3f", t, m));
        }
        Path f = dir.resolve("history.csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    void importedHistoryIsScannedAndReScanningStoresNothingTwice() throws Exception {
        Path csv = writeCsv(dir);
        try (Database db = Database.open(dir)) {
            ReadingStore readings = new ReadingStore(db, new SiteStore(db));
            ImportResult imported = new CsvImporter(readings).importFile(csv,
                    ImportOptions.defaults().withFormat(CsvFormat.LONG));
            assertThat(imported.readingsImported()).isEqualTo(2 * 4 * 1440);
            AnomalyStore anomalies = new AnomalyStore(db);
            assertThat(anomalies.list("imp")).as("import alone detects nothing").isEmpty();

            HistoryScan scan = new HistoryScan(readings, anomalies, new ModelRegistry(db, dir.resolve("models")));
            HistoryScan.Summary first = scan.scan("imp", null, null, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(first.series()).isEqualTo(2);
            assertThat(first.readings()).isEqualTo(2 * 4 * 1440);
            assertThat(first.anomaliesStored()).isEqualTo(first.anomaliesFound()).isPositive();
            assertThat(first.alreadyStored()).isZero();

            List<Anomaly> stored = anomalies.list("imp");
            assertThat(stored).hasSize(first.anomaliesStored());
            long dropStart = START + DROP * MINUTE;
            long dropEnd = dropStart + 60 * MINUTE;
            Anomaly drop = stored.stream().filter(a -> a.assetId().equals("inv-1"))
                    .filter(a -> a.startMillis() < dropEnd && a.endMillis() >= dropStart).findFirst().orElseThrow(
                            () -> new AssertionError("no anomaly during the drop among " + stored));
            assertThat(drop.startMillis() - dropStart).as("detection delay").isBetween(0L, 10 * MINUTE);
            assertThat(drop.value()).isLessThan(drop.expectedValue());
            long spikeTs = START + SPIKE * MINUTE;
            assertThat(stored).as("the spike").anyMatch(a -> a.assetId().equals("inv-1")
                    && a.startMillis() <= spikeTs && a.endMillis() >= spikeTs);
            // few false alarms on the clean meter
            assertThat(stored.stream().filter(a -> a.assetId().equals("meter-1")).count()).isLessThanOrEqualTo(3);

            HistoryScan.Summary again = scan.scan("imp", null, null, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(again.anomaliesFound()).isEqualTo(first.anomaliesFound());
            assertThat(again.anomaliesStored()).isZero();
            assertThat(again.alreadyStored()).isEqualTo(first.anomaliesFound());
            assertThat(anomalies.list("imp")).hasSize(stored.size());

            // a narrower re-scan of the drop's day, primed on the days before, finds the drop again and stores nothing
            HistoryScan.Summary day = scan.scan("imp", "inv-1", "power_kw", START + 2 * 1440 * MINUTE,
                    START + 3 * 1440 * MINUTE);
            assertThat(day.series()).isEqualTo(1);
            assertThat(day.readings()).isEqualTo(1440);
            assertThat(day.anomaliesFound()).isPositive();
            assertThat(day.anomaliesStored()).isZero();
            assertThat(anomalies.list("imp")).hasSize(stored.size());
        }
    }

    @Test
    void anEmptyRangeOrMissingSiteIsAClearError() throws Exception {
        try (Database db = Database.open(dir)) {
            HistoryScan scan = new HistoryScan(new ReadingStore(db, new SiteStore(db)), new AnomalyStore(db), null);
            assertThatThrownBy(() -> scan.scan("s", null, null, 10, 10)).hasMessageContaining("empty");
            assertThatThrownBy(() -> scan.scan(" ", null, null, 0, 10)).hasMessageContaining("site");
            assertThat(scan.scan("nothing-here", null, null, 0, 10).series()).isZero();
        }
    }
}
