package ai.vidyut.console.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Speech in, command out. Vosk's n-best hypotheses are tried best first; the first one that is a command phrase
 * followed by qualifier phrases and parses into a complete and valid command is taken (failing a valid one, the
 * first complete one, which then carries its errors). If the best hypothesis contains {@code [unk]} and
 * no hypothesis within {@link #SCORE_MARGIN} of it is a complete command, or none is at all, the utterance is
 * rejected with "didn't catch that" rather than guessed at.
 */
public final class VoiceInterpreter {

    public static final String NOT_CAUGHT = "didn't catch that";
    /** How far below the best hypothesis (decoder score) a hypothesis may be and still be taken. */
    public static final double SCORE_MARGIN = Double.parseDouble(System.getProperty("vidyut.voice.margin", "4"));

    /** The outcome of one utterance: the command (or the rejection), what was heard and the timings. */
    public record Heard(VoiceCommand command, SpeechRecognizer.Transcript transcript, String chosenText,
                        boolean rejected, double audioSeconds, double decodeMillis) {

        /** The command JSON with a {@code recognition} block (hypotheses, timings). */
        public Map<String, Object> toJson() {
            Map<String, Object> out = command.toJson();
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("heard", transcript.text());
            rec.put("chosen", chosenText);
            rec.put("rejected", rejected);
            rec.put("hypotheses", transcript.alternatives().stream().map(SpeechRecognizer.Alternative::text).toList());
            rec.put("audioSeconds", Math.round(audioSeconds * 100) / 100.0);
            rec.put("decodeMillis", Math.round(decodeMillis * 10) / 10.0);
            out.put("recognition", rec);
            return out;
        }
    }

    private final SpeechRecognizer recognizer;
    private volatile CommandParser parser;

    public VoiceInterpreter(SpeechRecognizer recognizer, CommandParser parser) {
        this.recognizer = recognizer;
        this.parser = parser;
    }

    /** Sites or assets changed: new parser and grammar. */
    public void setVocabulary(Vocabulary vocabulary, java.time.Clock clock) {
        this.parser = new CommandParser(vocabulary, clock);
        recognizer.setVocabulary(vocabulary);
    }

    public SpeechRecognizer recognizer() {
        return recognizer;
    }

    public CommandParser parser() {
        return parser;
    }

    /** Recognises and interprets 16 kHz mono samples. */
    public Heard interpret(short[] samples, String currentSiteId) {
        long t0 = System.nanoTime();
        SpeechRecognizer.Transcript transcript = recognizer.recognize(samples);
        double decodeMillis = (System.nanoTime() - t0) / 1e6;
        return interpret(transcript, currentSiteId, samples.length / (double) AudioClips.SAMPLE_RATE, decodeMillis);
    }

    /** Interprets what the recogniser heard. */
    public Heard interpret(SpeechRecognizer.Transcript transcript, String currentSiteId, double audioSeconds,
                           double decodeMillis) {
        List<SpeechRecognizer.Alternative> alts = transcript.alternatives();
        double[] posterior = transcript.posteriors();
        Grammar grammar = recognizer.grammar();
        double best = alts.isEmpty() ? 0 : alts.get(0).score();
        // the best complete command within the margin, preferring one that is also valid in this console (of two
        // hypotheses that sound alike, "set the battery to charge" beats "set off the meter charge")
        VoiceCommand chosen = null;
        int chosenIndex = -1;
        for (int i = 0; i < alts.size(); i++) {
            SpeechRecognizer.Alternative a = alts.get(i);
            if (a.hasUnknown() || a.text().isBlank() || best - a.score() > SCORE_MARGIN || !grammar.accepts(a.text())) {
                continue;
            }
            VoiceCommand c = parser.parse(a.text(), currentSiteId);
            if (c.complete() && (chosen == null || c.valid() && !chosen.valid())) {
                chosen = c;
                chosenIndex = i;
                if (c.valid()) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return new Heard(rejection(transcript.text()), transcript, null, true, audioSeconds, decodeMillis);
        }
        // how sure we are of this command rather than another one: its share of the weight of all hypotheses that
        // are complete commands
        double same = 0;
        double commands = 0;
        for (int i = 0; i < alts.size(); i++) {
            SpeechRecognizer.Alternative a = alts.get(i);
            if (a.hasUnknown() || !grammar.accepts(a.text())) {
                continue;
            }
            VoiceCommand c = i == chosenIndex ? chosen : parser.parse(a.text(), currentSiteId);
            if (!c.complete()) {
                continue;
            }
            commands += posterior[i];
            if (c.intent() == chosen.intent() && Objects.equals(c.entities(), chosen.entities())) {
                same += posterior[i];
            }
        }
        double share = commands == 0 ? 0 : same / commands;
        double confidence = Math.round(chosen.confidence() * share * 100) / 100.0;
        return new Heard(chosen.withConfidence(confidence), transcript, alts.get(chosenIndex).text(), false,
                audioSeconds, decodeMillis);
    }

    private static VoiceCommand rejection(String text) {
        return new VoiceCommand(text, Intent.UNKNOWN, Map.of(), 0.0, false, List.of(NOT_CAUGHT),
                "Say it again, for example \"show the dashboard\" or \"switch on pump two\"", List.of(), false);
    }
}
