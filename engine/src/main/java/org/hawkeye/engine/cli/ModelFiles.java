package org.hawkeye.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.specs.ProfilerException;

/** The models a command was given: files as they are, folders as their {@code .onnx} files in name order. */
final class ModelFiles {
    private ModelFiles() {
    }

    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(p); // a missing file is reported by the importer, with its name
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                List<Path> models = s.filter(f -> f.getFileName().toString().endsWith(".onnx") && Files.isRegularFile(f))
                        .sorted().toList();
                if (models.isEmpty()) {
                    throw new ProfilerException(p.toString(), "no .onnx files in this folder");
                }
                out.addAll(models);
            } catch (IOException e) {
                throw new ProfilerException(p.toString(), "cannot list the folder: " + e.getMessage());
            }
        }
        return out;
    }

    /** Checks before any work that a report can be written there, so that a long run does not fail at the end. */
    static void checkOutputFolder(Path output) {
        if (output == null) {
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ProfilerException(output.toString(), "--output: folder " + parent + " does not exist");
        }
        org.hawkeye.specs.InputFiles.checkWritable(output, "--output");
    }
}
