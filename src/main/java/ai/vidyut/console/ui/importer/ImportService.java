package ai.vidyut.console.ui.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/** Imports a CSV file into the reading history (the dialog's view of the store's CSV importer). */
public interface ImportService {

    enum Format { LONG, WIDE }

    /** For {@link Format#WIDE}, {@code siteId} and {@code assetId} say whose columns they are. */
    record Options(Format format, String siteId, String assetId, boolean skipBadRows) {
    }

    /** A line that could not be imported; line numbers count from 1 and include the header line. */
    record BadLine(long lineNumber, String reason) {
    }

    /**
     * {@code committed} is false when bad lines were found and {@code skipBadRows} was off: then nothing
     * was stored. {@code stored} counts new readings (a reading already in the history is not stored twice).
     */
    record Result(long readings, long stored, List<BadLine> badLines, boolean committed) {
    }

    /** Runs the import on the calling thread, reporting progress in [0, 1]. */
    Result run(Path file, Options options, DoubleConsumer progress) throws IOException;
}
