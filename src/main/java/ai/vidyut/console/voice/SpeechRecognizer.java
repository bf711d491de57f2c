package ai.vidyut.console.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offline speech recognition with Vosk in grammar mode. The model is loaded once (a few seconds). Recognisers are
 * pooled, because building one compiles the grammar; a new vocabulary (sites or assets changed) replaces them.
 * Each utterance yields the recogniser's n-best list, so that the interpreter can pick the best hypothesis that is
 * a whole command. Safe to use from several threads.
 */
public final class SpeechRecognizer implements AutoCloseable {

    /** One hypothesis of the n-best list: its words and the decoder's score (higher is better). */
    public record Alternative(String text, double score) {
        public boolean hasUnknown() {
            return text.contains(GrammarBuilder.UNKNOWN_WORD);
        }
    }

    /** What was heard: the n-best hypotheses, best first (the first one is the plain transcript). */
    public record Transcript(List<Alternative> alternatives) {
        public Transcript {
            alternatives = List.copyOf(alternatives);
        }

        public String text() {
            return alternatives.isEmpty() ? "" : alternatives.get(0).text();
        }

        public boolean hasUnknown() {
            return !alternatives.isEmpty() && alternatives.get(0).hasUnknown();
        }

        /** Posterior weight of each hypothesis from the score differences (softmax). */
        public double[] posteriors() {
            double[] p = new double[alternatives.size()];
            if (p.length == 0) {
                return p;
            }
            double max = alternatives.get(0).score();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(alternatives.get(i).score() - max);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
            return p;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpeechRecognizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int ALTERNATIVES = 8;

    private final Model model;
    private final Function findWord;
    private volatile Grammar grammar;
    private final AtomicInteger grammarVersion = new AtomicInteger();
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private record Pooled(Recognizer recognizer, int version) {
    }

    private SpeechRecognizer(Model model, Vocabulary vocabulary) {
        this.model = model;
        this.findWord = NativeLibrary.getInstance("vosk", Map.of(Library.OPTION_CLASSLOADER,
                LibVosk.class.getClassLoader())).getFunction("vosk_model_find_word");
        setVocabulary(vocabulary);
    }

    /** Loads the model folder (see {@link VoskModelFiles#ensureModel}) and sets the grammar of the vocabulary. */
    public static SpeechRecognizer open(Path modelDir, Vocabulary vocabulary) {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            return new SpeechRecognizer(new Model(modelDir.toString()), vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Vosk model from " + modelDir, e);
        }
    }

    /** True if the acoustic model's dictionary has the word. */
    public boolean knows(String word) {
        return findWord.invokeInt(new Object[] {model.getPointer(), word}) >= 0;
    }

    /** Regenerates the grammar after sites or assets changed. */
    public void setVocabulary(Vocabulary vocabulary) {
        Grammar full = Grammar.of(vocabulary);
        Set<String> missing = full.unknownWords(this::knows);
        if (!missing.isEmpty()) {
            LOG.info("words the speech model does not know, phrases with them cannot be spoken: {}", missing);
        }
        this.grammar = full.restrictTo(this::knows);
        grammarVersion.incrementAndGet();
        Pooled p;
        while ((p = idle.poll()) != null) {
            p.recognizer().close();
        }
    }

    public Grammar grammar() {
        return grammar;
    }

    /** Recognises one utterance of 16 kHz mono 16-bit audio. */
    public Transcript recognize(short[] samples) {
        try (Utterance u = start()) {
            u.accept(samples, samples.length);
            return u.finish();
        }
    }

    /** An utterance fed incrementally (microphone): accept chunks, then finish. */
    public Utterance start() {
        int version = grammarVersion.get();
        Pooled p;
        while ((p = idle.poll()) != null && p.version() != version) {
            p.recognizer().close();
        }
        if (p == null) {
            Recognizer r = new Recognizer(model, AudioClips.SAMPLE_RATE, grammar.json());
            r.setMaxAlternatives(ALTERNATIVES);
            r.setWords(false);
            p = new Pooled(r, version);
        }
        return new Utterance(this, p);
    }

    /** An utterance in progress. */
    public static final class Utterance implements AutoCloseable {
        private final SpeechRecognizer owner;
        private final Pooled pooled;
        private final Recognizer recognizer;
        private final StringBuilder earlier = new StringBuilder();

        private Utterance(SpeechRecognizer owner, Pooled pooled) {
            this.owner = owner;
            this.pooled = pooled;
            this.recognizer = pooled.recognizer();
        }

        /** Feeds audio; true when the recogniser detected the end of a phrase (trailing silence). */
        public boolean accept(short[] samples, int length) {
            boolean endpoint = recognizer.acceptWaveForm(samples, length);
            if (endpoint) {
                // a pause inside the utterance: keep the best hypothesis of the part before it
                List<Alternative> part = parse(recognizer.getResult());
                if (!part.isEmpty() && !part.get(0).text().isBlank()) {
                    earlier.append(earlier.length() > 0 ? " " : "").append(part.get(0).text());
                }
            }
            return endpoint;
        }

        public Transcript finish() {
            List<Alternative> last = parse(recognizer.getFinalResult());
            if (earlier.length() == 0) {
                return new Transcript(last);
            }
            List<Alternative> joined = new ArrayList<>();
            for (Alternative a : last.isEmpty() ? List.of(new Alternative("", 0)) : last) {
                joined.add(new Alternative((earlier + " " + a.text()).trim(), a.score()));
            }
            return new Transcript(joined);
        }

        private static List<Alternative> parse(String json) {
            try {
                JsonNode node = JSON.readTree(json);
                List<Alternative> out = new ArrayList<>();
                if (node.has("alternatives")) {
                    for (JsonNode a : node.path("alternatives")) {
                        out.add(new Alternative(a.path("text").asText("").trim(), a.path("confidence").asDouble()));
                    }
                } else {
                    out.add(new Alternative(node.path("text").asText("").trim(), 0));
                }
                out.removeIf(a -> a.text().isEmpty() && out.size() > 1);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable recogniser result: " + json, e);
            }
        }

        @Override
        public void close() {
            recognizer.reset();
            if (pooled.version() == owner.grammarVersion.get() && !owner.closed) {
                owner.idle.offer(pooled);
            } else {
                recognizer.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Pooled p;
        while ((p = idle.poll()) != null) {
            p.recognizer().close();
        }
        model.close();
    }
}
