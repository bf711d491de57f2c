package ai.vidyut.console.voice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The phrases the recogniser may hear: command phrases ("switch on pump two", "what is the energy consumption")
 * and qualifiers ("at site one", "for tomorrow", "in lab three"). Vosk 0.3.45 turns a grammar into a loop over
 * its words, so it can output word sequences that are no phrase at all ("lights on usage"); {@link #accepts}
 * checks that a transcript is one command phrase followed by qualifiers, which is how speech outside
 * the grammar is told apart from a command.
 */
public final class Grammar {

    /**
     * Short function words the recogniser often swaps for one another ("of" heard as "on", "at" as "up" or "off").
     * ("off" is one of them here; the parser still reads it as an action and insists on one for control.) They are
     * left out when checking a transcript against the phrases; the parser still reads them.
     */
    static final Set<String> LOOSE = Set.of("the", "a", "an", "of", "at", "to", "up", "in", "for", "are", "me",
            "please", "and", "by", "with", "from", "off");

    private final List<String> heads;
    private final List<String> qualifiers;
    private final Set<String> reducedHeads;
    private final Set<String> reducedQualifiers;
    private final int maxWords;

    Grammar(Collection<String> heads, Collection<String> qualifiers) {
        this.heads = List.copyOf(new LinkedHashSet<>(heads));
        this.qualifiers = List.copyOf(new LinkedHashSet<>(qualifiers));
        this.reducedHeads = reduceAll(this.heads);
        this.reducedQualifiers = reduceAll(this.qualifiers);
        int max = 1;
        for (String p : reducedHeads) {
            max = Math.max(max, p.split(" ").length);
        }
        for (String p : reducedQualifiers) {
            max = Math.max(max, p.split(" ").length);
        }
        this.maxWords = max;
    }

    public static Grammar of(Vocabulary vocabulary) {
        return GrammarBuilder.build(vocabulary);
    }

    private static Set<String> reduceAll(List<String> phrases) {
        Set<String> out = new HashSet<>();
        for (String p : phrases) {
            String r = reduce(p);
            if (!r.isEmpty()) {
                out.add(r);
            }
        }
        return Set.copyOf(out);
    }

    static String reduce(String text) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty() && !LOOSE.contains(w)) {
                sb.append(sb.length() > 0 ? " " : "").append(w);
            }
        }
        return sb.toString();
    }

    /** Only the phrases whose every word the acoustic model knows (the others could never be heard whole). */
    public Grammar restrictTo(Predicate<String> knownWord) {
        return new Grammar(heads.stream().filter(p -> known(p, knownWord)).toList(),
                qualifiers.stream().filter(p -> known(p, knownWord)).toList());
    }

    private static boolean known(String phrase, Predicate<String> knownWord) {
        return List.of(phrase.split(" ")).stream().allMatch(knownWord);
    }

    /** Words of the grammar the model does not know (for a log line). */
    public Set<String> unknownWords(Predicate<String> knownWord) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : phrases()) {
            for (String w : p.split(" ")) {
                if (!w.equals(GrammarBuilder.UNKNOWN_WORD) && !knownWord.test(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** Command phrases, qualifiers and {@code [unk]}. */
    public List<String> phrases() {
        List<String> all = new ArrayList<>(heads);
        all.addAll(qualifiers);
        all.add(GrammarBuilder.UNKNOWN_WORD);
        return all;
    }

    public int size() {
        return heads.size() + qualifiers.size() + 1;
    }

    /**
     * True if the text is one command phrase followed by any number of qualifier phrases
     * (not counting the {@link #LOOSE} function words).
     */
    public boolean accepts(String text) {
        String reduced = reduce(text);
        if (reduced.isEmpty() || reduced.contains(GrammarBuilder.UNKNOWN_WORD)) {
            return false;
        }
        String[] w = reduced.split(" ");
        // reach[i]: the first i words are one command phrase followed by qualifiers
        boolean[] reach = new boolean[w.length + 1];
        StringBuilder head = new StringBuilder();
        for (int j = 0; j < Math.min(w.length, maxWords); j++) {
            head.append(j > 0 ? " " : "").append(w[j]);
            if (reducedHeads.contains(head.toString())) {
                reach[j + 1] = true;
            }
        }
        for (int i = 1; i < w.length; i++) {
            if (!reach[i]) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(w.length, i + maxWords); j++) {
                sb.append(j > i ? " " : "").append(w[j]);
                if (reducedQualifiers.contains(sb.toString())) {
                    reach[j + 1] = true;
                }
            }
        }
        return reach[w.length];
    }

    /** The grammar as the JSON array Vosk takes. */
    public String json() {
        return json(phrases());
    }

    static String json(Collection<String> phrases) {
        StringBuilder sb = new StringBuilder("[");
        for (String phrase : phrases) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(phrase.replace("\\", "").replace("\"", "")).append('"');
        }
        return sb.append(']').toString();
    }
}
