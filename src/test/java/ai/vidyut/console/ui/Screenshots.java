package ai.vidyut.console.ui;

import ai.vidyut.console.ui.connections.ConnectionsDialog;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.importer.ImportDialog;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Developer tool: runs the console on a data folder (demo when nothing is configured) and writes PNG snapshots
 * of the views and dialogs, to check the look without a display:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ... ai.vidyut.console.ui.Screenshots DATA_DIR OUT_DIR [warmupSeconds]}.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long warmup = args.length > 2 ? Long.parseLong(args[2]) : 20;
        Files.createDirectories(out);
        ConsoleBackend backend = Backends.open(dataDir);
        CompletableFuture<Shell> shellReady = new CompletableFuture<>();
        Platform.startup(() -> {
            Shell shell = new Shell(backend);
            Stage stage = new Stage();
            stage.setScene(shell.scene(1440, 900));
            stage.show();
            shellReady.complete(shell);
        });
        Shell shell = shellReady.get(30, TimeUnit.SECONDS);
        Thread.sleep(warmup * 1000);
        snap(shell.root().getScene(), out.resolve("dashboard.png"));
        fx(() -> shell.bus().publish(NavigateRequested.to(Views.HISTORY)));
        Thread.sleep(3000);
        snap(shell.root().getScene(), out.resolve("history.png"));
        fx(() -> shell.bus().publish(NavigateRequested.to(Views.SITES)));
        Thread.sleep(2000);
        snap(shell.root().getScene(), out.resolve("sites.png"));
        fx(() -> ImportDialog.show(shell.context()));
        Thread.sleep(1500);
        snapDialog(out.resolve("import.png"));
        fx(() -> ConnectionsDialog.show(shell.context()));
        Thread.sleep(1500);
        snapDialog(out.resolve("connections.png"));
        fx(() -> {
            shell.close();
            Platform.exit();
        });
        backend.close();
        System.exit(0);
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void snapDialog(Path file) throws Exception {
        CompletableFuture<Scene> scene = new CompletableFuture<>();
        Platform.runLater(() -> {
            Window last = null;
            for (Window w : Window.getWindows()) {
                last = w;
            }
            scene.complete(last == null ? null : last.getScene());
        });
        snap(scene.get(10, TimeUnit.SECONDS), file);
    }

    private static void snap(Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(scene.snapshot(null)));
        write(image.get(30, TimeUnit.SECONDS), file);
        System.out.println("wrote " + file);
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
