package ai.vidyut.console.bench.voice;

import ai.vidyut.console.voice.AudioClips;
import ai.vidyut.console.voice.CommandParser;
import ai.vidyut.console.voice.SpeechRecognizer;
import ai.vidyut.console.voice.VoiceCommand;
import ai.vidyut.console.voice.VoiceFixtures;
import ai.vidyut.console.voice.VoiceInterpreter;
import ai.vidyut.console.voice.VoskModelFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Voice benchmark: synthesises every command of {@code src/test/resources/voice/commands.txt} and every sentence of
 * {@code out-of-grammar.txt} with espeak-ng in several voices and speaking rates, with and without added noise
 * (sox), into a temporary folder; recognises each clip fed in 100 ms chunks as from a microphone, and measures
 * exact-command accuracy (intent and every entity right), rejection of out-of-grammar speech, and the latency from
 * the end of the audio to the parsed command. Prints a Markdown report.
 *
 * <p>Run with {@code bench/voice.sh}; arguments: {@code [--quick]} (fewer variants).
 */
public final class VoiceBench {

    record Variant(String voice, int rate, boolean noise) {
        String label() {
            return voice + " @" + rate + "wpm" + (noise ? " +noise" : "");
        }
    }

    record Expected(String phrase, String intent, Map<String, String> entities) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path resources = Path.of("src/test/resources/voice");
        List<Expected> commands = readCommands(resources.resolve("commands.txt"));
        List<String> outOfGrammar = readLines(resources.resolve("out-of-grammar.txt"));
        List<String> voices = quick ? List.of("en-us", "en-gb+f3") : List.of("en-us", "en-gb", "en-us+f3", "en-gb-scotland");
        List<Integer> rates = quick ? List.of(160) : List.of(150, 200);
        List<Variant> variants = new ArrayList<>();
        for (String v : voices) {
            for (int r : rates) {
                variants.add(new Variant(v, r, false));
                variants.add(new Variant(v, r, true));
            }
        }
        Path work = Files.createTempDirectory("vidyut-voice-bench-");
        Path dataDir = Path.of(System.getProperty("vidyut.bench.dataDir",
                Path.of(System.getProperty("user.home"), ".vidyut").toString()));
        long t0 = System.nanoTime();
        Path model = VoskModelFiles.ensureModel(dataDir);
        try (SpeechRecognizer recognizer = SpeechRecognizer.open(model, VoiceFixtures.vocabulary())) {
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            CommandParser parser = VoiceFixtures.parser();
            VoiceInterpreter interpreter = new VoiceInterpreter(recognizer, parser);
            // warm-up: compile the grammar and the JIT
            interpreter.interpret(synth(work, "warm", "show the dashboard", new Variant("en-us", 175, false)), "site-1");

            Map<String, int[]> byVariant = new LinkedHashMap<>();
            List<Double> latencies = new ArrayList<>();
            List<Double> realTime = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            int right = 0;
            int total = 0;
            int rejectedInGrammar = 0;
            int oogRejected = 0;
            int oogTotal = 0;
            List<String> oogAccepted = new ArrayList<>();
            int n = 0;
            for (Variant variant : variants) {
                int[] counts = byVariant.computeIfAbsent(variant.label(), k -> new int[4]);
                for (Expected e : commands) {
                    short[] audio = synth(work, "c" + (n++), e.phrase(), variant);
                    Timed t = streamed(interpreter, audio);
                    latencies.add(t.latencyMillis);
                    realTime.add(t.decodeMillis / 1000 / (audio.length / (double) AudioClips.SAMPLE_RATE));
                    boolean ok = exact(t.heard.command(), e);
                    total++;
                    counts[1]++;
                    if (ok) {
                        right++;
                        counts[0]++;
                    } else {
                        if (t.heard.rejected()) {
                            rejectedInGrammar++;
                        }
                        misses.add(variant.label() + ": \"" + e.phrase() + "\" heard \"" + t.heard.transcript().text()
                                + "\"" + (t.heard.rejected() ? " (rejected)" : " -> " + t.heard.command().intent().wireName()
                                + " " + t.heard.command().entities()) + " (hypotheses " + t.heard.transcript().alternatives().stream().map(a -> a.text()).limit(4).toList() + ")");
                    }
                }
                for (String s : outOfGrammar) {
                    short[] audio = synth(work, "o" + (n++), s, variant);
                    Timed t = streamed(interpreter, audio);
                    oogTotal++;
                    counts[3]++;
                    boolean rejected = t.heard.rejected() || !t.heard.command().valid();
                    if (rejected) {
                        oogRejected++;
                        counts[2]++;
                    } else {
                        oogAccepted.add(variant.label() + ": \"" + s + "\" heard \"" + t.heard.transcript().text()
                                + "\" -> " + t.heard.command().intent().wireName() + " " + t.heard.command().entities()
                                + " (hypotheses " + t.heard.transcript().alternatives().stream().map(a -> a.text()).limit(4).toList() + ")");
                    }
                }
            }
            StringBuilder md = new StringBuilder();
            md.append("## Voice benchmark\n\n");
            md.append(String.format(Locale.ROOT, "Commands: %d phrasings x %d variants (%s; rates %s wpm; with and without "
                            + "white noise at about 20 dB SNR), %d out-of-grammar sentences per variant. "
                            + "Model load %.1f s. Machine: %d cores.%n%n",
                    commands.size(), variants.size(), String.join(", ", voices), rates, outOfGrammar.size(), loadSeconds,
                    Runtime.getRuntime().availableProcessors()));
            md.append(String.format(Locale.ROOT, "- **exact command (intent + all entities) right: %d / %d = %.1f %%** "
                    + "(target >= 95 %%); of the misses, %d were rejected (\"didn't catch that\") rather than misread%n",
                    right, total, 100.0 * right / total, rejectedInGrammar));
            md.append(String.format(Locale.ROOT, "- **out-of-grammar speech rejected: %d / %d = %.1f %%**%n",
                    oogRejected, oogTotal, 100.0 * oogRejected / oogTotal));
            long over = latencies.stream().filter(l -> l > 300).count();
            md.append(String.format(Locale.ROOT, "- **latency from end of audio to command: median %.0f ms, p95 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms** (target <= 300 ms; %d of %d utterances over 300 ms)%n",
                    pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100), over,
                    latencies.size()));
            md.append(String.format(Locale.ROOT, "- decoding speed: median %.2f x real time (p95 %.2f)%n%n",
                    pct(realTime, 50), pct(realTime, 95)));
            md.append("| variant | exact | out-of-grammar rejected |\n|---|---|---|\n");
            byVariant.forEach((k, c) -> md.append(String.format(Locale.ROOT, "| %s | %d/%d | %d/%d |%n", k, c[0], c[1],
                    c[2], c[3])));
            if (!misses.isEmpty()) {
                md.append("\nMisses:\n\n");
                misses.forEach(m -> md.append("- ").append(m).append('\n'));
            }
            if (!oogAccepted.isEmpty()) {
                md.append("\nOut-of-grammar speech accepted as a command:\n\n");
                oogAccepted.forEach(m -> md.append("- ").append(m).append('\n'));
            }
            System.out.print(md);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Timed(VoiceInterpreter.Heard heard, double latencyMillis, double decodeMillis) {
    }

    /** Feeds the clip in 100 ms chunks; latency counts from the last chunk to the parsed command. */
    static Timed streamed(VoiceInterpreter interpreter, short[] audio) {
        int chunk = AudioClips.SAMPLE_RATE / 10;
        long start = System.nanoTime();
        try (SpeechRecognizer.Utterance u = interpreter.recognizer().start()) {
            for (int i = 0; i < audio.length; i += chunk) {
                int len = Math.min(chunk, audio.length - i);
                u.accept(Arrays.copyOfRange(audio, i, i + len), len);
            }
            long endOfAudio = System.nanoTime();
            SpeechRecognizer.Transcript t = u.finish();
            VoiceInterpreter.Heard heard = interpreter.interpret(t, "site-1",
                    audio.length / (double) AudioClips.SAMPLE_RATE, (System.nanoTime() - start) / 1e6);
            long done = System.nanoTime();
            return new Timed(heard, (done - endOfAudio) / 1e6, (done - start) / 1e6);
        }
    }

    static boolean exact(VoiceCommand c, Expected e) {
        if (!c.intent().wireName().equals(e.intent())) {
            return false;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        c.entities().forEach((k, v) -> flat.put(k, v instanceof Map<?, ?> m ? String.valueOf(m.get("text")) : String.valueOf(v)));
        return flat.equals(e.entities());
    }

    static short[] synth(Path dir, String name, String text, Variant v) throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-raw.wav");
        Path out = dir.resolve(name + ".wav");
        run("espeak-ng", "-v", v.voice(), "-s", Integer.toString(v.rate()), "-w", raw.toString(), text);
        if (v.noise()) {
            Path clean = dir.resolve(name + "-clean.wav");
            Path noise = dir.resolve(name + "-noise.wav");
            run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", clean.toString(), "pad", "0.3", "0.2");
            String dur = new String(new ProcessBuilder("soxi", "-D", clean.toString()).start().getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8).trim();
            run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", noise.toString(), "synth", dur, "whitenoise", "vol", "0.03");
            run("sox", "-m", clean.toString(), noise.toString(), out.toString());
        } else {
            // 22.05 kHz from espeak: resampled by AudioClips, as any WAV given to the console would be
            run("sox", raw.toString(), out.toString(), "pad", "0.3", "0.2");
        }
        // push-to-talk: the operator presses the key, then speaks; 0.3 s of silence (or noise) before the words
        return AudioClips.readWav(out);
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    static double pct(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static List<String> readLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static List<Expected> readCommands(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : readLines(file)) {
            String[] parts = line.split("\\|");
            out.add(new Expected(parts[0].trim(), parts[1].trim(), spec(parts.length > 2 ? parts[2] : "")));
        }
        return out;
    }

    static Map<String, String> spec(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return out;
        }
        for (String p : spec.trim().split("\\s+(?=[a-zA-Z]+=)")) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), p.substring(eq + 1).trim());
        }
        return out;
    }
}
