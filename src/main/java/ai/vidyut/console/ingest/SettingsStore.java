package ai.vidyut.console.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The saved connections, in {@code connections.json} in the data folder. Passwords are encrypted with
 * AES-256-GCM under a key kept in {@code settings.key} beside it, created on first use readable by the owner
 * only; the JSON file never holds a password in clear. (Whoever can read both files can decrypt: this keeps
 * passwords out of backups, screenshots and casual reading of the settings, not away from the account owner.)
 */
public final class SettingsStore {

    public static final String FILE_NAME = "connections.json";
    public static final String KEY_FILE_NAME = "settings.key";
    private static final String ENCRYPTED_PREFIX = "aesgcm:";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path keyFile;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.keyFile = dataDir.resolve(KEY_FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public synchronized List<ConnectionSettings> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<ConnectionSettings> out = new ArrayList<>();
            for (JsonNode n : root.path("connections")) {
                String encrypted = text(n, "password");
                out.add(new ConnectionSettings(text(n, "id"), ConnectionSettings.Kind.valueOf(text(n, "kind")),
                        text(n, "name"), text(n, "url"), text(n, "topicFilter"), text(n, "clientId"),
                        text(n, "username"), encrypted == null ? null : decrypt(encrypted),
                        n.path("mqttVersion").asInt(5), n.path("enabled").asBoolean(true)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("corrupt connection settings in " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void save(List<ConnectionSettings> connections) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("connections");
        for (ConnectionSettings c : connections) {
            ObjectNode n = list.addObject();
            n.put("id", c.id());
            n.put("kind", c.kind().name());
            n.put("name", c.name());
            n.put("url", c.url());
            if (c.kind() == ConnectionSettings.Kind.MQTT) {
                n.put("topicFilter", c.topicFilter());
                n.put("clientId", c.clientId());
                n.put("mqttVersion", c.mqttVersion());
            }
            if (c.username() != null) {
                n.put("username", c.username());
            }
            if (c.password() != null) {
                n.put("password", encrypt(c.password()));
            }
            n.put("enabled", c.enabled());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds the connection, or replaces the one with the same id. */
    public synchronized void put(ConnectionSettings connection) {
        List<ConnectionSettings> all = new ArrayList<>(load());
        all.removeIf(c -> c.id().equals(connection.id()));
        all.add(connection);
        save(all);
    }

    public synchronized boolean remove(String id) {
        List<ConnectionSettings> all = new ArrayList<>(load());
        boolean removed = all.removeIf(c -> c.id().equals(id));
        if (removed) {
            save(all);
        }
        return removed;
    }

    public Optional<ConnectionSettings> find(String id) {
        return load().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    String encrypt(String clear) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, iv));
            byte[] ct = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return ENCRYPTED_PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt password: " + e.getMessage(), e);
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(ENCRYPTED_PREFIX)) {
            throw new IllegalArgumentException("password is not in the encrypted form");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(ENCRYPTED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a saved password (was " + keyFile
                    + " replaced?): " + e.getMessage(), e);
        }
    }

    private byte[] key() {
        try {
            if (Files.exists(keyFile)) {
                byte[] key = Files.readAllBytes(keyFile);
                if (key.length != 32) {
                    throw new IllegalStateException(keyFile + " is not a 256-bit key");
                }
                return key;
            }
            Files.createDirectories(keyFile.getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            boolean posix = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix");
            try {
                if (posix) {
                    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(ownerOnly));
                } else {
                    Files.createFile(keyFile);
                }
            } catch (FileAlreadyExistsException raced) {
                return key();
            }
            Files.write(keyFile, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + keyFile + ": " + e.getMessage(), e);
        }
    }
}
