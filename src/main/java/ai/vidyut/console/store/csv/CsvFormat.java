package ai.vidyut.console.store.csv;

/**
 * CSV layouts. LONG: {@code timestamp,site,asset,metric,value}, one reading per line. WIDE: {@code timestamp}
 * plus one column per metric, one instant per line, for one site and asset. AUTO: LONG if the header has
 * {@code metric} and {@code value} columns, else WIDE.
 */
public enum CsvFormat {
    AUTO, LONG, WIDE
}
