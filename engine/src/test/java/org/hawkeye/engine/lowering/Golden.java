package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Golden resources in the style of Calcite's RelOptRulesTest.xml: one TestCase per test, holding named texts
 * (graphBefore, graphAfter). A test compares what it computed with the file; {@code -Dgolden.update=true} writes
 * what it computed instead, and a reviewer reads the diff.
 */
final class Golden {
    private final Path file;
    private final Map<String, Map<String, String>> cases = new TreeMap<>();

    Golden(String name) {
        // tests run in the module folder, so the file can be both read and rewritten in the sources
        file = Path.of("src/test/resources/golden", name);
        if (Files.isRegularFile(file)) {
            read();
        }
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Asserts each resource of {@code testCase} equals the golden text, or records it when updating. */
    synchronized void check(String testCase, Map<String, String> actual) {
        if (updating()) {
            cases.put(testCase, new LinkedHashMap<>(actual));
            write();
            return;
        }
        Map<String, String> expected = cases.get(testCase);
        assertThat(expected).as("no TestCase '" + testCase + "' in " + file + " (run with -Dgolden.update=true)")
                .isNotNull();
        actual.forEach((name, text) -> assertThat(text).as(testCase + " " + name + " in " + file)
                .isEqualTo(expected.get(name)));
    }

    private void read() {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            NodeList tcs = doc.getElementsByTagName("TestCase");
            for (int i = 0; i < tcs.getLength(); i++) {
                Element tc = (Element) tcs.item(i);
                Map<String, String> res = new LinkedHashMap<>();
                NodeList rs = tc.getElementsByTagName("Resource");
                for (int j = 0; j < rs.getLength(); j++) {
                    Element r = (Element) rs.item(j);
                    res.put(r.getAttribute("name"), r.getTextContent().strip() + "\n");
                }
                cases.put(tc.getAttribute("name"), res);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private void write() {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("Root");
            doc.appendChild(root);
            cases.forEach((name, res) -> {
                Element tc = doc.createElement("TestCase");
                tc.setAttribute("name", name);
                res.forEach((rn, text) -> {
                    Element r = doc.createElement("Resource");
                    r.setAttribute("name", rn);
                    r.appendChild(doc.createCDATASection("\n" + text));
                    tc.appendChild(r);
                });
                root.appendChild(tc);
            });
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file)) {
                t.transform(new DOMSource(doc), new StreamResult(out));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot write " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
