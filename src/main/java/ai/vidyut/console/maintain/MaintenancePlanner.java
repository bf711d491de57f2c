package ai.vidyut.console.maintain;

import ai.vidyut.console.maintain.MaintenanceItem.Priority;
import ai.vidyut.console.maintain.MaintenanceItem.Type;
import ai.vidyut.console.telemetry.AssetKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns asset assessments into a maintenance plan ordered by urgency. Healthy assets with no projected threshold
 * crossing inside {@link #INSPECTION_HORIZON_DAYS} get no item.
 */
public final class MaintenancePlanner {

    public static final double INSPECTION_HORIZON_DAYS = 90;
    /** Days kept in hand before the early end of a failure interval. */
    public static final double MARGIN_DAYS = 1;

    public List<MaintenanceItem> plan(List<AssetAssessment> assessments, Instant now) {
        List<MaintenanceItem> items = new ArrayList<>();
        for (AssetAssessment a : assessments) {
            item(a, now).ifPresent(items::add);
        }
        items.sort(MaintenanceItem.URGENCY);
        return items;
    }

    public Optional<MaintenanceItem> item(AssetAssessment a, Instant now) {
        String state = a.healthState();
        if (HealthStates.INSUFFICIENT_DATA.equals(state)) {
            return Optional.empty();
        }
        SignalCondition d = a.driving();
        boolean fault = HealthStates.isFault(state);
        boolean degrading = HealthStates.DEGRADING.equals(state);
        boolean over = d != null && d.overThreshold();
        RemainingLife life = a.lifeDays();
        boolean soon = life != null && life.rul() <= INSPECTION_HORIZON_DAYS;
        if (!fault && !degrading && !over && !soon) {
            return Optional.empty();
        }
        Instant failure = null;
        int days;
        if (a.usageLife() != null && a.usagePerDay() > 0) {
            // remaining running hours at the asset's running hours per day
            RemainingLife.Schedule s = a.usageLife().schedule(now, a.usagePerDay(), MARGIN_DAYS);
            failure = s.predictedFailure();
            days = s.daysUntilMaintenance();
        } else if (life != null) {
            RemainingLife.Schedule s = life.schedule(now, 1.0, MARGIN_DAYS);
            failure = s.predictedFailure();
            days = s.daysUntilMaintenance();
        } else {
            days = fault ? 1 : degrading ? 14 : 30;
        }
        if (over) {
            days = 0;
        }
        Type type = over || (fault && a.healthProbability() >= 0.6) ? Type.CORRECTIVE
                : degrading || soon ? Type.PREVENTIVE : Type.INSPECTION;
        Priority priority;
        if (over || days <= 2 || (fault && a.healthProbability() >= 0.8)) {
            priority = Priority.CRITICAL;
        } else if (days <= 14 || fault) {
            priority = Priority.HIGH;
        } else if (days <= 45 || degrading) {
            priority = Priority.MEDIUM;
        } else {
            priority = Priority.LOW;
        }
        double confidence = a.healthProbability();
        if (life != null && d != null && !Double.isNaN(d.trendR2())) {
            confidence = 0.5 * confidence + 0.5 * Math.max(0, Math.min(1, d.trendR2()));
        }
        return Optional.of(new MaintenanceItem(a.siteId(), a.assetId(), a.assetName(), type, priority, failure, days,
                round(confidence, 3), recommendation(a), state, round(a.healthProbability(), 3),
                d == null ? null : d.signal().metric(), now));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A sentence saying what to do and why, built from the driving signal's evidence. */
    public static String recommendation(AssetAssessment a) {
        SignalCondition d = a.driving();
        String kindNoun = kindNoun(a.kind());
        if (d == null) {
            return "Inspect " + a.assetName() + ": the condition model rates it " + state(a) + ".";
        }
        StringBuilder s = new StringBuilder();
        switch (d.signal()) {
            case TEMPERATURE -> s.append(switch (a.kind()) {
                case INVERTER -> "Inspect inverter cooling (fans, heat-sink, filters)";
                case TRANSFORMER -> "Check transformer cooling and loading (oil level, radiators, fans)";
                case BATTERY -> "Check battery thermal management";
                case HVAC -> "Service the HVAC unit";
                default -> "Inspect cooling of " + a.assetName();
            });
            case VIBRATION -> s.append("Check bearings, alignment and mounting of ").append(a.assetName());
            case CURRENT -> s.append("Check electrical connections and loading of ").append(a.assetName());
        }
        if (!s.toString().contains(a.assetName())) {
            s.append(" on ").append(a.assetName());
        }
        String unit = d.signal().unit();
        String label = d.signal() == ConditionSignal.TEMPERATURE && a.kind() == AssetKind.INVERTER
                ? "heat-sink temperature" : d.signal().label();
        s.append(": ").append(label).append(' ').append(fmt(d.level())).append(' ').append(unit);
        if (!Double.isNaN(d.slopePerDay()) && Math.abs(d.slopePerDay()) > 2 * nz(d.slopeStdErrPerDay())
                && Math.abs(d.slopePerDay()) > 0) {
            s.append(d.slopePerDay() > 0 ? ", rising " : ", falling ").append(fmt(Math.abs(d.slopePerDay())))
                    .append(' ').append(unit).append("/day");
        }
        if (!Double.isNaN(d.zPeer()) && Math.abs(d.zPeer()) >= 2) {
            s.append(", ").append(String.format(Locale.ROOT, "%.1f", Math.abs(d.zPeer()))).append("σ ")
                    .append(d.zPeer() > 0 ? "above" : "below")
                    .append(d.peersAtSameSite() ? " the site's other " + kindNoun : " similar " + kindNoun + " at other sites");
        } else if (!Double.isNaN(d.zOwn()) && Math.abs(d.zOwn()) >= 2) {
            s.append(", ").append(String.format(Locale.ROOT, "%.1f", Math.abs(d.zOwn()))).append("σ ")
                    .append(d.zOwn() > 0 ? "above" : "below").append(" its own baseline of ")
                    .append(fmt(d.baselineMean())).append(' ').append(unit);
        }
        if (d.signal() == ConditionSignal.VIBRATION && d.kurtosis() > 1.5) {
            s.append(String.format(Locale.ROOT, ", impulsive (kurtosis %.1f)", d.kurtosis()));
        }
        if (d.overThreshold()) {
            s.append("; already over the ").append(fmt(d.threshold())).append(' ').append(unit).append(" limit");
        } else if (a.usageLife() != null && a.lifeDays() != null) {
            RemainingLife l = a.lifeDays();
            s.append("; projected to reach the ").append(fmt(d.threshold())).append(' ').append(unit)
                    .append(" limit in ").append(days(l.rul()))
                    .append(" (90 %: ").append(days(l.lower())).append(" – ").append(days(l.upper())).append(')')
                    .append(String.format(Locale.ROOT, " after %.0f more running hours at %.1f h/day",
                            a.usageLife().rul(), a.usagePerDay()));
        } else if (d.projectedCrossing()) {
            s.append("; projected to reach the ").append(fmt(d.threshold())).append(' ').append(unit)
                    .append(" limit in ").append(days(d.daysToThreshold()));
            if (!Double.isNaN(d.daysLower()) && !Double.isNaN(d.daysUpper())) {
                s.append(" (90 %: ").append(days(d.daysLower())).append(" – ").append(days(d.daysUpper())).append(')');
            }
        }
        s.append(". Condition model: ").append(state(a)).append('.');
        return s.toString();
    }

    private static String state(AssetAssessment a) {
        return a.healthState().replace('_', ' ') + String.format(Locale.ROOT, " (p = %.2f)", a.healthProbability());
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String days(double d) {
        if (d < 1) {
            return String.format(Locale.ROOT, "%.0f h", Math.max(1, d * 24));
        }
        return String.format(Locale.ROOT, "%.0f day%s", d, Math.round(d) == 1 ? "" : "s");
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String kindNoun(AssetKind kind) {
        return switch (kind) {
            case PV_ARRAY -> "PV arrays";
            case INVERTER -> "inverters";
            case BATTERY -> "batteries";
            case TRANSFORMER -> "transformers";
            case METER -> "meters";
            case HVAC -> "HVAC units";
            case PUMP -> "pumps";
            case GENERATOR -> "generators";
            case LIGHTING -> "lighting circuits";
            case WEATHER_STATION -> "weather stations";
            default -> "assets of its kind";
        };
    }
}
