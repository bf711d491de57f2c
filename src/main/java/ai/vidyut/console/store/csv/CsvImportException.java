package ai.vidyut.console.store.csv;

/** The file as a whole cannot be imported (missing, no header, wrong columns, broken CSV quoting). */
public final class CsvImportException extends RuntimeException {
    public CsvImportException(String message) {
        super(message);
    }

    public CsvImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
