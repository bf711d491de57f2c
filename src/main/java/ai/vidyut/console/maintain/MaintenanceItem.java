package ai.vidyut.console.maintain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;

/**
 * One entry of a site's maintenance plan, in the shape of the design documents' maintenance record: which asset,
 * what kind of work, how urgent, when it is expected to fail, how many days are left to act, how sure we are, and
 * what to do — written from the evidence that drove it.
 */
public record MaintenanceItem(String siteId, String assetId, String assetName, Type type, Priority priority,
                             Instant predictedFailureDate, int daysUntilMaintenance, double confidence,
                             String recommendation, String healthState, double healthProbability,
                             String drivingMetric, Instant createdAt) {

    public enum Type {
        PREVENTIVE, CORRECTIVE, INSPECTION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Most urgent first. */
    public enum Priority {
        CRITICAL, HIGH, MEDIUM, LOW;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Priority fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Plan order: priority, then fewest days left, then highest confidence, then asset id for a stable order. */
    public static final Comparator<MaintenanceItem> URGENCY = Comparator
            .comparing(MaintenanceItem::priority)
            .thenComparingInt(MaintenanceItem::daysUntilMaintenance)
            .thenComparing(Comparator.comparingDouble(MaintenanceItem::confidence).reversed())
            .thenComparing(MaintenanceItem::siteId)
            .thenComparing(MaintenanceItem::assetId);

    /** The predicted failure day in UTC, or null when no failure is projected. */
    public LocalDate predictedFailureDay() {
        return predictedFailureDate == null ? null : LocalDate.ofInstant(predictedFailureDate, ZoneOffset.UTC);
    }
}
