package io.gau.shared.health;

import com.codahale.metrics.health.HealthCheck;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Readiness of the SMTP relay: connect, expect the {@code 220} greeting, say {@code QUIT}. Sends no mail
 * and does not authenticate, so probing never counts against a provider's limits.
 */
public class SmtpHealthCheck extends HealthCheck {
  private static final int TIMEOUT_MS = 1500;
  private final String host;
  private final int port;

  public SmtpHealthCheck(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  protected Result check() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      // SMTPS (465) greets only after TLS: a connected socket is all we can check cheaply there
      if (port == 465) {
        return Result.healthy();
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String greeting = in.readLine();
      OutputStream out = socket.getOutputStream();
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return greeting != null && greeting.startsWith("220")
          ? Result.healthy()
          : Result.unhealthy("SMTP server greeted with: " + greeting);
    } catch (Exception e) {
      return Result.unhealthy("SMTP server " + host + ":" + port + " unreachable: " + e.getClass().getSimpleName());
    }
  }
}
