package ai.vidyut.console.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VidyutCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Vidyut Console " + (v == null ? "development build" : v)};
    }
}
