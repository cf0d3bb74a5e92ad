package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Option;

/** {@code --specs DIR}, shared by every command that reads frameworks. */
public final class SpecsOption {
    @Option(names = "--specs", paramLabel = "DIR",
            description = "Also load frameworks from DIR (a framework folder or a folder of them); repeatable.")
    List<Path> dirs = new ArrayList<>();

    SpecLibrary library() {
        return SpecLibrary.load(dirs);
    }
}
