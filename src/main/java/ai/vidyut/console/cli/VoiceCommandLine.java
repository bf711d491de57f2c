package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.voice.AudioClips;
import ai.vidyut.console.voice.CommandParser;
import ai.vidyut.console.voice.Microphone;
import ai.vidyut.console.voice.SpeechRecognizer;
import ai.vidyut.console.voice.VoiceInterpreter;
import ai.vidyut.console.voice.VoskModelFiles;
import ai.vidyut.console.voice.Vocabulary;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vidyut voice --wav FILE.wav}: recognises a spoken command offline (Vosk, grammar mode) and prints the same
 * JSON as {@code vidyut command}, plus a {@code recognition} block. Without {@code --wav} it listens to the
 * microphone once. Speech outside the grammar or an incomplete command gives valid=false, "didn't catch that".
 */
@Command(name = "voice", mixinStandardHelpOptions = true,
        description = "Recognise a spoken command (offline, Vosk) from a WAV file or, without --wav, from the "
                + "microphone once; print {transcript, intent, entities, confidence, valid, errors, suggestion, "
                + "recognition} as one JSON object.")
public final class VoiceCommandLine implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Option(names = "--wav", paramLabel = "FILE", description = "A WAV file (any rate; resampled to 16 kHz mono)")
    private Path wav;

    @Option(names = "--site", paramLabel = "ID",
            description = "The current site, used when the command names none (default: the first site)")
    private String site;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "8",
            description = "Longest time to listen to the microphone (default: ${DEFAULT-VALUE})")
    private double seconds;

    @Override
    public Integer call() throws Exception {
        Vocabulary vocabulary;
        try (Database db = Database.open(root.dataDir())) {
            vocabulary = Vocabulary.load(new SiteStore(db));
        }
        short[] samples = wav != null ? AudioClips.readWav(wav) : null;
        Microphone mic = null;
        if (samples == null) {
            try {
                mic = Microphone.open();
            } catch (Microphone.NoMicrophoneException e) {
                throw new IllegalStateException(e.getMessage() + "; use --wav FILE or type: vidyut command \"...\"", e);
            }
        }
        Path modelDir = VoskModelFiles.ensureModel(root.dataDir());
        try (SpeechRecognizer recognizer = SpeechRecognizer.open(modelDir, vocabulary)) {
            VoiceInterpreter interpreter = new VoiceInterpreter(recognizer, new CommandParser(vocabulary));
            VoiceInterpreter.Heard heard;
            if (samples != null) {
                heard = interpreter.interpret(samples, site);
            } else {
                try (Microphone m = mic) {
                    System.err.println("listening...");
                    long t0 = System.nanoTime();
                    SpeechRecognizer.Transcript t = m.listenOnce(recognizer, seconds, level -> { }, () -> false);
                    heard = interpreter.interpret(t, site, (System.nanoTime() - t0) / 1e9, 0);
                }
            }
            System.out.println(new ObjectMapper().writeValueAsString(heard.toJson()));
        }
        return 0;
    }
}
