package io.gau.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.gau.shared.GauBundle;
import io.gau.shared.errors.ErrorResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PrivateKeyFilterTest {
  private static final String SECRET = "a-test-private-key-that-is-long-enough-0123";

  @jakarta.ws.rs.Path("/")
  @Produces(MediaType.APPLICATION_JSON)
  public static class Endpoints {
    @GET
    @jakarta.ws.rs.Path("api/v2/internal/thing")
    public String internal() {
      return "\"secret thing\"";
    }

    @GET
    @jakarta.ws.rs.Path("public/thing")
    public String open() {
      return "\"public thing\"";
    }
  }

  static final ResourceExtension RESOURCES = resources();

  private static ResourceExtension resources() {
    ResourceExtension.Builder builder =
        ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addResource(new Endpoints())
            .addProvider(new PrivateKeyFilter(SECRET, List.of("api/v2/internal")));
    GauBundle.providers().forEach(builder::addProvider);
    return builder.build();
  }

  @Test
  void missingKeyIs401Json() {
    Response response = RESOURCES.target("/api/v2/internal/thing").request().get();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.readEntity(ErrorResponse.class).code()).isEqualTo("private_key_required");
  }

  @Test
  void wrongKeyIs401Json() {
    Response response =
        RESOURCES.target("/api/v2/internal/thing").request().header("Private-Key", SECRET + "x").get();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.readEntity(ErrorResponse.class).code()).isEqualTo("private_key_invalid");
  }

  @Test
  void rightKeyPasses() {
    Response response = RESOURCES.target("/api/v2/internal/thing").request().header("Private-Key", SECRET).get();
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void pathsOutsideTheProtectedPrefixNeedNoKey() {
    assertThat(RESOURCES.target("/public/thing").request().get().getStatus()).isEqualTo(200);
  }

  @Test
  void refusesAMissingOrShortSecret() {
    assertThatThrownBy(() -> new PrivateKeyFilter("", List.of("x"))).hasMessageContaining("PRIVATE_KEY");
    assertThatThrownBy(() -> new PrivateKeyFilter(null, List.of("x"))).hasMessageContaining("PRIVATE_KEY");
    assertThatThrownBy(() -> new PrivateKeyFilter("too-short-secret", List.of("x"))).hasMessageContaining("32 bytes");
  }

  @Test
  void comparesInConstantTimeOverDigests() throws Exception {
    // the check must go through MessageDigest.isEqual, never String.equals (timing leak)
    String source =
        Files.readString(java.nio.file.Path.of("src/main/java/io/gau/shared/http/PrivateKeyFilter.java"));
    assertThat(source).contains("MessageDigest.isEqual(").doesNotContain(".equals(presented");
    PrivateKeyFilter filter = new PrivateKeyFilter(SECRET, List.of("x"));
    assertThat(filter.matches(SECRET)).isTrue();
    assertThat(filter.matches(SECRET.substring(1))).isFalse();
    assertThat(filter.matches("")).isFalse();
  }
}
