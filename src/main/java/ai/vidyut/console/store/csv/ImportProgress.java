package ai.vidyut.console.store.csv;

/**
 * Where an import is. An all-or-nothing import reads the file twice (VALIDATING, then IMPORTING); with
 * skip-bad-rows it reads it once (IMPORTING). {@link #fraction()} spans both passes, for a progress bar.
 */
public record ImportProgress(Phase phase, int passes, long bytesRead, long totalBytes, long rowsRead,
                             long readingsImported, long badRows) {

    public enum Phase { VALIDATING, IMPORTING, DONE }

    public double fraction() {
        if (phase == Phase.DONE) {
            return 1.0;
        }
        double inPass = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        if (passes == 1) {
            return inPass;
        }
        return phase == Phase.VALIDATING ? inPass / 2 : 0.5 + inPass / 2;
    }
}
