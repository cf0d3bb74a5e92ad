package org.hawkeye.engine;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of test resources (models, the toy framework). */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        URL url = TestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The toy framework folder: hand-checkable costs, loaded with --specs like a user's own framework. */
    public static Path toySpecs() {
        return resource("specs/toy");
    }

    public static Path lenet() {
        return resource("models/lenet.onnx");
    }
}
