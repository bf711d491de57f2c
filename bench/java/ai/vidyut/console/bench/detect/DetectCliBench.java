package ai.vidyut.console.bench.detect;

import ai.vidyut.console.cli.VidyutCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Times {@code vidyut detect} on a generated CSV (default one million one-minute rows, ISO timestamps, irregular,
 * with injected faults): reading, causal scoring and writing included. Usage:
 * DetectCliBench [rows] [columns] [dir]
 */
public final class DetectCliBench {

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/detect-cli-bench");
        Files.createDirectories(dir);
        Path input = dir.resolve("series-" + rows + "x" + columns + ".csv");
        if (!Files.exists(input)) {
            write(input, rows, columns);
        }
        Path output = dir.resolve("scores.csv");
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            int code = VidyutCommand.commandLine().execute("detect", "--input", input.toString(), "--output",
                    output.toString(), "--seed", "1");
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d: exit %d, %,d rows x %d columns in %.2f s (%,.0f rows/s)%n", run, code, rows,
                    columns, s, rows / s);
        }
    }

    private static void write(Path file, int rows, int columns) throws IOException {
        Random r = new Random(1);
        long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("timestamp,power_kw");
            for (int c = 1; c < columns; c++) {
                w.write(",ch" + c);
            }
            w.write('\n');
            double noise = 0;
            for (int i = 0; i < rows; i++) {
                long ts = start + i * 60_000L + r.nextInt(3000);
                noise = 0.8 * noise + r.nextGaussian();
                double v = 100 + 30 * Math.sin(i / 1440.0 * 2 * Math.PI) + 2 * noise;
                if (i % 50_000 == 25_000) {
                    v *= 2;
                }
                if (i % 70_000 >= 35_000 && i % 70_000 < 35_060) {
                    v *= 0.3;
                }
                w.write(Instant.ofEpochMilli(ts).toString());
                w.write(',');
                w.write(Double.toString(Math.round(v * 1000) / 1000.0));
                for (int c = 1; c < columns; c++) {
                    w.write(',');
                    w.write(Double.toString(Math.round((20 + 0.1 * v + r.nextGaussian()) * 1000) / 1000.0));
                }
                w.write('\n');
            }
        }
    }
}
