package ai.vidyut.console.voice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real speech, real model: the committed espeak-ng fixtures (src/test/resources/voice/wav, made by
 * make-fixtures.sh) are recognised offline with Vosk in grammar mode and must come out as exactly the command of
 * commands.txt; out-of-grammar sentences must be rejected. The model is loaded once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceRecognitionTest {

    static final Path RESOURCES = Path.of("src/test/resources/voice");
    static final List<String> VOICES = List.of("en-us", "en-gb-f3");

    private SpeechRecognizer recognizer;
    private VoiceInterpreter interpreter;

    @BeforeAll
    void loadModel() {
        Path model = VoskModelFiles.ensureModel(Path.of("target", "voice-test-data"));
        recognizer = SpeechRecognizer.open(model, VoiceFixtures.vocabulary());
        interpreter = new VoiceInterpreter(recognizer, VoiceFixtures.parser());
    }

    @AfterAll
    void close() {
        recognizer.close();
    }

    record Row(String phrase, String intent, Map<String, String> entities) {
    }

    static List<Row> commands() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : lines("commands.txt")) {
            String[] p = line.split("\\|");
            rows.add(new Row(p[0].trim(), p[1].trim(), CommandParserTableTest.expected(p.length > 2 ? p[2] : "")));
        }
        return rows;
    }

    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(RESOURCES.resolve(file)).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void everyFixtureIsRecognisedAsExactlyItsCommand() throws IOException {
        List<Row> rows = commands();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            for (String voice : VOICES) {
                Path wav = RESOURCES.resolve("wav").resolve(String.format("cmd%02d-%s.wav", i + 1, voice));
                assertThat(wav).as("fixture for \"%s\" (run make-fixtures.sh)", row.phrase()).exists();
                VoiceInterpreter.Heard heard = interpreter.interpret(AudioClips.readWav(wav), "site-1");
                VoiceCommand c = heard.command();
                Map<String, String> entities = CommandParserTableTest.flatten(c.entities());
                checked++;
                if (heard.rejected() || !c.valid() || !c.intent().wireName().equals(row.intent())
                        || !entities.equals(row.entities())) {
                    wrong.add(wav.getFileName() + " \"" + row.phrase() + "\": heard \"" + heard.transcript().text()
                            + "\" -> " + c.intent().wireName() + " " + entities + " " + c.errors());
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(wrong).as("fixtures not recognised exactly").isEmpty();
    }

    @Test
    void outOfGrammarSpeechIsRejectedNotMisread() throws IOException {
        List<String> sentences = lines("out-of-grammar.txt");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (String voice : VOICES) {
                Path wav = RESOURCES.resolve("wav").resolve(String.format("oog%02d-%s.wav", i + 1, voice));
                VoiceInterpreter.Heard heard = interpreter.interpret(AudioClips.readWav(wav), "site-1");
                if (!heard.rejected()) {
                    accepted.add(sentences.get(i) + " (" + voice + ") -> " + heard.chosenText());
                } else {
                    assertThat(heard.command().errors()).containsExactly(VoiceInterpreter.NOT_CAUGHT);
                    assertThat(heard.command().valid()).isFalse();
                }
            }
        }
        assertThat(accepted).as("out-of-grammar speech taken as a command").isEmpty();
    }

    @Test
    void silenceIsNotACommand() {
        VoiceInterpreter.Heard heard = interpreter.interpret(new short[AudioClips.SAMPLE_RATE], "site-1");
        assertThat(heard.rejected()).isTrue();
        assertThat(heard.command().errors()).containsExactly(VoiceInterpreter.NOT_CAUGHT);
    }

    @Test
    void aWavAtAnotherRateIsResampledAndStillUnderstood() throws Exception {
        // the 16 kHz fixture upsampled to 44.1 kHz stereo by sox-free means: write it with javax.sound
        short[] mono = AudioClips.readWav(RESOURCES.resolve("wav/cmd01-en-us.wav"));
        float[] up = AudioClips.resample(toFloats(mono), 16_000, 44_100);
        byte[] stereo = new byte[up.length * 4];
        for (int i = 0; i < up.length; i++) {
            short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(up[i])));
            for (int c = 0; c < 2; c++) {
                stereo[4 * i + 2 * c] = (byte) s;
                stereo[4 * i + 2 * c + 1] = (byte) (s >> 8);
            }
        }
        Path wav = Files.createTempFile("vidyut-44k", ".wav");
        try {
            javax.sound.sampled.AudioFormat f = new javax.sound.sampled.AudioFormat(44_100, 16, 2, true, false);
            javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                    new java.io.ByteArrayInputStream(stereo), f, up.length), javax.sound.sampled.AudioFileFormat.Type.WAVE,
                    wav.toFile());
            short[] back = AudioClips.readWav(wav);
            assertThat(back.length).isBetween(mono.length - 2, mono.length + 2);
            VoiceCommand c = interpreter.interpret(back, "site-1").command();
            assertThat(c.intent()).isEqualTo(Intent.DEVICE_CONTROL);
            assertThat(new LinkedHashMap<>(c.entities())).containsEntry("asset", "pump-2").containsEntry("action", "on");
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static float[] toFloats(short[] s) {
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i];
        }
        return f;
    }
}
