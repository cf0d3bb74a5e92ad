package org.hawkeye.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

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
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // the built-in specs come from the specs jar when Maven runs the reactor to verify; its file
                // system is open only once something has loaded the spec library, so open it here if need be
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened before: Path.of finds it
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
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
