package ai.vidyut.console.detect;

import java.util.Locale;

/** How urgent an anomaly or alert is. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Severity from how far the peak score is above the threshold (its share of the way to 1), raised to at least
     * HIGH when the value is 50 % or more off its expected value, and for overheating of 20 % or more.
     */
    public static Severity of(double peakScore, double threshold, double deviationPct, AnomalyType type) {
        double margin = threshold >= 1 ? 1 : (peakScore - threshold) / (1 - threshold);
        Severity s = margin < 0.25 ? LOW : margin < 0.5 ? MEDIUM : margin < 0.85 ? HIGH : CRITICAL;
        double dev = Math.abs(deviationPct);
        boolean bigDeviation = dev >= 50 || (type == AnomalyType.OVERHEATING && dev >= 20);
        if (bigDeviation && s.ordinal() < HIGH.ordinal()) {
            s = HIGH;
        }
        return s;
    }
}
