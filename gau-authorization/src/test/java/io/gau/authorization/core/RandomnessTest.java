package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomnessTest {
  @Test
  void uuidsAreDistinctVersionFourRfcVariantLikeUuidRandomUuid() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      UUID uuid = Randomness.uuid();
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
      seen.add(uuid);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void eachThreadDrawsFromItsOwnGenerator() throws Exception {
    Object[] other = new Object[1];
    Thread thread = new Thread(() -> other[0] = Randomness.current());
    thread.start();
    thread.join();
    assertThat(other[0]).isNotNull().isNotSameAs(Randomness.current());
    assertThat(Randomness.bytes(32)).hasSize(32).isNotEqualTo(Randomness.bytes(32));
  }
}
