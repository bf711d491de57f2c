package ai.vidyut.console;

import ai.vidyut.console.cli.VidyutCommand;

/** Entry point: no subcommand opens the console window; a subcommand runs the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = VidyutCommand.commandLine().execute(args);
        if (code != 0 || !VidyutCommand.windowOpened()) {
            System.exit(code);
        }
    }
}
