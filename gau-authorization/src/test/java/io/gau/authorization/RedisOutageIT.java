package io.gau.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.authorization.testing.AuthorizationStack;
import io.gau.shared.authorization.api.TokenPairResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Validation fails closed while Redis is down, and health and revocations recover when it is back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RedisOutageIT {
  static final AuthorizationStack STACK = AuthorizationStack.migrated();
  static final DropwizardAppExtension<AuthorizationConfiguration> APP =
      STACK.app(ConfigOverride.config("maintenance.keyActivationDelay", "0s"));

  final ApiCalls api = new ApiCalls(APP);

  @Test
  void validationAnswers503WhileRedisIsDownAndHealthRecoversWithinTwoSeconds() {
    assumeTrue(STACK.gau().embedded(), "needs the embedded Redis to stop it");
    TokenPairResponse live = api.issue(UUID.randomUUID(), "member", "phone");
    TokenPairResponse revoked = api.issue(UUID.randomUUID(), "member", "phone");
    try (Response response = api.authorized("token").header("X-Refresh-Token", revoked.refreshToken()).delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    STACK.gau().stopRedis();
    try {
      try (Response response = api.validateRequest(null).header("Authorization", "Bearer " + live.accessToken()).get()) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isNotBlank();
      }
      assertThat(health()).isEqualTo(500);
    } finally {
      STACK.gau().startRedis();
    }
    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).until(() -> health() == 200);
    await().atMost(Duration.ofSeconds(5)).until(() -> api.validateStatus(live.accessToken()) == 200);
    assertThat(api.validateStatus(revoked.accessToken())).isEqualTo(401);
  }

  private int health() {
    try (Response response =
        APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request().get()) {
      return response.getStatus();
    }
  }
}
