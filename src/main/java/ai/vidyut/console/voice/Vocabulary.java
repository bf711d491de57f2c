package ai.vidyut.console.voice;

import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.Metric;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.Site;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console can be told about: its sites and assets (with the ways to say their names), its metrics and
 * its views. Built from the current {@link SiteStore} and {@link MetricCatalog}; the {@link CommandParser} and
 * the speech grammar ({@link GrammarBuilder}) both use it, so the recogniser only hears what the parser understands.
 */
public final class Vocabulary {

    /** A site and the ways to say it ("site one", "newcastle solar"). */
    public record SiteTerm(String id, String name, ZoneId zone, List<String> spoken) {
    }

    /** An asset and the ways to say it ("pump two", "main transformer"); {@code number} from its id or name. */
    public record AssetTerm(String siteId, String id, String name, String kind, Integer number, List<String> spoken) {
    }

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)\\s*$");
    private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=[a-z])(?=\\d)|(?<=\\d)(?=[a-z])");

    private final List<SiteTerm> sites;
    private final List<AssetTerm> assets;
    private final Map<String, String> metrics;
    private final Map<String, String> views;

    private Vocabulary(List<SiteTerm> sites, List<AssetTerm> assets, Map<String, String> metrics,
                       Map<String, String> views) {
        this.sites = List.copyOf(sites);
        this.assets = List.copyOf(assets);
        this.metrics = Map.copyOf(metrics);
        this.views = Map.copyOf(views);
    }

    /** The vocabulary of the sites and assets configured (or discovered) in the store. */
    public static Vocabulary load(SiteStore store) {
        Builder b = builder();
        for (Site site : store.sites()) {
            b.site(site);
            for (Asset asset : store.assets(site.id())) {
                b.asset(asset);
            }
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<SiteTerm> sites() {
        return sites;
    }

    public List<AssetTerm> assets() {
        return assets;
    }

    public List<AssetTerm> assets(String siteId) {
        return assets.stream().filter(a -> a.siteId().equals(siteId)).toList();
    }

    public Optional<SiteTerm> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Spoken metric phrase to metric name (catalogue labels and the fixed synonyms). */
    public Map<String, String> metrics() {
        return metrics;
    }

    /** Spoken view name to view id. */
    public Map<String, String> views() {
        return views;
    }

    /** The distinct view ids ("dashboard", "anomalies", ...). */
    public Set<String> viewIds() {
        return new LinkedHashSet<>(views.values());
    }

    /**
     * Turns a written name into the words one says: lower case, separators to spaces, letters split from digits,
     * numbers in words ("Inv-02" becomes "inv two").
     */
    public static String spoken(String written) {
        String s = written.toLowerCase(Locale.ROOT);
        s = LETTER_DIGIT.matcher(s).replaceAll(" ");
        s = s.replaceAll("[^a-z0-9]+", " ").trim();
        StringBuilder out = new StringBuilder();
        for (String token : s.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token.matches("\\d{1,6}") ? SpokenNumbers.toWords(Integer.parseInt(token)) : token);
        }
        return out.toString();
    }

    static Integer trailingNumber(String written) {
        String s = LETTER_DIGIT.matcher(written.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("[^a-z0-9]+", " ");
        Matcher m = TRAILING_NUMBER.matcher(s.trim());
        return m.find() ? Integer.valueOf(Integer.parseInt(m.group(1))) : null;
    }

    /** Collects sites, assets, metrics and views. */
    public static final class Builder {
        private final Map<String, SiteTerm> sites = new LinkedHashMap<>();
        private final List<AssetTerm> assets = new ArrayList<>();
        private final Map<String, String> metrics = new LinkedHashMap<>(Lexicon.METRICS);
        private final Map<String, String> views = new LinkedHashMap<>(Lexicon.VIEWS);

        private Builder() {
            for (Metric m : MetricCatalog.known()) {
                metrics.putIfAbsent(spoken(m.label()), m.name());
            }
        }

        public Builder site(Site site) {
            Set<String> spoken = new LinkedHashSet<>();
            spoken.add(spoken(site.name()));
            spoken.add(spoken(site.id()));
            ZoneId zone;
            try {
                zone = ZoneId.of(site.timeZone());
            } catch (RuntimeException e) {
                zone = ZoneId.of("UTC");
            }
            spoken.removeIf(String::isBlank);
            sites.put(site.id(), new SiteTerm(site.id(), site.name(), zone, List.copyOf(spoken)));
            return this;
        }

        public Builder asset(Asset asset) {
            String kind = asset.kind().wireName();
            if ("other".equals(kind)) {
                kind = guessKind(spoken(asset.name() + " " + asset.id()));
            }
            Integer number = trailingNumber(asset.id());
            if (number == null) {
                number = trailingNumber(asset.name());
            }
            Set<String> spoken = new LinkedHashSet<>();
            spoken.add(spoken(asset.name()));
            spoken.add(spoken(asset.id()));
            String kindWord = Lexicon.KIND_WORD.get(kind);
            if (kindWord != null && number != null) {
                spoken.add(kindWord + " " + SpokenNumbers.toWords(number));
            }
            spoken.removeIf(String::isBlank);
            assets.add(new AssetTerm(asset.siteId(), asset.id(), asset.name(), kind, number, List.copyOf(spoken)));
            return this;
        }

        /** A view the UI offers beyond the standard ones, with the ways to say it. */
        public Builder view(String viewId, String... spokenNames) {
            views.put(spoken(viewId), viewId);
            for (String s : spokenNames) {
                views.put(spoken(s), viewId);
            }
            return this;
        }

        public Builder metric(String metricName, String spokenName) {
            metrics.put(spoken(spokenName), metricName);
            return this;
        }

        public Builder sites(Collection<Site> all) {
            all.forEach(this::site);
            return this;
        }

        public Vocabulary build() {
            return new Vocabulary(new ArrayList<>(sites.values()), assets, metrics, views);
        }

        private static String guessKind(String spokenName) {
            for (Map.Entry<String, String> e : Lexicon.DEVICE_KINDS.entrySet()) {
                if ((" " + spokenName + " ").contains(" " + e.getKey() + " ")) {
                    return e.getValue();
                }
            }
            return "other";
        }
    }
}
