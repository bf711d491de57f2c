package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.SeriesTable;
import ai.vidyut.console.detect.Timestamps;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the SKAB pump runs ({@code ;}-separated, 8 sensor channels, {@code anomaly} label). Following the SKAB
 * protocol, the first {@link #TRAIN_ROWS} rows of each run (all before its first anomaly) are the normal part the
 * detectors learn from; they are not scored.
 */
public final class Skab {

    public static final int TRAIN_ROWS = 400;

    private Skab() {
    }

    /** All labelled runs under {@code dir} (valve1, valve2, other), sorted by name; the anomaly-free run too. */
    public static List<LabelledRun> load(Path dir, boolean includeAnomalyFree) {
        List<Path> files = new ArrayList<>();
        for (String sub : new String[]{"valve1", "valve2", "other"}) {
            Path d = dir.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".csv")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        files.sort(Comparator.comparing(p -> p.getParent().getFileName() + "/" + pad(p.getFileName().toString())));
        List<LabelledRun> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(read(f, dir.relativize(f).toString()));
        }
        Path free = dir.resolve("anomaly-free/anomaly-free.csv");
        if (includeAnomalyFree && Files.exists(free)) {
            runs.add(read(free, "anomaly-free"));
        }
        return runs;
    }

    private static String pad(String name) {
        String n = name.replace(".csv", "");
        return "0".repeat(Math.max(0, 4 - n.length())) + n;
    }

    static LabelledRun read(Path file, String name) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file)) {
            List<String> cols = null;
            int labelCol = -1;
            int sensors = 0;
            SeriesTable table = null;
            List<Boolean> labels = new ArrayList<>();
            double[] row = null;
            for (CsvRecord rec : reader) {
                if (cols == null) {
                    cols = new ArrayList<>();
                    for (int i = 1; i < rec.getFieldCount(); i++) {
                        String h = rec.getField(i).trim();
                        if (h.equals("anomaly")) {
                            labelCol = i;
                        } else if (!h.equals("changepoint")) {
                            cols.add(h);
                        }
                    }
                    sensors = cols.size();
                    table = new SeriesTable(cols, 1200);
                    row = new double[sensors];
                    continue;
                }
                if (rec.getFieldCount() < sensors + 1) {
                    continue;
                }
                for (int c = 0; c < sensors; c++) {
                    row[c] = Double.parseDouble(rec.getField(c + 1));
                }
                table.add(Timestamps.parse(rec.getField(0)), row);
                labels.add(labelCol > 0 && Double.parseDouble(rec.getField(labelCol)) > 0.5);
            }
            boolean[] lab = new boolean[labels.size()];
            int first = lab.length;
            for (int i = 0; i < lab.length; i++) {
                lab[i] = labels.get(i);
                if (lab[i] && first == lab.length) {
                    first = i;
                }
            }
            return new LabelledRun(name, table, lab, Math.min(TRAIN_ROWS, first));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
