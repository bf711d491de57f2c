package ai.vidyut.console.ingest;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real WebSocket server on a free loopback port that sends what a test gives it to every client that connects. */
public final class LoopbackWebSocketServer extends WebSocketServer {

    private final Consumer<WebSocket> onOpen;
    private final CountDownLatch started = new CountDownLatch(1);

    private LoopbackWebSocketServer(int port, Consumer<WebSocket> onOpen) {
        super(new InetSocketAddress("127.0.0.1", port));
        this.onOpen = onOpen;
        setReuseAddr(true);
    }

    /** Starts a server on a free port and waits until it listens; {@code onOpen} runs for each new client. */
    public static LoopbackWebSocketServer start(Consumer<WebSocket> onOpen) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LoopbackWebSocketServer server = new LoopbackWebSocketServer(port, onOpen);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket server on port " + port + " did not start in 10 s");
        }
        return server;
    }

    /** {@code ws://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "ws://127.0.0.1:" + getPort() + path;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        onOpen.accept(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
