package ai.vidyut.console.telemetry;

/** A metric name with its unit and a human label. Unknown metrics get an empty unit. */
public record Metric(String name, String unit, String label, boolean known) {
}
