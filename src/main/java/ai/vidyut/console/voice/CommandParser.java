package ai.vidyut.console.voice;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text to command: finds the vocabulary's phrases in the text (longest first), groups them ("pump" + "two",
 * "lab" + "three", "site" + "one"), decides the intent from the verbs and keywords, resolves sites and assets
 * against the {@link Vocabulary}, and validates what the intent needs. The current site is used when none is said.
 * Stateless apart from the vocabulary; safe to share between threads.
 */
public final class CommandParser {

    enum Cat { TIME, SITE, SITE_WORD, ASSET, VIEW, METRIC, KIND, CONTROL, PARTIAL_CONTROL, NAV, ACTION, ACK, LOCATION,
        FORECAST, STATUS, SCHEDULE, ALL, NUMBER }

    /** A phrase found in the text, with every reading of it ("forecast" is a view and a forecast word). */
    record Mention(int start, int length, String text, Map<Cat, Object> as) {
        boolean is(Cat c) {
            return as.containsKey(c);
        }

        Object get(Cat c) {
            return as.get(c);
        }
    }

    private static final Set<String> PARTIAL_CONTROL = Set.of("turn", "switch", "set", "put");
    private static final Set<String> ALL_WORDS = Set.of("all", "every", "everything");
    private static final Set<String> DANGLING = Set.of("of", "for", "at", "in", "to", "the", "a", "an", "and");
    private static final int MAX_PHRASE = 4;

    private final Vocabulary vocabulary;
    private final Clock clock;
    private final Map<String, Map<Cat, Object>> phrases = new LinkedHashMap<>();

    public CommandParser(Vocabulary vocabulary) {
        this(vocabulary, Clock.systemDefaultZone());
    }

    public CommandParser(Vocabulary vocabulary, Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
        vocabulary.views().forEach((p, v) -> put(p, Cat.VIEW, v));
        vocabulary.metrics().forEach((p, v) -> put(p, Cat.METRIC, v));
        Lexicon.DEVICE_KINDS.forEach((p, v) -> put(p, Cat.KIND, v));
        Lexicon.CONTROL_VERBS.forEach((p, v) -> put(p, Cat.CONTROL, v));
        Lexicon.ACTIONS.forEach((p, v) -> put(p, Cat.ACTION, v));
        Lexicon.NAV_VERBS.forEach(p -> put(p, Cat.NAV, p));
        Lexicon.ACK_VERBS.forEach(p -> put(p, Cat.ACK, p));
        Lexicon.LOCATIONS.forEach(p -> put(p, Cat.LOCATION, p));
        Lexicon.FORECAST_WORDS.forEach(p -> put(p, Cat.FORECAST, p));
        Lexicon.STATUS_WORDS.forEach(p -> put(p, Cat.STATUS, p));
        Lexicon.SCHEDULE_WORDS.forEach(p -> put(p, Cat.SCHEDULE, p));
        PARTIAL_CONTROL.forEach(p -> put(p, Cat.PARTIAL_CONTROL, p));
        ALL_WORDS.forEach(p -> put(p, Cat.ALL, p));
        put("site", Cat.SITE_WORD, "site");
        for (Vocabulary.SiteTerm s : vocabulary.sites()) {
            for (String p : s.spoken()) {
                put(p, Cat.SITE, s.id());
            }
        }
        for (Vocabulary.AssetTerm a : vocabulary.assets()) {
            for (String p : a.spoken()) {
                @SuppressWarnings("unchecked")
                List<Vocabulary.AssetTerm> list = (List<Vocabulary.AssetTerm>) phrases
                        .computeIfAbsent(p, k -> new EnumMap<>(Cat.class))
                        .computeIfAbsent(Cat.ASSET, k -> new ArrayList<Vocabulary.AssetTerm>());
                list.add(a);
            }
        }
    }

    private void put(String phrase, Cat cat, Object value) {
        phrases.computeIfAbsent(phrase, k -> new EnumMap<>(Cat.class)).putIfAbsent(cat, value);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Lower case, contractions expanded, punctuation dropped, "3pm" split; the words the parser reads. */
    public static List<String> normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        s = s.replaceAll("\\b([ap])\\.\\s?m\\b\\.?", "$1m");
        s = s.replaceAll("\\bp m\\b", "pm");
        s = s.replaceAll("(\\d)\\s*(am|pm)\\b", "$1 $2");
        s = s.replaceAll("o'clock", "o clock");
        s = s.replaceAll("\\b(what|how|where|when|it|that)'s\\b", "$1 is");
        s = s.replaceAll("\\blet's\\b", "let us");
        s = s.replaceAll("'s\\b", "");
        s = s.replaceAll("(?<!\\d):|:(?!\\d)", " ");
        s = s.replaceAll("[^a-z0-9: ]+", " ");
        List<String> out = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public VoiceCommand parse(String text) {
        return parse(text, null);
    }

    /** Parses {@code text}; {@code currentSiteId} is used when no site is said (null: the first site). */
    public VoiceCommand parse(String text, String currentSiteId) {
        return new Parse(text, currentSiteId).run();
    }

    /** One parse; holds the working state. */
    private final class Parse {
        final String transcript;
        final List<String> tokens;
        final List<Mention> mentions = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final Map<String, Object> entities = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
        final List<String> defaults = new ArrayList<>();
        String suggestion;
        final String currentSite;
        final ZonedDateTime now;
        int understood;
        int content;
        boolean incomplete;

        Parse(String text, String currentSiteId) {
            this.transcript = text == null ? "" : text.trim();
            this.tokens = normalize(transcript);
            String cur = currentSiteId;
            if (cur == null || vocabulary.site(cur).isEmpty()) {
                cur = currentSiteId != null ? currentSiteId
                        : vocabulary.sites().isEmpty() ? null : vocabulary.sites().get(0).id();
            }
            this.currentSite = cur;
            ZoneId zone = cur == null ? clock.getZone()
                    : vocabulary.site(cur).map(Vocabulary.SiteTerm::zone).orElse(clock.getZone());
            this.now = ZonedDateTime.now(clock.withZone(zone));
        }

        VoiceCommand run() {
            scan();
            Intent intent = decide();
            fill(intent);
            validate(intent);
            double confidence = confidence(intent);
            boolean valid = errors.isEmpty();
            if (valid) {
                suggestion = null;
            } else if (suggestion == null) {
                suggestion = example(intent);
            }
            return new VoiceCommand(transcript, intent, entities, confidence, valid, errors, suggestion, defaults,
                    intent != Intent.UNKNOWN && !incomplete);
        }

        // ---------------------------------------------------------------- scanning

        void scan() {
            int i = 0;
            while (i < tokens.size()) {
                TimeExpressions.Match time = TimeExpressions.parse(tokens, i, now);
                if (time != null) {
                    add(i, time.length(), Cat.TIME, time.entity());
                    i += time.length();
                    continue;
                }
                int best = 0;
                Map<Cat, Object> as = null;
                for (int len = Math.min(MAX_PHRASE, tokens.size() - i); len >= 1; len--) {
                    Map<Cat, Object> found = phrases.get(String.join(" ", tokens.subList(i, i + len)));
                    if (found != null) {
                        best = len;
                        as = found;
                        break;
                    }
                }
                SpokenNumbers.Match number = SpokenNumbers.parse(tokens, i);
                if (as != null && as.containsKey(Cat.SITE_WORD) && number(i + 1) != null) {
                    SpokenNumbers.Match n = number(i + 1);
                    add(i, 1 + n.length(), Cat.SITE_WORD, n.value());
                    i += 1 + n.length();
                    continue;
                }
                if (as != null && (number == null || best > number.length())) {
                    mentions.add(new Mention(i, best, String.join(" ", tokens.subList(i, i + best)), as));
                    i += best;
                    continue;
                }
                if (number != null) {
                    add(i, number.length(), Cat.NUMBER, number.value());
                    i += number.length();
                    continue;
                }
                if (!Lexicon.FILLER.contains(tokens.get(i))) {
                    unknown.add(tokens.get(i));
                }
                i++;
            }
            for (String t : tokens) {
                if (!Lexicon.FILLER.contains(t)) {
                    content++;
                }
            }
            for (Mention m : mentions) {
                for (String t : tokens.subList(m.start(), m.start() + m.length())) {
                    if (!Lexicon.FILLER.contains(t)) {
                        understood++;
                    }
                }
            }
        }

        SpokenNumbers.Match number(int i) {
            return i < tokens.size() ? SpokenNumbers.parse(tokens, i) : null;
        }

        void add(int start, int length, Cat cat, Object value) {
            Map<Cat, Object> as = new EnumMap<>(Cat.class);
            as.put(cat, value);
            mentions.add(new Mention(start, length, String.join(" ", tokens.subList(start, start + length)), as));
        }

        boolean has(Cat c) {
            return mentions.stream().anyMatch(m -> m.is(c));
        }

        Mention first(Cat c) {
            return mentions.stream().filter(m -> m.is(c)).findFirst().orElse(null);
        }

        /** The mention right after {@code m}, skipping filler words such as "number" or "the". */
        Mention after(Mention m) {
            int end = m.start() + m.length();
            for (Mention n : mentions) {
                if (n.start() >= end) {
                    boolean onlyFiller = tokens.subList(end, n.start()).stream()
                            .allMatch(t -> t.equals("number") || t.equals("no"));
                    return onlyFiller ? n : null;
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- intent

        boolean navVerb;
        boolean strong;

        Intent decide() {
            navVerb = has(Cat.NAV);
            boolean control = has(Cat.CONTROL) && !isSwitchTo();
            boolean partial = has(Cat.PARTIAL_CONTROL) && !isSwitchTo();
            boolean forecast = has(Cat.FORECAST);
            boolean view = has(Cat.VIEW);
            boolean metric = has(Cat.METRIC) || subjectKind() != null;
            boolean target = has(Cat.KIND) || has(Cat.ASSET) || has(Cat.LOCATION);
            strong = true;
            if (has(Cat.ACK)) {
                return Intent.ACKNOWLEDGE_ALARM;
            }
            if (control || (partial && (has(Cat.ACTION) || target) && !navVerb)) {
                return Intent.DEVICE_CONTROL;
            }
            if (forecast) {
                boolean onlyView = navVerb && !has(Cat.TIME) && !metric;
                return onlyView ? Intent.NAVIGATE : Intent.QUERY_FORECAST;
            }
            if (has(Cat.SCHEDULE)) {
                return Intent.QUERY_SCHEDULE;
            }
            if (navVerb && (view || has(Cat.SITE) || has(Cat.SITE_WORD)) && !metric && !has(Cat.TIME)
                    && !has(Cat.STATUS)) {
                return Intent.NAVIGATE;
            }
            if (energyMetric()) {
                return Intent.QUERY_ENERGY;
            }
            if (has(Cat.STATUS) || metric || target) {
                strong = has(Cat.STATUS) || navVerb;
                return Intent.QUERY_STATUS;
            }
            if (navVerb || partial) {
                return partial ? Intent.DEVICE_CONTROL : Intent.NAVIGATE;
            }
            if (view || onlySite()) {
                strong = false;
                return Intent.NAVIGATE;
            }
            return Intent.UNKNOWN;
        }

        /** Only a site is named ("site three"): go there. */
        boolean onlySite() {
            return !mentions.isEmpty() && unknown.isEmpty()
                    && mentions.stream().allMatch(m -> m.is(Cat.SITE_WORD) || m.is(Cat.SITE) && !m.is(Cat.ASSET));
        }

        boolean isSwitchTo() {
            Mention nav = first(Cat.NAV);
            return nav != null && nav.text().equals("switch to");
        }

        boolean energyMetric() {
            return mentions.stream().anyMatch(m -> "energy_kwh".equals(m.get(Cat.METRIC)));
        }

        /** "solar" on its own means the PV arrays' output. */
        String subjectKind() {
            Mention k = first(Cat.KIND);
            return k != null && k.text().equals("solar") ? "pv_array" : null;
        }

        // ---------------------------------------------------------------- entities

        void fill(Intent intent) {
            String site = spokenSite();
            List<Vocabulary.AssetTerm> named = namedAssets();
            Mention kind = first(Cat.KIND);
            Integer number = null;
            String location = null;
            Mention locationMention = first(Cat.LOCATION);
            for (Mention m : mentions) {
                if (m.is(Cat.NUMBER) && number == null) {
                    number = (Integer) m.get(Cat.NUMBER);
                }
            }
            Mention assetMention = first(Cat.ASSET);
            if (number == null && assetMention != null) {
                for (int p = assetMention.start(); p < assetMention.start() + assetMention.length(); p++) {
                    SpokenNumbers.Match n = SpokenNumbers.parse(tokens, p);
                    if (n != null) {
                        number = n.value();
                        break;
                    }
                }
            }
            if (locationMention != null) {
                Mention next = after(locationMention);
                location = locationMention.text();
                if (next != null && next.is(Cat.NUMBER)) {
                    location = location + " " + next.get(Cat.NUMBER);
                }
            }
            // a device kind followed by a number names one device ("pump two"); otherwise the number belongs to the
            // location or stands alone (an alarm number)
            Integer deviceNumber = null;
            if (kind != null) {
                Mention next = after(kind);
                if (next != null && next.is(Cat.NUMBER)) {
                    deviceNumber = (Integer) next.get(Cat.NUMBER);
                }
            }
            if (site == null && !siteSpokenButUnknown) {
                site = currentSite;
                if (site != null) {
                    defaults.add("site");
                }
            }
            if (intent == Intent.UNKNOWN) {
                defaults.clear();
                return;
            }
            if (site != null) {
                entities.put("site", site);
            }
            String kindValue = !named.isEmpty() ? named.get(0).kind() : kind == null ? null : (String) kind.get(Cat.KIND);
            Mention view = first(Cat.VIEW);
            Mention metric = first(Cat.METRIC);
            Mention time = first(Cat.TIME);
            String action = action();

            switch (intent) {
                case NAVIGATE -> {
                    if (view != null) {
                        entities.put("view", view.get(Cat.VIEW));
                    }
                }
                case ACKNOWLEDGE_ALARM -> {
                    if (has(Cat.ALL)) {
                        entities.put("all", true);
                    } else if (number != null) {
                        entities.put("number", number);
                    }
                }
                case DEVICE_CONTROL, QUERY_STATUS, QUERY_SCHEDULE, QUERY_ENERGY, QUERY_FORECAST -> {
                    if (kindValue != null) {
                        entities.put("deviceKind", kindValue);
                    }
                    if (location != null) {
                        entities.put("location", location);
                    }
                    if (number != null) {
                        entities.put("number", number);
                    }
                    if (intent == Intent.DEVICE_CONTROL && action != null) {
                        entities.put("action", action);
                    }
                    String metricName = metric != null ? (String) metric.get(Cat.METRIC) : null;
                    if (intent == Intent.QUERY_ENERGY) {
                        metricName = "energy_kwh";
                    } else if (metricName == null && (intent == Intent.QUERY_FORECAST
                            || intent == Intent.QUERY_STATUS && "pv_array".equals(kindValue) && kind != null
                            && kind.text().equals("solar"))) {
                        metricName = "power_kw";
                        if (intent == Intent.QUERY_FORECAST && kindValue == null && !has(Cat.METRIC)) {
                            defaults.add("metric");
                        }
                    }
                    if (metricName != null && intent != Intent.DEVICE_CONTROL) {
                        entities.put("metric", metricName);
                    }
                    if (time != null) {
                        entities.put("time", time.get(Cat.TIME));
                    } else if (intent == Intent.QUERY_ENERGY) {
                        entities.put("time", TimeExpressions.today(now));
                        defaults.add("time");
                    } else if (intent == Intent.QUERY_FORECAST) {
                        entities.put("time", TimeExpressions.next24Hours(now));
                        defaults.add("time");
                    }
                    resolveAsset(intent, site, named, kind, kindValue, deviceNumber, location);
                }
                default -> {
                }
            }
        }

        boolean siteSpokenButUnknown;

        String spokenSite() {
            for (Mention m : mentions) {
                if (m.is(Cat.SITE_WORD)) {
                    int n = (Integer) m.get(Cat.SITE_WORD);
                    String id = siteByNumber(n);
                    if (id == null) {
                        siteSpokenButUnknown = true;
                        errors.add("there is no site " + SpokenNumbers.toWords(n));
                        suggestion = sitesSuggestion();
                    }
                    return id;
                }
                if (m.is(Cat.SITE) && !m.is(Cat.ASSET)) {
                    return (String) m.get(Cat.SITE);
                }
            }
            return null;
        }

        String siteByNumber(int n) {
            String spoken = "site " + SpokenNumbers.toWords(n);
            for (Vocabulary.SiteTerm s : vocabulary.sites()) {
                if (s.spoken().contains(spoken)) {
                    return s.id();
                }
            }
            for (Vocabulary.SiteTerm s : vocabulary.sites()) {
                Integer k = Vocabulary.trailingNumber(s.id());
                if (k != null && k == n) {
                    return s.id();
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        List<Vocabulary.AssetTerm> namedAssets() {
            for (Mention m : mentions) {
                if (m.is(Cat.ASSET)) {
                    return (List<Vocabulary.AssetTerm>) m.get(Cat.ASSET);
                }
            }
            return List.of();
        }

        String action() {
            Set<String> actions = new LinkedHashSet<>();
            for (Mention m : mentions) {
                if (m.is(Cat.CONTROL) && !isSwitchTo()) {
                    actions.add((String) m.get(Cat.CONTROL));
                } else if (m.is(Cat.ACTION)) {
                    actions.add((String) m.get(Cat.ACTION));
                }
            }
            if (actions.size() > 1) {
                conflicting = new ArrayList<>(actions);
            }
            return actions.isEmpty() ? null : actions.iterator().next();
        }

        List<String> conflicting;
        List<Vocabulary.AssetTerm> candidates = List.of();
        String targetText;

        void resolveAsset(Intent intent, String site, List<Vocabulary.AssetTerm> named, Mention kind, String kindValue,
                          Integer deviceNumber, String location) {
            if (site == null) {
                return;
            }
            List<Vocabulary.AssetTerm> atSite = vocabulary.assets(site);
            List<Vocabulary.AssetTerm> found;
            if (!named.isEmpty()) {
                found = named.stream().filter(a -> a.siteId().equals(site)).toList();
                targetText = mentions.stream().filter(m -> m.is(Cat.ASSET)).findFirst().map(Mention::text).orElse("");
            } else if (kind != null || location != null) {
                String locationSpoken = location == null ? null : Vocabulary.spoken(location);
                found = atSite.stream()
                        .filter(a -> kindValue == null || matchesKind(a, kindValue))
                        .filter(a -> deviceNumber == null || deviceNumber.equals(a.number()))
                        .filter(a -> locationSpoken == null || a.spoken().stream()
                                .anyMatch(s -> (" " + s + " ").contains(" " + locationSpoken + " ")))
                        .toList();
                targetText = (kind != null ? kind.text() + (deviceNumber != null ? " "
                        + SpokenNumbers.toWords(deviceNumber) : "") : "")
                        + (locationSpoken != null ? (kind != null ? " in " : "") + locationSpoken : "");
            } else {
                return;
            }
            candidates = found;
            if (found.size() == 1) {
                entities.put("asset", found.get(0).id());
            }
        }

        boolean matchesKind(Vocabulary.AssetTerm a, String kindValue) {
            if (a.kind().equals(kindValue)) {
                return true;
            }
            String word = Lexicon.KIND_WORD.getOrDefault(kindValue, kindValue);
            return a.spoken().stream().anyMatch(s -> (" " + s + " ").contains(" " + word + " "));
        }

        // ---------------------------------------------------------------- validation

        void validate(Intent intent) {
            if (!tokens.isEmpty() && DANGLING.contains(tokens.get(tokens.size() - 1)) && intent != Intent.UNKNOWN) {
                errors.add("the command is incomplete: it ends with \"" + tokens.get(tokens.size() - 1) + "\"");
                incomplete = true;
            }
            if (entities.get("site") == null && !siteSpokenButUnknown && intent != Intent.UNKNOWN
                    && intent != Intent.ACKNOWLEDGE_ALARM) {
                errors.add("no site is configured");
                suggestion = "Add a site first (vidyut sites add) or connect a telemetry source";
            }
            switch (intent) {
                case UNKNOWN -> errors.add(tokens.isEmpty() ? "nothing was said"
                        : "not a command I know: \"" + String.join(" ", tokens) + "\"");
                case NAVIGATE -> {
                    if (has(Cat.KIND) || has(Cat.ASSET)) {
                        errors.add("a view is shown for a site, not for one device");
                        suggestion = "Try: \"show the history\" or \"show anomalies for site two\"";
                    }
                    if (!entities.containsKey("view") && !has(Cat.SITE_WORD) && !has(Cat.SITE) && !siteSpokenButUnknown) {
                        incomplete = true;
                        errors.add(unknown.isEmpty() ? "no view or site given"
                                : "unknown view \"" + String.join(" ", unknown) + "\"");
                        suggestion = "Try: \"show the " + String.join("\", \"show the ",
                                vocabulary.viewIds().stream().limit(4).toList()) + "\"";
                    }
                }
                case ACKNOWLEDGE_ALARM -> {
                    if (!entities.containsKey("all") && !entities.containsKey("number")) {
                        errors.add("which alarm? no alarm number given");
                        incomplete = true;
                        suggestion = "Try: \"acknowledge alarm three\" or \"acknowledge all alarms\"";
                    }
                }
                case DEVICE_CONTROL -> validateControl();
                case QUERY_STATUS, QUERY_SCHEDULE -> {
                    if ((has(Cat.KIND) || has(Cat.ASSET) || has(Cat.LOCATION)) && candidates.isEmpty()
                            && entities.get("site") != null) {
                        errors.add("there is no " + targetText + " at " + siteName((String) entities.get("site")));
                        suggestion = assetsSuggestion(intent, (String) entities.get("site"),
                                (String) entities.get("deviceKind"));
                    } else if (intent == Intent.QUERY_STATUS && !unknown.isEmpty() && !has(Cat.METRIC)
                            && !has(Cat.KIND) && !has(Cat.ASSET)) {
                        errors.add("unknown device or metric \"" + String.join(" ", unknown) + "\"");
                    }
                }
                case QUERY_FORECAST -> {
                    if (!unknown.isEmpty() && !has(Cat.METRIC) && subjectKind() == null && !has(Cat.KIND)) {
                        errors.add("unknown quantity to forecast \"" + String.join(" ", unknown) + "\"");
                        suggestion = "Try: \"forecast solar for tomorrow\" or \"what is the load forecast for the next"
                                + " six hours\"";
                    } else if (!has(Cat.METRIC) && !has(Cat.KIND) && !has(Cat.TIME)) {
                        errors.add("what should be forecast? no quantity or time given");
                        incomplete = true;
                        suggestion = "Try: \"forecast solar for tomorrow\"";
                    }
                }
                case QUERY_ENERGY -> {
                    if ((has(Cat.KIND) || has(Cat.ASSET)) && candidates.isEmpty() && entities.get("site") != null
                            && !"pv_array".equals(entities.get("deviceKind"))) {
                        errors.add("there is no " + targetText + " at " + siteName((String) entities.get("site")));
                    }
                }
                default -> {
                }
            }
        }

        void validateControl() {
            String action = (String) entities.get("action");
            Set<String> kinds = new LinkedHashSet<>();
            mentions.stream().filter(m -> m.is(Cat.KIND)).forEach(m -> kinds.add((String) m.get(Cat.KIND)));
            namedAssets().stream().findFirst().ifPresent(a -> kinds.add(a.kind()));
            if (kinds.size() > 1) {
                errors.add("more than one device named (" + String.join(", ", kinds) + "): one command per device");
            }
            String site = (String) entities.get("site");
            boolean target = has(Cat.KIND) || has(Cat.ASSET) || has(Cat.LOCATION);
            if (!target) {
                errors.add(unknown.isEmpty() ? "no device given" : "unknown device \"" + String.join(" ", unknown) + "\"");
                incomplete = true;
                suggestion = assetsSuggestion(Intent.DEVICE_CONTROL, site, null);
            } else if (site != null && candidates.isEmpty()) {
                errors.add("there is no " + targetText + " at " + siteName(site));
                suggestion = otherSiteHint();
                if (suggestion == null) {
                    suggestion = assetsSuggestion(Intent.DEVICE_CONTROL, site, (String) entities.get("deviceKind"));
                }
            } else if (candidates.size() > 1) {
                errors.add("which one? " + candidates.size() + " devices match \"" + targetText + "\": "
                        + String.join(", ", candidates.stream().map(Vocabulary.AssetTerm::name).toList()));
                suggestion = "Try: \"" + verbFor(action) + " " + candidates.get(0).spoken().get(0) + "\"";
            }
            if (action == null) {
                errors.add("no action given (on, off, charge or discharge)");
                incomplete = true;
                if (suggestion == null) {
                    suggestion = "Try: \"turn on ...\" or \"turn off ...\"";
                }
            } else if (conflicting != null) {
                errors.add("conflicting actions: " + String.join(" and ", conflicting));
            } else if ((action.equals("charge") || action.equals("discharge")) && entities.containsKey("asset")
                    && !"battery".equals(candidates.get(0).kind())) {
                errors.add(candidates.get(0).name() + " cannot " + action + ": only batteries charge or discharge");
            }
        }

        String otherSiteHint() {
            String kind = (String) entities.get("deviceKind");
            Object number = entities.get("number");
            for (Vocabulary.AssetTerm a : vocabulary.assets()) {
                if (kind != null && matchesKind(a, kind) && number != null && number.equals(a.number())
                        && !a.siteId().equals(entities.get("site"))) {
                    return "Try: \"" + verbFor((String) entities.get("action")) + " " + targetText + " at "
                            + firstSpoken(a.siteId()) + "\"";
                }
            }
            return null;
        }

        String verbFor(String action) {
            if (action == null) {
                return "turn on";
            }
            return switch (action) {
                case "charge" -> "charge";
                case "discharge" -> "discharge";
                case "off" -> "turn off";
                default -> "turn on";
            };
        }

        String siteName(String id) {
            return vocabulary.site(id).map(Vocabulary.SiteTerm::name).orElse(id);
        }

        String firstSpoken(String siteId) {
            return vocabulary.site(siteId).map(s -> s.spoken().get(s.spoken().size() - 1)).orElse(siteId);
        }

        String sitesSuggestion() {
            List<String> names = vocabulary.sites().stream().map(s -> s.spoken().get(s.spoken().size() - 1)).toList();
            return names.isEmpty() ? "No sites are configured" : "Sites: " + String.join(", ", names);
        }

        String assetsSuggestion(Intent intent, String site, String kind) {
            if (site == null) {
                return null;
            }
            List<Vocabulary.AssetTerm> options = vocabulary.assets(site).stream()
                    .filter(a -> kind == null || matchesKind(a, kind)).limit(3).toList();
            if (options.isEmpty()) {
                options = vocabulary.assets(site).stream().limit(3).toList();
            }
            if (options.isEmpty()) {
                return siteName(site) + " has no devices yet";
            }
            String verb = intent == Intent.DEVICE_CONTROL ? verbFor((String) entities.get("action")) + " "
                    : "status of ";
            List<String> examples = new ArrayList<>();
            for (Vocabulary.AssetTerm a : options) {
                examples.add("\"" + verb + a.spoken().get(0) + "\"");
            }
            return "Try: " + String.join(" or ", examples);
        }

        String example(Intent intent) {
            return switch (intent) {
                case NAVIGATE -> "Try: \"show the dashboard\" or \"show anomalies for site two\"";
                case QUERY_STATUS -> "Try: \"what is the solar output\" or \"status of inverter two\"";
                case QUERY_ENERGY -> "Try: \"what is the energy consumption today\"";
                case QUERY_FORECAST -> "Try: \"forecast solar for tomorrow\"";
                case QUERY_SCHEDULE -> "Try: \"when is the next maintenance\"";
                case ACKNOWLEDGE_ALARM -> "Try: \"acknowledge all alarms\"";
                case DEVICE_CONTROL -> "Try: \"switch on pump two\"";
                case UNKNOWN -> "Try: \"show the dashboard\", \"status of inverter two\", \"acknowledge all alarms\""
                        + " or \"switch on pump two\"";
            };
        }

        // ---------------------------------------------------------------- confidence

        double confidence(Intent intent) {
            if (intent == Intent.UNKNOWN || tokens.isEmpty()) {
                return content == 0 ? 0.0 : Math.round(30.0 * understood / content) / 100.0;
            }
            double coverage = content == 0 ? 0.5 : (double) understood / content;
            double c = 0.45 * (strong ? 1.0 : 0.6) + 0.4 * coverage + (errors.isEmpty() ? 0.15 : 0.0);
            return Math.round(Math.min(1.0, c) * 100) / 100.0;
        }
    }
}
