package io.gau.shared.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.gau.shared.GauBundle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorEnvelopeTest {

  record Signup(
      @JsonProperty("email") @NotBlank @Email String email,
      @JsonProperty("user_id") @NotNull UUID userId) {}

  @Path("/things")
  @Produces(MediaType.APPLICATION_JSON)
  public static class ThingResource {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Signup create(@NotNull @Valid Signup signup) {
      return signup;
    }

    @GET
    @Path("conflict")
    public String conflict() {
      throw ApiException.conflict("email_taken", "Email is already registered");
    }

    @GET
    @Path("busy")
    public String busy() {
      throw ApiException.tooManyRequests("Slow down", 7);
    }

    @GET
    @Path("boom")
    public String boom() {
      throw new IllegalStateException("jdbc:postgresql://secret-host/db password=hunter2");
    }
  }

  static final ResourceExtension RESOURCES = resources();

  private static ResourceExtension resources() {
    ResourceExtension.Builder builder =
        ResourceExtension.builder().setRegisterDefaultExceptionMappers(false).addResource(new ThingResource());
    GauBundle.providers().forEach(builder::addProvider);
    return builder.build();
  }

  @Test
  void malformedJsonIsA400EnvelopeNotA500() {
    Response response = post("{\"email\": ");
    assertEnvelope(response, 400, "malformed_json");
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    Response response = post("{\"email\":\"a@b.co\",\"user_id\":\"not-a-uuid\"}");
    ErrorResponse body = assertEnvelope(response, 400, "invalid_json");
    assertThat(body.error()).contains("user_id");
  }

  @Test
  void validationFailureNamesEveryBadField() {
    Response response = post("{\"email\":\"nope\"}");
    ErrorResponse body = assertEnvelope(response, 400, "validation_failed");
    assertThat(body.error()).contains("email").contains("userId");
  }

  @Test
  void wrongContentTypeIs415Envelope() {
    Response response =
        RESOURCES.target("/things").request().post(Entity.entity("email=x", MediaType.APPLICATION_FORM_URLENCODED));
    assertEnvelope(response, 415, "unsupported_media_type");
  }

  @Test
  void unknownRouteIs404Envelope() {
    assertEnvelope(RESOURCES.target("/no/such/route").request().get(), 404, "not_found");
  }

  @Test
  void wrongMethodIs405EnvelopeWithAllowHeader() {
    Response response = RESOURCES.target("/things/conflict").request().delete();
    assertEnvelope(response, 405, "method_not_allowed");
    assertThat(response.getHeaderString("Allow")).contains("GET");
  }

  @Test
  void domainExceptionKeepsItsStatusAndCode() {
    ErrorResponse body = assertEnvelope(RESOURCES.target("/things/conflict").request().get(), 409, "email_taken");
    assertThat(body.error()).isEqualTo("Email is already registered");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    Response response = RESOURCES.target("/things/busy").request().get();
    assertEnvelope(response, 429, "too_many_requests");
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
  }

  @Test
  void unexpectedFailureLeaksNothing() {
    Response response = RESOURCES.target("/things/boom").request().get();
    String raw = response.readEntity(String.class);
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(raw).contains("\"code\":\"internal_error\"").doesNotContain("hunter2").doesNotContain("postgresql");
  }

  @Test
  void everyResponseCarriesARequestId() {
    Response generated = RESOURCES.target("/things/conflict").request().get();
    assertThat(generated.getHeaderString("X-Request-Id")).isNotBlank();
    Response echoed = RESOURCES.target("/things/conflict").request().header("X-Request-Id", "abc-123").get();
    assertThat(echoed.getHeaderString("X-Request-Id")).isEqualTo("abc-123");
    Response unsafe = RESOURCES.target("/things/conflict").request().header("X-Request-Id", "a b\tc").get();
    assertThat(unsafe.getHeaderString("X-Request-Id")).isNotEqualTo("a b\tc");
  }

  private static Response post(String json) {
    return RESOURCES.target("/things").request().post(Entity.entity(json, MediaType.APPLICATION_JSON));
  }

  private static ErrorResponse assertEnvelope(Response response, int status, String code) {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    ErrorResponse body = response.readEntity(ErrorResponse.class);
    assertThat(body.status()).isEqualTo(status);
    assertThat(body.code()).isEqualTo(code);
    assertThat(body.error()).isNotBlank();
    return body;
  }
}
