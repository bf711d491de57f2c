package ai.vidyut.console.ui;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.ui.shell.Shell;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A shell over an in-memory store backend, shown in a TestFX stage. */
public final class ShellFixture implements AutoCloseable {

    public final StoreBackend backend;
    public final Shell shell;

    private ShellFixture(StoreBackend backend, Shell shell) {
        this.backend = backend;
        this.shell = shell;
    }

    public static ShellFixture show(Stage stage, java.util.function.Consumer<StoreBackend> seed) {
        StoreBackend backend = new StoreBackend(Database.inMemory("ui-" + System.nanoTime()), true);
        seed.accept(backend);
        Shell shell = new Shell(backend);
        stage.setScene(shell.scene(1280, 800));
        stage.show();
        return new ShellFixture(backend, shell);
    }

    /** A shell over a running console (live pipeline, detection, training), shown in a TestFX stage. */
    public static Shell show(Stage stage, ai.vidyut.console.runtime.ConsoleRuntime runtime) {
        Shell shell = new Shell(new RuntimeBackend(runtime));
        stage.setScene(shell.scene(1280, 800));
        stage.show();
        return shell;
    }

        /** Waits (up to 20 s) for a condition evaluated on the FX thread. */
    public static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    /**
     * Fires a button (or checkbox) found by CSS id, like a click but without moving the pointer across the
     * screen step by step, which is slow on a loaded machine. Tests keep real clicks where the pointer matters.
     */
    public static void press(org.testfx.api.FxRobot robot, String query) {
        javafx.scene.control.ButtonBase b = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
        if (b.isDisabled()) {
            throw new AssertionError(query + " is disabled");
        }
        robot.interact(b::fire);
    }

    @Override
    public void close() {
        shell.close();
        backend.close();
    }
}
