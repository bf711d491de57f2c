package ai.vidyut.console.ingest;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real HiveMQ Community Edition broker in this JVM, for tests and benchmarks: bound to 127.0.0.1 on a free
 * port, anonymous usage statistics off, with its own config, data and extensions folders. It keeps its data
 * folder across {@link #stop()}/{@link #start()}, so persistent sessions and queued messages survive a restart.
 * It takes 2-3 s to start: share one per test class.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private EmbeddedHiveMQ hivemq;
    private static EmbeddedBroker shared;

    public EmbeddedBroker() {
        try {
            this.home = Files.createTempDirectory("vidyut-hivemq-");
            this.port = freePort();
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                        <listeners>
                            <tcp-listener>
                                <port>%d</port>
                                <bind-address>127.0.0.1</bind-address>
                            </tcp-listener>
                        </listeners>
                        <mqtt>
                            <queued-messages>
                                <max-queue-size>1000000</max-queue-size>
                                <strategy>discard</strategy>
                            </queued-messages>
                        </mqtt>
                        <anonymous-usage-statistics>
                            <enabled>false</enabled>
                        </anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One running broker for the whole test JVM (test classes run one after another in it), closed when the JVM
     * exits: saves the 2-3 s start per class. Callers must not close it; a test that stops it must start it again.
     */
    public static synchronized EmbeddedBroker shared() {
        if (shared == null) {
            shared = new EmbeddedBroker();
            EmbeddedBroker b = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "embedded-hivemq-close"));
        }
        return shared.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Starts a broker instance on the same port and data folder (an instance cannot be restarted itself). */
    public synchronized EmbeddedBroker start() {
        if (hivemq != null) {
            return this;
        }
        try {
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(home.resolve("conf"))
                    .withDataFolder(home.resolve("data"))
                    .withExtensionsFolder(home.resolve("extensions"))
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not start: " + e.getMessage(), e);
        }
    }

    public synchronized void stop() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().get(60, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not stop: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT} */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // best effort
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp folder
            }
        }
    }
}
