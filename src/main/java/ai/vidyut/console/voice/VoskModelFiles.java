package ai.vidyut.console.voice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the English Vosk model and unpacks it once into {@code <dataDir>/vosk/model-en-us}. The model ships in
 * Maven Central as {@code com.alphacephei:vosk-model-en:0.3.45:aar} with the files under {@code assets/model-en-us/}.
 * Looked for, in order: {@code -Dvidyut.vosk.model=DIR} or {@code $VIDYUT_VOSK_MODEL} (an unpacked model), the
 * unpacked copy in the data folder, the aar on the class path, an aar in the {@code lib/} folder beside the
 * running jar, and the aar in the local Maven repository.
 */
public final class VoskModelFiles {

    public static final String AAR_PREFIX = "vosk-model-en-";
    public static final String ENTRY_PREFIX = "assets/model-en-us/";
    private static final String MARKER = ".unpacked";
    private static final Logger LOG = LoggerFactory.getLogger(VoskModelFiles.class);

    private VoskModelFiles() {
    }

    public static Path modelDir(Path dataDir) {
        return dataDir.resolve("vosk").resolve("model-en-us");
    }

    /** The model folder, unpacking the aar into the data folder first if needed. */
    public static Path ensureModel(Path dataDir) {
        String configured = System.getProperty("vidyut.vosk.model", System.getenv("VIDYUT_VOSK_MODEL"));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isRegularFile(dir.resolve("am/final.mdl"))) {
                throw new IllegalStateException("no Vosk model in " + dir + " (am/final.mdl missing)");
            }
            return dir;
        }
        Path target = modelDir(dataDir);
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        Path aar = findAar();
        if (aar == null) {
            throw new IllegalStateException("the Vosk model com.alphacephei:vosk-model-en:0.3.45 (aar) was found neither "
                    + "on the class path, nor in lib/ beside the jar, nor in ~/.m2; put an unpacked model in " + target
                    + " or set -Dvidyut.vosk.model=DIR");
        }
        unpack(aar, target);
        return target;
    }

    static Path findAar() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (Path.of(entry).getFileName() != null && Path.of(entry).getFileName().toString().startsWith(AAR_PREFIX)) {
                candidates.add(Path.of(entry));
            }
        }
        URL resource = VoskModelFiles.class.getClassLoader().getResource(ENTRY_PREFIX + "am/final.mdl");
        if (resource != null && "jar".equals(resource.getProtocol())) {
            String path = resource.getPath();
            try {
                candidates.add(Path.of(new URL(path.substring(0, path.indexOf("!/"))).toURI()));
            } catch (IOException | URISyntaxException | RuntimeException e) {
                LOG.debug("cannot locate {}", resource, e);
            }
        }
        try {
            Path jar = Path.of(VoskModelFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("lib");
            candidates.addAll(aarsIn(lib));
        } catch (URISyntaxException | RuntimeException e) {
            LOG.debug("cannot locate the running jar", e);
        }
        candidates.addAll(aarsIn(Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "alphacephei",
                "vosk-model-en", "0.3.45")));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static List<Path> aarsIn(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, AAR_PREFIX + "*.aar")) {
            ds.forEach(out::add);
        } catch (IOException e) {
            LOG.debug("cannot list {}", dir, e);
        }
        return out;
    }

    /** Unpacks into a sibling temp folder and moves it into place, so a half-unpacked model is never used. */
    static void unpack(Path aar, Path target) {
        LOG.info("unpacking the Vosk model from {} into {}", aar, target);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), "model-unpacking-");
            try (ZipFile zip = new ZipFile(aar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.getName().startsWith(ENTRY_PREFIX) || e.isDirectory()) {
                        continue;
                    }
                    Path out = tmp.resolve(e.getName().substring(ENTRY_PREFIX.length())).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!Files.isRegularFile(tmp.resolve("am/final.mdl"))) {
                deleteTree(tmp);
                throw new IllegalStateException(aar + " holds no " + ENTRY_PREFIX + "am/final.mdl");
            }
            Files.writeString(tmp.resolve(MARKER), aar.getFileName().toString());
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            } catch (IOException e) {
                // another process unpacked it meanwhile
                deleteTree(tmp);
                if (!Files.isRegularFile(target.resolve(MARKER))) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Vosk model into " + target, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
