package ai.vidyut.console.voice;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio as the recogniser wants it: 16 kHz, mono, signed 16-bit samples. WAV files of any rate, channel count
 * and sample size are converted: to 16-bit with {@link AudioSystem}, to mono by averaging, and to 16 kHz with a
 * windowed-sinc resampler (low-pass filtered when downsampling, so that 44.1 kHz speech does not alias).
 */
public final class AudioClips {

    public static final int SAMPLE_RATE = 16_000;
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private AudioClips() {
    }

    /** Reads a WAV (or AIFF/AU) file into 16 kHz mono samples. */
    public static short[] readWav(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            return read(raw, file.toString());
        }
    }

    static short[] read(InputStream raw, String name) throws IOException {
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(raw);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(name + " is not a WAV file that Java can read: " + e.getMessage(), e);
        }
        AudioFormat src = in.getFormat();
        AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), 16,
                src.getChannels(), src.getChannels() * 2, src.getSampleRate(), false);
        try (AudioInputStream converted = src.matches(pcm16) ? in : AudioSystem.getAudioInputStream(pcm16, in)) {
            byte[] bytes = converted.readAllBytes();
            int channels = src.getChannels();
            int frames = bytes.length / (2 * channels);
            float[] mono = new float[frames];
            for (int f = 0; f < frames; f++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    int i = (f * channels + c) * 2;
                    sum += (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8));
                }
                mono[f] = (float) sum / channels;
            }
            return toShorts(resample(mono, Math.round(src.getSampleRate()), SAMPLE_RATE));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot convert " + name + " (" + src + ") to 16-bit PCM", e);
        }
    }

    /** Windowed-sinc resampling; the cut-off is the lower of the two Nyquist frequencies. */
    public static float[] resample(float[] in, int fromRate, int toRate) {
        if (fromRate == toRate || in.length == 0) {
            return in;
        }
        double ratio = (double) toRate / fromRate;
        int outLength = (int) Math.floor(in.length * ratio);
        float[] out = new float[outLength];
        double cutoff = Math.min(1.0, ratio);
        int halfWidth = (int) Math.ceil(16 / cutoff);
        for (int n = 0; n < outLength; n++) {
            double center = n / ratio;
            int first = (int) Math.floor(center) - halfWidth + 1;
            double acc = 0;
            double norm = 0;
            for (int k = first; k < first + 2 * halfWidth; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double x = (k - center) * cutoff;
                double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
                double w = 0.5 + 0.5 * Math.cos(Math.PI * (k - center) / halfWidth);
                double h = sinc * w;
                acc += in[k] * h;
                norm += h;
            }
            out[n] = (float) (norm == 0 ? 0 : acc / norm);
        }
        return out;
    }

    static short[] toShorts(float[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i])));
        }
        return out;
    }

    /** Little-endian bytes of 16-bit samples. */
    public static byte[] toBytes(short[] samples, int length) {
        byte[] b = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            b[2 * i] = (byte) samples[i];
            b[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return b;
    }

    /** Root-mean-square level of the samples, 0 (silence) to 1 (full scale). */
    public static double level(short[] samples, int from, int length) {
        if (length <= 0) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / length) / Short.MAX_VALUE;
    }
}
