package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.SeriesTable;

/**
 * A series with ground-truth labels. Rows before {@code scoreFrom} are the run's "normal" learning part and are
 * not scored by the benchmark.
 */
public record LabelledRun(String name, SeriesTable table, boolean[] labels, int scoreFrom) {

    /** The same run restricted to one channel. */
    public LabelledRun channel(int c) {
        String col = table.columns().get(c);
        SeriesTable one = SeriesTable.of(table.timestamps(), java.util.List.of(col), table.column(c));
        return new LabelledRun(name + "#" + col, one, labels, scoreFrom);
    }

    public int anomalousRows() {
        int k = 0;
        for (int i = scoreFrom; i < labels.length; i++) {
            if (labels[i]) {
                k++;
            }
        }
        return k;
    }
}
