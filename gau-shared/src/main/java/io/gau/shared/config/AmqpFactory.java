package io.gau.shared.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.gau.shared.health.AmqpHealthCheck;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The {@code amqp:} block: an AMQP 0-9-1 broker URI (RabbitMQ in production, Qpid in the local stack)
 * and the connection's heartbeat and recovery behaviour.
 */
public class AmqpFactory {
  /** {@code amqp[s]://user:password@host:port/vhost}; the password comes from the environment. */
  @NotEmpty private String uri = "amqp://guest:guest@127.0.0.1:5672/";

  @NotNull private Duration heartbeat = Duration.seconds(15);
  @NotNull private Duration connectionTimeout = Duration.seconds(5);
  /** How soon a lost connection is re-established (topology and consumers are recovered with it). */
  @NotNull private Duration recoveryInterval = Duration.seconds(1);

  @JsonProperty
  public String getUri() {
    return uri;
  }

  @JsonProperty
  public void setUri(String uri) {
    this.uri = uri;
  }

  @JsonProperty
  public Duration getHeartbeat() {
    return heartbeat;
  }

  @JsonProperty
  public void setHeartbeat(Duration heartbeat) {
    this.heartbeat = heartbeat;
  }

  @JsonProperty
  public Duration getConnectionTimeout() {
    return connectionTimeout;
  }

  @JsonProperty
  public void setConnectionTimeout(Duration connectionTimeout) {
    this.connectionTimeout = connectionTimeout;
  }

  @JsonProperty
  public Duration getRecoveryInterval() {
    return recoveryInterval;
  }

  @JsonProperty
  public void setRecoveryInterval(Duration recoveryInterval) {
    this.recoveryInterval = recoveryInterval;
  }

  /** A connection factory with automatic recovery, for callers that manage their own connections. */
  public ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (Exception e) {
      // never echo the URI: it carries the password
      throw new IllegalArgumentException("amqp.uri is not a valid amqp:// URI", e);
    }
    factory.setRequestedHeartbeat((int) heartbeat.toSeconds());
    factory.setConnectionTimeout((int) connectionTimeout.toMilliseconds());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(recoveryInterval.toMilliseconds());
    return factory;
  }

  /**
   * Opens one recovering connection named after the service, closes it on shutdown and registers an
   * "amqp" health check. Fails start-up when the broker cannot be reached.
   */
  public Connection build(Environment environment, String connectionName) {
    Connection connection;
    try {
      connection = connectionFactory().newConnection(connectionName);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot connect to the AMQP broker at amqp.uri: " + e.getMessage(), e);
    }
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() throws IOException {
        if (connection.isOpen()) {
          connection.close();
        }
      }
    });
    environment.healthChecks().register("amqp", new AmqpHealthCheck(connection));
    return connection;
  }
}
