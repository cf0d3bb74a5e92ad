package org.hawkeye.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured CrypTen operation (see measurements/crypten-ops/SOURCE.md): the graph that stands for it, how the
 * run was configured, and what the parties really sent (bytes summed over both parties, sequential rounds).
 */
public record CryptenOpCase(String id, String description, String modelResource, boolean publicWeights,
                            boolean ttp, long bytesTotal, long rounds) {

    static final String ROOT = "/measurements/crypten-ops/";

    /** Every case of measured.json, in file order. */
    public static List<CryptenOpCase> all() {
        try (InputStream in = CryptenOpCase.class.getResourceAsStream(ROOT + "measured.json")) {
            if (in == null) {
                throw new IllegalStateException(ROOT + "measured.json missing from the classpath");
            }
            List<CryptenOpCase> cases = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                String provider = c.path("config").path("provider").asText();
                cases.add(new CryptenOpCase(
                        c.get("id").asText(),
                        c.get("description").asText(),
                        ROOT + c.get("model_file").asText(),
                        "public".equals(c.path("weights").asText()),
                        "TTP".equals(provider),
                        c.get("bytes_total").asLong(),
                        c.get("rounds").asLong()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model file's bytes. */
    public byte[] modelBytes() {
        try (InputStream in = CryptenOpCase.class.getResourceAsStream(modelResource)) {
            if (in == null) {
                throw new IllegalStateException(modelResource + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
