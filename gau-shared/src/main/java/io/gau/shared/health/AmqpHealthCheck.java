package io.gau.shared.health;

import com.codahale.metrics.health.HealthCheck;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/** Readiness of the AMQP broker: the recovering connection is open and can open a channel. */
public class AmqpHealthCheck extends HealthCheck {
  private final Connection connection;

  public AmqpHealthCheck(Connection connection) {
    this.connection = connection;
  }

  @Override
  protected Result check() {
    if (!connection.isOpen()) {
      return Result.unhealthy("AMQP connection is closed (recovering)");
    }
    try (Channel channel = connection.createChannel()) {
      return channel.isOpen() ? Result.healthy() : Result.unhealthy("AMQP channel did not open");
    } catch (Exception e) {
      return Result.unhealthy("AMQP broker unreachable: " + e.getClass().getSimpleName());
    }
  }
}
