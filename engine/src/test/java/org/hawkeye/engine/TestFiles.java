package org.hawkeye.engine;

import java.net.URL;
import java.nio.file.Path;
import org.hawkeye.specs.ClasspathFolder;

/** Paths of test resources (models, the toy framework). */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        URL url = TestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        // the built-in specs come from the specs jar when Maven runs the reactor to verify
        return ClasspathFolder.pathOf(url);
    }

    /** The toy framework folder: hand-checkable costs, loaded with --specs like a user's own framework. */
    public static Path toySpecs() {
        return resource("specs/toy");
    }

    public static Path lenet() {
        return resource("models/lenet.onnx");
    }
}
