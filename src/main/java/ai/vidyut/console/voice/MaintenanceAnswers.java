package ai.vidyut.console.voice;

import ai.vidyut.console.maintain.MaintenanceItem;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The maintenance area's plans (most urgent first, as {@code maintain.PlanStore#plan} returns them) as the
 * {@link VoicePorts.Maintenance} port: "when is the next maintenance for pump one" is answered from the plan.
 */
public final class MaintenanceAnswers implements VoicePorts.Maintenance {

    private final Function<String, List<MaintenanceItem>> plans;
    private final Vocabulary vocabulary;

    public MaintenanceAnswers(Function<String, List<MaintenanceItem>> plansBySite, Vocabulary vocabulary) {
        this.plans = plansBySite;
        this.vocabulary = vocabulary;
    }

    @Override
    public Optional<String> schedule(String siteId, String assetId, String deviceKind) {
        List<MaintenanceItem> items = plans.apply(siteId).stream()
                .filter(i -> assetId == null || assetId.equals(i.assetId()))
                .filter(i -> assetId != null || deviceKind == null || vocabulary.assets(siteId).stream()
                        .anyMatch(a -> a.id().equals(i.assetId()) && a.kind().equals(deviceKind)))
                .toList();
        if (items.isEmpty()) {
            return plans.apply(siteId).isEmpty() ? Optional.empty()
                    : Optional.of("Nothing is planned for " + (assetId != null ? name(siteId, assetId) : "that") + ".");
        }
        StringBuilder sb = new StringBuilder();
        for (MaintenanceItem i : items.subList(0, Math.min(3, items.size()))) {
            if (sb.length() > 0) {
                sb.append(" ");
            }
            sb.append(i.assetName()).append(": ").append(i.type().wireName()).append(" maintenance ")
                    .append(i.daysUntilMaintenance() <= 0 ? "now" : "within " + i.daysUntilMaintenance() + " days")
                    .append(" (").append(i.priority().wireName()).append(" priority");
            if (i.predictedFailureDate() != null) {
                sb.append(", predicted failure ").append(i.predictedFailureDate().atOffset(ZoneOffset.UTC).toLocalDate());
            }
            sb.append(String.format(Locale.ROOT, ", confidence %.2f)", i.confidence()));
            if (i.recommendation() != null && !i.recommendation().isBlank()) {
                sb.append(": ").append(i.recommendation());
            }
            sb.append('.');
        }
        if (items.size() > 3) {
            sb.append(" And ").append(items.size() - 3).append(" more.");
        }
        return Optional.of(sb.toString());
    }

    private String name(String siteId, String assetId) {
        return vocabulary.assets(siteId).stream().filter(a -> a.id().equals(assetId)).findFirst()
                .map(Vocabulary.AssetTerm::name).orElse(assetId);
    }
}
