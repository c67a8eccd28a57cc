package io.gau.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.shared.GauBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Errors that Jetty raises before Jersey runs still answer with the JSON envelope, never HTML or nothing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JsonErrorHandlerTest {

  public static class BareApplication extends Application<Configuration> {
    @Override
    public void initialize(Bootstrap<Configuration> bootstrap) {
      bootstrap.addBundle(new GauBundle());
    }

    @Override
    public void run(Configuration configuration, Environment environment) {}

    @Override
    protected void onFatalError(Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          BareApplication.class,
          null,
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"));

  @Test
  void ambiguousEncodedPathIsA400Envelope() throws IOException {
    String response = rawGet("/images/%2e%2e/%2e%2e/etc/passwd", "");
    assertThat(response).startsWith("HTTP/1.1 400").contains("application/json").contains("\"code\":\"bad_request\"");
  }

  @Test
  void everyMethodGetsTheEnvelopeNotOnlyGetAndPost() throws IOException {
    for (String method : new String[] {"DELETE", "PUT", "PATCH", "OPTIONS"}) {
      String response = raw(method, "/images/%2e%2e/%2e%2e/etc/passwd", "");
      assertThat(response).as(method).startsWith("HTTP/1.1 400").contains("\"code\":\"bad_request\"");
    }
  }

  @Test
  void oversizeHeadersAreA431Envelope() throws IOException {
    String response = rawGet("/x", "X-Big: " + "a".repeat(20_000) + "\r\n");
    assertThat(response).startsWith("HTTP/1.1 431").contains("\"code\":\"headers_too_large\"");
  }

  @Test
  void browsersAskingForHtmlStillGetJson() throws IOException {
    String response = rawGet("/images/%2e%2e/%2e%2e/etc/passwd", "Accept: text/html\r\n");
    assertThat(response).contains("application/json").doesNotContain("<html");
  }

  private static String rawGet(String path, String extraHeaders) throws IOException {
    return raw("GET", path, extraHeaders);
  }

  private static String raw(String method, String path, String extraHeaders) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extraHeaders + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
