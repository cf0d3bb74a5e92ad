package org.hawkeye.specs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
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
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(folder);
            }
            Path file = Path.of(uri);
            for (int i = 0; i < probe.split("/").length; i++) {
                file = file.getParent();
            }
            return file;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + folder + " at " + url, e);
        }
    }
}
