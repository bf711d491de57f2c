package ai.vidyut.console.ui;

/**
 * What the status bar shows about one live source. {@code state} is the source's state name
 * (CONNECTING, CONNECTED, DISCONNECTED, FAILED); {@code lastError} the last connection problem or null.
 */
public record SourceStatus(String name, String state, double messagesPerSecond, long received, long quarantined,
                           String lastError) {
}
