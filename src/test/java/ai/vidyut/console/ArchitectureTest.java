package ai.vidyut.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The headless core never reaches into JavaFX or the UI: the window is a thin shell over it. */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/ai/vidyut/console");
    private static final Pattern UI_REFERENCE = Pattern.compile("\\bjavafx\\.|\\bai\\.vidyut\\.console\\.ui\\b");

    @Test
    void corePackagesDoNotImportJavaFxOrTheUi() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ROOT)) {
            offenders = files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !ROOT.relativize(p).startsWith("ui"))
                    // the CLI root opens the window by class name only, never by import
                    .filter(p -> !p.endsWith(Path.of("cli/VidyutCommand.java")))
                    .filter(ArchitectureTest::mentionsUi)
                    .map(p -> ROOT.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCliRootReachesTheWindowOnlyReflectively() throws IOException {
        String root = Files.readString(ROOT.resolve("cli/VidyutCommand.java"));
        assertThat(root).doesNotContain("import javafx").doesNotContain("import ai.vidyut.console.ui");
    }

    private static boolean mentionsUi(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.trim().startsWith("*") && !line.trim().startsWith("//"))
                    .anyMatch(line -> UI_REFERENCE.matcher(line).find());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
