package ai.vidyut.console.ui.views;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;

/** Loads a view's FXML with a controller factory that hands the controller its {@link ViewContext}. */
public final class ViewLoader {

    /** A loaded view. */
    public record Loaded(ViewSpec spec, Parent root, Object controller) {
    }

    private final ViewContext context;

    public ViewLoader(ViewContext context) {
        this.context = context;
    }

    public Loaded load(ViewSpec spec) {
        URL url = ViewLoader.class.getResource(spec.fxmlPath());
        if (url == null) {
            throw new IllegalStateException("view " + spec.id() + ": no " + spec.fxmlPath() + " on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::newController);
        try {
            Parent root = loader.load();
            return new Loaded(spec, root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + spec.id(), e);
        }
    }

    /** Loads any FXML (dialogs too) with the same controller factory. */
    public <T> T loadInto(String fxmlPath, java.util.function.BiFunction<Parent, Object, T> result) {
        FXMLLoader loader = new FXMLLoader(ViewLoader.class.getResource(fxmlPath));
        loader.setControllerFactory(this::newController);
        try {
            Parent root = loader.load();
            return result.apply(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxmlPath, e);
        }
    }

    private Object newController(Class<?> type) {
        try {
            try {
                Constructor<?> withContext = type.getConstructor(ViewContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        }
    }
}
