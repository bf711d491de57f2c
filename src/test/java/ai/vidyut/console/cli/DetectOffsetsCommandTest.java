package ai.vidyut.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vidyut detect} reads basic ISO offsets ({@code +0530}) like {@code vidyut forecast} does. */
class DetectOffsetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void basicOffsetTimestampsAreAcceptedAndWrittenBackAsGiven() throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        LocalDateTime t0 = LocalDateTime.parse("2024-01-01T00:00:00");
        List<String> lines = new ArrayList<>(List.of("timestamp,power_kw"));
        for (int i = 0; i < 600; i++) {
            lines.add(String.format(Locale.ROOT, "%s+0530,%.2f", t0.plusMinutes(i).format(f),
                    100 + 10 * Math.sin(i / 30.0) + (i % 5)));
        }
        Path in = dir.resolve("ist.csv");
        Files.write(in, lines);
        Path out = dir.resolve("scores.csv");
        Cli.Result r = Cli.run(dir.resolve("data"), "detect", "--input", in.toString(), "--output", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> scored = Files.readAllLines(out);
        assertThat(scored).hasSize(601);
        assertThat(scored.get(0)).isEqualTo("timestamp,value,anomaly_score,label,type");
        assertThat(scored.get(1)).startsWith("2024-01-01T00:00:00+0530,");
        assertThat(scored.get(600)).startsWith("2024-01-01T09:59:00+0530,");
    }
}
