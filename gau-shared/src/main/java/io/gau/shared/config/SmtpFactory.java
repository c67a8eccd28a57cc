package io.gau.shared.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The {@code smtp:} block: relay address, transport security, credentials and sender identity. */
public class SmtpFactory {
  /** PLAIN only for a local capture server; STARTTLS (587) or SMTPS (465) anywhere real. */
  public enum Transport {
    PLAIN,
    STARTTLS,
    SMTPS
  }

  @NotEmpty private String host = "127.0.0.1";

  @Min(1)
  @Max(65535)
  private int port = 587;

  @NotNull private Transport transport = Transport.STARTTLS;
  private String username;
  private String password;
  @NotEmpty @Email private String fromAddress = "noreply@gauas.online";
  @NotEmpty private String fromName = "Gau";
  @Email private String replyTo;
  @NotNull private Duration connectTimeout = Duration.seconds(5);
  @NotNull private Duration sessionTimeout = Duration.seconds(30);

  @Min(1)
  private int connectionPoolSize = 4;

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public Transport getTransport() {
    return transport;
  }

  @JsonProperty
  public void setTransport(Transport transport) {
    this.transport = transport;
  }

  @JsonProperty
  public String getUsername() {
    return username;
  }

  @JsonProperty
  public void setUsername(String username) {
    this.username = username;
  }

  @JsonProperty
  public String getPassword() {
    return password;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password;
  }

  @JsonProperty
  public String getFromAddress() {
    return fromAddress;
  }

  @JsonProperty
  public void setFromAddress(String fromAddress) {
    this.fromAddress = fromAddress;
  }

  @JsonProperty
  public String getFromName() {
    return fromName;
  }

  @JsonProperty
  public void setFromName(String fromName) {
    this.fromName = fromName;
  }

  @JsonProperty
  public String getReplyTo() {
    return replyTo;
  }

  @JsonProperty
  public void setReplyTo(String replyTo) {
    this.replyTo = replyTo;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @JsonProperty
  public Duration getSessionTimeout() {
    return sessionTimeout;
  }

  @JsonProperty
  public void setSessionTimeout(Duration sessionTimeout) {
    this.sessionTimeout = sessionTimeout;
  }

  @JsonProperty
  public int getConnectionPoolSize() {
    return connectionPoolSize;
  }

  @JsonProperty
  public void setConnectionPoolSize(int connectionPoolSize) {
    this.connectionPoolSize = connectionPoolSize;
  }
}
