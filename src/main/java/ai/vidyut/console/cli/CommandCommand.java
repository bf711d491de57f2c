package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.voice.CommandParser;
import ai.vidyut.console.voice.VoiceCommand;
import ai.vidyut.console.voice.Vocabulary;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vidyut command "switch on pump two"}: understands a typed command against the sites and assets in the
 * data folder and prints one JSON object (transcript, intent, entities, confidence, valid, errors[, suggestion]).
 * Stable output shape. It only interprets; nothing is switched.
 */
@Command(name = "command", mixinStandardHelpOptions = true,
        description = "Interpret a typed voice command and print {transcript, intent, entities, confidence, valid, "
                + "errors, suggestion} as one JSON object. Exit code 0 whether or not the command is valid.")
public final class CommandCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "The command, e.g. \"switch on pump two\"")
    private List<String> words;

    @Option(names = "--site", paramLabel = "ID",
            description = "The current site, used when the command names none (default: the first site)")
    private String site;

    @Override
    public Integer call() throws Exception {
        Vocabulary vocabulary;
        try (Database db = Database.open(root.dataDir())) {
            vocabulary = Vocabulary.load(new SiteStore(db));
        }
        VoiceCommand command = new CommandParser(vocabulary).parse(String.join(" ", words), site);
        System.out.println(new ObjectMapper().writeValueAsString(command.toJson()));
        return 0;
    }
}
