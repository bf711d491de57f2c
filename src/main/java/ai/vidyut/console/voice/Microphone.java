package ai.vidyut.console.voice;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import java.util.function.DoubleConsumer;

/**
 * The default microphone at 16 kHz mono 16-bit. On a machine without sound input (a headless server),
 * {@link #open()} throws {@link NoMicrophoneException} with a clear message.
 */
public final class Microphone implements AutoCloseable {

    /** There is no usable microphone. */
    public static final class NoMicrophoneException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoMicrophoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TargetDataLine line;

    private Microphone(TargetDataLine line) {
        this.line = line;
    }

    public static Microphone open() throws NoMicrophoneException {
        try {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, AudioClips.FORMAT);
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(AudioClips.FORMAT, AudioClips.SAMPLE_RATE / 5);
            line.start();
            return new Microphone(line);
        } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
            throw new NoMicrophoneException("no microphone: this machine has no sound input that records 16 kHz mono "
                    + "16-bit audio (" + e.getMessage() + ")", e);
        }
    }

    /** True if a microphone can be opened (it is opened and closed again). */
    public static boolean available() {
        try (Microphone m = open()) {
            return true;
        } catch (NoMicrophoneException e) {
            return false;
        }
    }

    /** Reads up to {@code buffer.length} samples, blocking; returns how many were read. */
    public int read(short[] buffer) {
        byte[] bytes = new byte[buffer.length * 2];
        int n = line.read(bytes, 0, bytes.length) / 2;
        for (int i = 0; i < n; i++) {
            buffer[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return n;
    }

    /**
     * Listens to one utterance: feeds 100 ms chunks to the recogniser until it detects the end of the phrase or
     * {@code maxSeconds} pass, reporting the input level (0..1) of every chunk.
     */
    public SpeechRecognizer.Transcript listenOnce(SpeechRecognizer recognizer, double maxSeconds, DoubleConsumer level,
                                                  java.util.function.BooleanSupplier stop) {
        short[] chunk = new short[AudioClips.SAMPLE_RATE / 10];
        long maxSamples = (long) (maxSeconds * AudioClips.SAMPLE_RATE);
        long total = 0;
        try (SpeechRecognizer.Utterance u = recognizer.start()) {
            while (total < maxSamples && !stop.getAsBoolean()) {
                int n = read(chunk);
                if (n <= 0) {
                    break;
                }
                total += n;
                level.accept(AudioClips.level(chunk, 0, n));
                if (u.accept(chunk, n)) {
                    break;
                }
            }
            return u.finish();
        }
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
