package ai.vidyut.console.voice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recogniser's grammar, generated from the {@link Vocabulary}: whole command phrases (verb, object) built from
 * the view names, metric names, device kinds and the names of the configured sites and assets, followed by
 * qualifier phrases (site, asset, location, time) with the numbers one to fifty, plus {@code [unk]} so that speech
 * outside the grammar can come out as "[unk]" instead of a wrong command.
 *
 * <p>Vosk decodes any sequence of the phrases. Command phrases are deliberately whole ("switch on pump two", not
 * "switch" + "on" + "pump" + "two"), because every phrase costs the same: with loose fragments the decoder happily
 * drops or swaps words. Qualifiers start with a preposition, which anchors them. Whether the sequence is a
 * complete command is the parser's call.
 */
public final class GrammarBuilder {

    public static final String UNKNOWN_WORD = "[unk]";

    private GrammarBuilder() {
    }

    /** All phrases, commands first, then qualifiers, then {@code [unk]}. */
    public static List<String> phrases(Vocabulary v) {
        List<String> out = new ArrayList<>(heads(v));
        out.addAll(qualifiers(v));
        out.add(UNKNOWN_WORD);
        return out;
    }

    public static Grammar build(Vocabulary v) {
        return new Grammar(heads(v), qualifiers(v));
    }

    static List<String> sites(Vocabulary v) {
        List<String> sites = new ArrayList<>();
        v.sites().forEach(s -> sites.addAll(s.spoken()));
        return sites;
    }

    static Set<String> things(Vocabulary v) {
        Set<String> things = new LinkedHashSet<>();
        for (Vocabulary.AssetTerm a : v.assets()) {
            for (String name : a.spoken()) {
                things.add(name);
                things.add("the " + name);
            }
        }
        for (String k : Lexicon.DEVICE_KINDS.keySet()) {
            // "array" alone is too easily heard in noise
            if (!k.equals("array")) {
                things.add("the " + k);
            }
        }
        return things;
    }

    /** Qualifiers: which site, which device, where, when. They follow (or precede) a command phrase. */
    static Set<String> qualifiers(Vocabulary v) {
        Set<String> p = new LinkedHashSet<>();
        for (String site : sites(v)) {
            for (String prep : List.of("for", "at", "in", "of", "on")) {
                p.add(prep + " " + site);
            }
        }
        for (String thing : things(v)) {
            for (String prep : List.of("of", "for", "at", "on")) {
                p.add(prep + " " + thing);
            }
        }
        for (String loc : locations(v)) {
            p.add("in " + loc);
            p.add("in the " + loc);
        }
        p.addAll(timePhrases());
        return p;
    }

    /** Command phrases: a verb or question with its object. */
    static Set<String> heads(Vocabulary v) {
        Set<String> p = new LinkedHashSet<>();
        List<String> sites = sites(v);
        Set<String> things = things(v);

        // navigate
        for (String verb : Lexicon.NAV_VERBS) {
            for (String view : v.views().keySet()) {
                p.add(verb + " " + view);
                p.add(verb + " the " + view);
            }
            for (String site : sites) {
                p.add(verb + " " + site);
            }
        }
        // a view named on its own ("anomalies for site two"); not "forecast" or "models", too easily heard in noise
        for (Map.Entry<String, String> view : v.views().entrySet()) {
            if (!view.getValue().equals("forecast") && !view.getValue().equals("models")) {
                p.add(view.getKey());
                p.add("the " + view.getKey());
            }
        }
        // status and energy
        List<String> metricHeads = new ArrayList<>();
        for (String metric : v.metrics().keySet()) {
            metricHeads.add("what is the " + metric);
            metricHeads.add("what was the " + metric);
            metricHeads.add("show me the " + metric);
            if ("energy_kwh".equals(v.metrics().get(metric)) && metric.contains(" ")) {
                metricHeads.add("the " + metric);
                metricHeads.add(metric);
            }
        }
        metricHeads.addAll(List.of("what is the solar output", "what is the solar generation", "what is the solar power",
                "how much energy did the solar produce", "how much energy did we use", "how much electricity did we use",
                "how much energy", "what is the status", "what is the solar output"));
        p.addAll(metricHeads);
        for (String thing : things) {
            for (String head : List.of("status of", "what is the status of", "how is", "how are", "check", "is")) {
                p.add(head + " " + thing);
            }
            p.add("is " + thing + " on");
            p.add("is " + thing + " off");
        }
        // forecast
        p.addAll(List.of("forecast solar", "forecast the solar output", "forecast the load", "forecast the demand",
                "forecast the energy consumption", "what is the load forecast", "what is the solar forecast",
                "what is the demand forecast", "show me the solar forecast", "show me the load forecast",
                "predict the solar output", "predict the load", "what is the expected demand", "what is the expected load",
                "what will the load be", "what will the solar output be", "load forecast", "solar forecast"));
        // schedule
        p.addAll(List.of("when is the next maintenance", "what is the maintenance schedule", "maintenance schedule"));
        for (String a : things) {
            p.add("when is " + a + " due for service");
            p.add("when is " + a + " due");
        }
        // acknowledge
        p.addAll(List.of("acknowledge all alarms", "acknowledge all alerts", "acknowledge every alarm",
                "silence all alarms", "clear all alarms"));
        for (int n = 1; n <= SpokenNumbers.GRAMMAR_MAX; n++) {
            String num = SpokenNumbers.toWords(n);
            p.add("acknowledge alarm " + num);
            p.add("acknowledge alarm number " + num);
            p.add("acknowledge alert " + num);
            p.add("clear alarm " + num);
        }
        // device control
        for (String verb : Lexicon.CONTROL_VERBS.keySet()) {
            for (String thing : things) {
                p.add(verb + " " + thing);
            }
        }
        for (String thing : things) {
            for (String action : List.of("on", "off")) {
                p.add("turn " + thing + " " + action);
                p.add("switch " + thing + " " + action);
            }
            for (String action : List.of("charge", "discharge", "on", "off")) {
                p.add("set " + thing + " to " + action);
            }
        }
        for (String site : sites) {
            // a site's name on its own goes there
            p.add(site);
        }
        return p;
    }

    /** Location phrases found in asset names ("lab three" in "lab three lights"). */
    static Set<String> locations(Vocabulary v) {
        Set<String> out = new LinkedHashSet<>();
        for (Vocabulary.AssetTerm a : v.assets()) {
            for (String s : a.spoken()) {
                List<String> t = List.of(s.split(" "));
                for (int i = 0; i < t.size(); i++) {
                    if (Lexicon.LOCATIONS.contains(t.get(i))) {
                        SpokenNumbers.Match n = SpokenNumbers.parse(t, i + 1);
                        out.add(n == null ? t.get(i) : String.join(" ", t.subList(i, i + 1 + n.length())));
                    }
                }
            }
        }
        return out;
    }

    static List<String> timePhrases() {
        Set<String> p = new LinkedHashSet<>();
        // "tonight", "this morning" and the like are understood when typed but left out of the grammar: "tonight"
        // is too easily heard for "today"
        for (String w : List.of("today", "tomorrow", "yesterday", "this week", "last week", "next week",
                "this month", "last month", "noon", "midnight")) {
            p.add(w);
            p.add("for " + w);
            p.add("at " + w);
        }
        for (int n = 1; n <= SpokenNumbers.GRAMMAR_MAX; n++) {
            String num = SpokenNumbers.toWords(n);
            for (String unit : n == 1 ? List.of("minute", "hour", "day") : List.of("minutes", "hours", "days")) {
                for (String head : List.of("the next", "for the next", "over the next", "in the next", "the last",
                        "in the last", "for the last", "the past", "in")) {
                    p.add(head + " " + num + " " + unit);
                }
            }
            if (n <= 12) {
                for (String ampm : List.of("am", "pm")) {
                    p.add(num + " " + ampm);
                    p.add("at " + num + " " + ampm);
                    p.add("for " + num + " " + ampm);
                    for (String minutes : List.of("fifteen", "thirty", "forty five")) {
                        p.add("at " + num + " " + minutes + " " + ampm);
                    }
                }
            }
        }
        p.addAll(List.of("the next hour", "for the next hour", "in an hour", "in half an hour", "the next day"));
        return new ArrayList<>(p);
    }

    /** The grammar as the JSON array Vosk takes. */
    public static String json(Vocabulary v) {
        return Grammar.json(phrases(v));
    }
}
