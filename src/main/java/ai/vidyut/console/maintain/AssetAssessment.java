package ai.vidyut.console.maintain;

import ai.vidyut.console.telemetry.AssetKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The health of one asset at one moment: the classifier's state and probability, a 0–100 health score for display,
 * the condition of each signal, and — when a signal's trend is projected to cross its failure threshold — the
 * remaining life in days with its interval (the earliest projected crossing over all signals).
 * <p>
 * When the asset has a load signal, {@code usageLife} is the remaining life of the driving signal in running hours
 * (its trend fitted against running time), {@code usagePerDay} the asset's running hours per day and
 * {@code usageMetric} the load metric they were read from; {@code lifeDays} is then {@code usageLife} over
 * {@code usagePerDay}. Without one, {@code usageLife} is null and {@code lifeDays} is a calendar-time projection.
 */
public record AssetAssessment(String siteId, String assetId, String assetName, AssetKind kind, String healthState,
                              double healthProbability, double healthScore, Map<String, Double> stateProbabilities,
                              List<SignalCondition> signals, RemainingLife lifeDays, SignalCondition driving,
                              Instant assessedAt, RemainingLife usageLife, double usagePerDay,
                              String usageMetric) {

    /** An assessment without a usage rate: remaining life in calendar days. */
    public AssetAssessment(String siteId, String assetId, String assetName, AssetKind kind, String healthState,
                           double healthProbability, double healthScore, Map<String, Double> stateProbabilities,
                           List<SignalCondition> signals, RemainingLife lifeDays, SignalCondition driving,
                           Instant assessedAt) {
        this(siteId, assetId, assetName, kind, healthState, healthProbability, healthScore, stateProbabilities,
                signals, lifeDays, driving, assessedAt, null, Double.NaN, null);
    }

    public AssetAssessment {
        stateProbabilities = stateProbabilities == null ? Map.of() : Map.copyOf(stateProbabilities);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** Health score from state probabilities: 100 × P(healthy) + 50 × P(degrading). */
    public static double score(Map<String, Double> p) {
        return 100 * p.getOrDefault(HealthStates.HEALTHY, 0.0) + 50 * p.getOrDefault(HealthStates.DEGRADING, 0.0);
    }
}
