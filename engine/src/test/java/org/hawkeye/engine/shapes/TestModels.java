package org.hawkeye.engine.shapes;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;

/** The small ONNX files copied into the test resources, so core tests never need the shared folder. */
final class TestModels {

    private TestModels() {
    }

    static Path resourceDir() {
        return path("lenet.onnx").getParent();
    }

    static Path path(String fileName) {
        URL url = TestModels.class.getResource("/onnx/" + fileName);
        if (url == null) {
            throw new IllegalStateException("test resource onnx/" + fileName + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Graph read(String fileName) {
        return OnnxImporter.read(path(fileName));
    }
}
