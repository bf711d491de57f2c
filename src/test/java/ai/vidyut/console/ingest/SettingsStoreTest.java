package ai.vidyut.console.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savesConnectionsAndNeverWritesThePasswordInClear() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertThat(store.load()).isEmpty();
        ConnectionSettings mqtt = new ConnectionSettings(null, ConnectionSettings.Kind.MQTT, "Plant broker",
                "ssl://broker.example:8883", "vidyut/plant-1/+/telemetry", "console-7", "operator",
                "correct horse battery staple", 3, true);
        ConnectionSettings ws = ConnectionSettings.webSocket("ws://10.0.0.5:8787/ws/site/plant-2");
        store.save(List.of(mqtt, ws));

        String json = Files.readString(store.file());
        assertThat(json).doesNotContain("correct horse").contains("aesgcm:").contains("operator");
        assertThat(Files.getPosixFilePermissions(dir.resolve(SettingsStore.KEY_FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        List<ConnectionSettings> loaded = new SettingsStore(dir).load();
        assertThat(loaded).containsExactly(mqtt, ws);
        assertThat(loaded.get(0).tls()).isTrue();
        assertThat(loaded.get(0).mqttVersion()).isEqualTo(3);
        assertThat(loaded.get(0).toString()).doesNotContain("correct horse");
    }

    @Test
    void putReplacesByIdAndRemoveDeletes() {
        SettingsStore store = new SettingsStore(dir);
        ConnectionSettings a = ConnectionSettings.mqtt("tcp://localhost:1883", null);
        store.put(a);
        store.put(a.withName("renamed").withCredentials("u", "p"));
        assertThat(store.load()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("renamed");
            assertThat(c.password()).isEqualTo("p");
            assertThat(c.topicFilter()).isEqualTo(WireFormat.DEFAULT_TOPIC_FILTER);
            assertThat(c.clientId()).startsWith("vidyut-");
        });
        assertThat(store.remove(a.id())).isTrue();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void aReplacedKeyGivesAClearError() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.put(ConnectionSettings.mqtt("tcp://localhost:1883", null).withCredentials("u", "secret"));
        Files.write(dir.resolve(SettingsStore.KEY_FILE_NAME), new byte[32]);
        assertThatThrownBy(store::load).hasMessageContaining("cannot decrypt");
    }

    @Test
    void rejectsUnsupportedUrls() {
        assertThatThrownBy(() -> ConnectionSettings.Kind.fromUrl("http://x")).hasMessageContaining("unsupported URL scheme");
        assertThat(ConnectionSettings.Kind.fromUrl("mqtts://x")).isEqualTo(ConnectionSettings.Kind.MQTT);
        assertThat(ConnectionSettings.Kind.fromUrl("wss://x/ws")).isEqualTo(ConnectionSettings.Kind.WEBSOCKET);
    }
}
