package ai.vidyut.console.maintain;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model files: a small header (magic, model kind, format version) followed by the Java-serialized model, so that a
 * wrong or outdated file is rejected with a clear message instead of a class-cast deep inside a prediction.
 */
public final class ModelFiles {

    static final String MAGIC = "VIDYUT-MODEL";

    private ModelFiles() {
    }

    public static void write(Path file, String kind, int formatVersion, Serializable model) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(kind);
            out.writeInt(formatVersion);
            ObjectOutputStream oos = new ObjectOutputStream(out);
            oos.writeObject(model);
            oos.flush();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static <T> T read(Path file, String kind, int formatVersion, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file not found: " + file);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException(file + " is not a Vidyut model file");
            }
            String fileKind = in.readUTF();
            if (!kind.equals(fileKind)) {
                throw new IllegalArgumentException(file + " holds a " + fileKind + " model, not a " + kind + " model");
            }
            int version = in.readInt();
            if (version != formatVersion) {
                throw new IllegalArgumentException(file + " is a " + kind + " model of format " + version
                        + "; this version reads format " + formatVersion + " (retrain the model)");
            }
            Object model = new ObjectInputStream(in).readObject();
            return type.cast(model);
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IllegalArgumentException(file + " cannot be read by this version: " + e.getMessage(), e);
        }
    }
}
