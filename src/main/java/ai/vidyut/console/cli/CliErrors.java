package ai.vidyut.console.cli;

import picocli.CommandLine;

/**
 * Turns an exception thrown by a subcommand into one clear line on stderr and exit code 1,
 * instead of a stack trace. {@code --debug}-style detail goes to the log.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        org.slf4j.LoggerFactory.getLogger(CliErrors.class).debug("command failed", ex);
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
        return ex instanceof CommandLine.ParameterException ? 2 : 1;
    }
}
