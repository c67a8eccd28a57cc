package io.gau.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed from trusted proxies only, and only back to the first untrusted hop. */
class ClientAddressTest {
  private final ClientAddress behindTraefik = new ClientAddress(List.of("10.42.0.0/16", "127.0.0.1", "::1"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      // a client that reaches the pod directly cannot choose its address
      "203.0.113.9 | 1.2.3.4                  | 203.0.113.9",
      "10.43.0.5   | 1.2.3.4                  | 10.43.0.5",
      // through Traefik: the hop Traefik appended is the client
      "10.42.3.7   | 198.51.100.20            | 198.51.100.20",
      // the client wrote its own header first: only the hop Traefik added counts
      "10.42.3.7   | 1.2.3.4, 198.51.100.20   | 198.51.100.20",
      "10.42.3.7   | 127.0.0.1, 198.51.100.20 | 198.51.100.20",
      // two trusted proxies in a row are skipped
      "10.42.3.7   | 198.51.100.20, 10.42.9.9 | 198.51.100.20",
      // a malformed hop stops the walk at the last address a trusted party vouched for
      "10.42.3.7   | 1.2.3.4, evil.example    | 10.42.3.7",
      "10.42.3.7   | 1.2.3.4, 10.42.0.8, junk  | 10.42.3.7",
      "10.42.3.7   | 1.2.3.4:80                | 10.42.3.7",
      "10.42.3.7   | ''                        | 10.42.3.7",
      // every hop trusted: the leftmost one
      "10.42.3.7   | 10.42.1.1, 10.42.2.2      | 10.42.1.1",
      // IPv6, written any way, comes out in one canonical form
      "::1         | 2001:DB8:0:0:0:0:0:1      | 2001:db8::1",
      "[::1]       | 2001:db8::1               | 2001:db8::1",
      "0:0:0:0:0:0:0:1 | 2001:db8::2           | 2001:db8::2",
  })
  void theClientIsTheFirstHopNoTrustedProxyVouchesFor(String peer, String header, String client) {
    assertThat(behindTraefik.of(peer, List.of(header))).isEqualTo(client);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsNeverRead() {
    ClientAddress direct = new ClientAddress(List.of());
    assertThat(direct.of("127.0.0.1", List.of("1.2.3.4"))).isEqualTo("127.0.0.1");
    assertThat(direct.of("10.42.3.7", List.of())).isEqualTo("10.42.3.7");
  }

  @Test
  void severalHeadersAreOneList() {
    assertThat(behindTraefik.of("10.42.3.7", List.of("1.2.3.4", "198.51.100.20"))).isEqualTo("198.51.100.20");
  }

  @Test
  void anOverlongChainIsReadOnlyAFewHopsFromTheRight() {
    List<String> hops = new java.util.ArrayList<>(Collections.nCopies(ClientAddress.MAX_HOPS + 5, "10.42.0.1"));
    hops.set(0, "1.2.3.4");
    assertThat(behindTraefik.of("10.42.3.7", List.of(String.join(",", hops)))).isEqualTo("10.42.0.1");
  }

  @Test
  void aTrustedProxyThatIsNotAnAddressIsAConfigurationError() {
    assertThatThrownBy(() -> new ClientAddress(List.of("traefik.kube-system")))
        .hasMessageContaining("traefik.kube-system");
    assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0/8x"))).isInstanceOf(IllegalArgumentException.class);
  }
}
