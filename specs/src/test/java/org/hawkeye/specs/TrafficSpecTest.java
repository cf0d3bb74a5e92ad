package org.hawkeye.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who sends what: models.traffic, bits per sending party (sent), calls with exchanged roles, the setup protocol. */
class TrafficSpecTest {
    /** A valid two-party framework splitting its traffic; line numbers below refer to this text. */
    static final String DUPLEX = """
            name: duplex
            title: Duplex
            description: "a client/server framework for tests"
            models:
              project: example/duplex
              version: "1.0"
              parties: 2
              security: semi-honest
              traffic:
                split: per_party
                parties: [server, client]
                why: "the client asks, the server answers"
            defaults:
              weights: public
            setup: keys
            protocols:
              keys:
                doc: "the client's keys"
                source: "duplex paper"
                online: {sent: {client: "1000"}, rounds: "1"}
              ot:
                doc: "n OTs, the server sending"
                args: [n]
                source: "duplex paper, eq. 1"
                online: {sent: {server: "2 * 64 * n", client: "128 * n"}, rounds: "2"}
              both:
                doc: "one OT each way"
                args: [n]
                source: "duplex paper, eq. 2"
                online: {bits: "0", rounds: "0"}
                calls:
                  - {protocol: ot, args: {n: "n"}}
                  - {protocol: ot, args: {n: "n"}, parties: {server: client, client: server}}
            """;

    @TempDir
    Path dir;

    private FrameworkFolder load(String yaml) throws IOException {
        String name = yaml.contains("name: duplex") ? "duplex" : "toy";
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("framework.yaml"), yaml);
        return SpecLibrary.load(List.of(folder)).framework(name);
    }

    private String file(String name) {
        return dir.resolve(name) + "/framework.yaml";
    }

    @Test
    void aPerPartyFrameworkLoadsWithItsPartiesSetupAndRoleMaps() throws IOException {
        FrameworkFolder f = load(DUPLEX);
        assertThat(f.spec().models().partyNames()).containsExactly("server", "client");
        assertThat(f.spec().setup()).isEqualTo("keys");
        assertThat(f.spec().protocol("ot").online().sent()).containsOnlyKeys("server", "client");
        assertThat(f.spec().protocol("both").calls().get(1).parties())
                .isEqualTo(Map.of("server", "client", "client", "server"));
    }

    @Test
    void aTotalInAPerPartyFrameworkIsAnError() {
        assertThatThrownBy(() -> load(DUPLEX.replace("{sent: {client: \"1000\"}", "{bits: \"1000\"")))
                .hasMessage(file("duplex") + ":20:21: protocol 'keys': duplex splits traffic per party: give sent: "
                        + "{server: ..., client: ...} instead of bits");
    }

    @Test
    void anUnknownPartyIsNamedWhereItStands() {
        assertThatThrownBy(() -> load(DUPLEX.replace("{client: \"1000\"}", "{cliend: \"1000\"}")))
                .hasMessage(file("duplex") + ":20:30: protocol 'keys': unknown party 'cliend' in sent (parties: "
                        + "server, client)");
    }

    @Test
    void bitsAndSentTogetherAreAnError() {
        assertThatThrownBy(() -> load(DUPLEX.replace("{sent: {client: \"1000\"}", "{bits: \"0\", sent: {client: \"1\"}")))
                .hasMessage(file("duplex") + ":18:5: protocol 'keys': give bits or sent (bits per sending party), "
                        + "exactly one of them");
    }

    @Test
    void aRoleMapMustExchangeTheParties() {
        assertThatThrownBy(() -> load(DUPLEX.replace("{server: client, client: server}", "{server: client, client: client}")))
                .hasMessage(file("duplex") + ":33:9: call of 'ot' in 'both': parties {server=client, client=client} "
                        + "must map each of [server, client] to a different one of them");
    }

    @Test
    void thePartiesMustBeNamedOnceEach() {
        assertThatThrownBy(() -> load(DUPLEX.replace("[server, client]", "[server]")))
                .hasMessage(file("duplex") + ": models.traffic.parties must name each of the 2 parties once, not [server]");
    }

    @Test
    void theSetupMustBeAProtocolWithoutArguments() {
        assertThatThrownBy(() -> load(DUPLEX.replace("setup: keys", "setup: ot")))
                .hasMessage(file("duplex") + ": setup: 'ot' must name a protocol without arguments");
    }

    @Test
    void sentAndRoleMapsNeedAPerPartyFramework() {
        String symmetric = DUPLEX.replace("split: per_party\n    parties: [server, client]", "split: symmetric");
        assertThatThrownBy(() -> load(symmetric))
                .hasMessage(file("duplex") + ":17:5: protocol 'keys' gives bits per party (sent), but "
                        + "models.traffic.split is not per_party");
        assertThatThrownBy(() -> load(symmetric.replace("split: symmetric", "split: symmetric\n    party_count: n")))
                .hasMessage(file("duplex") + ": models.traffic.party_count 'n' is not a parameter of duplex");
        assertThatThrownBy(() -> load(DUPLEX.replace("split: per_party", "split: lopsided")))
                .hasMessage(file("duplex") + ": models.traffic.split 'lopsided' is not per_party or symmetric");
    }
}
