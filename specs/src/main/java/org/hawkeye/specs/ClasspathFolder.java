package org.hawkeye.specs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder of resources as a {@link Path}, whether the classes run from a build folder or from a jar, so that
 * data shipped with hawkeye (spec folders, measurements) is listed and read like files on disk.
 */
public final class ClasspathFolder {
    private ClasspathFolder() {
    }

    /**
     * The folder {@code folder} (e.g. {@code "hawkeye-specs"}), found through a file known to lie inside it
     * ({@code probe}, relative to the folder).
     */
    public static synchronized Path of(Class<?> anchor, String folder, String probe) {
        URL url = anchor.getClassLoader().getResource(folder + "/" + probe);
        if (url == null) {
            throw new IllegalStateException(folder + "/" + probe + " missing from the classpath");
        }
        Path file = pathOf(url);
        if (file.getFileSystem() != FileSystems.getDefault()) {
            return file.getFileSystem().getPath(folder);
        }
        for (int i = 0; i < probe.split("/").length; i++) {
            file = file.getParent();
        }
        return file;
    }

    /** A resource's URL as a path: a file of a build folder, or an entry of a jar (whose file system it opens). */
    public static synchronized Path pathOf(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // Path.of finds the open one
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
    }
}
