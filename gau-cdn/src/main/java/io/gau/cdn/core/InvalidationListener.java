package io.gau.cdn.core;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Listens on the invalidation channel that gau-upload publishes {@code <bucket>/<key>} to and evicts those
 * objects from this replica's L1. Reconnects on its own; after a reconnect remembered 404s are forgotten
 * because uploads announced during the gap were missed.
 */
public class InvalidationListener implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(InvalidationListener.class);
  private static final long RECONNECT_MILLIS = 1_000;

  private final ObjectCache cache;
  private final HostAndPort address;
  private final String password;
  private final String channel;
  private final PubSub pubSub = new PubSub();
  private volatile boolean running;
  private Thread thread;

  public InvalidationListener(ObjectCache cache, String host, int port, String password, String channel) {
    this.cache = cache;
    this.address = new HostAndPort(host, port);
    this.password = password;
    this.channel = channel;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "cdn-invalidation");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    if (pubSub.isSubscribed()) {
      pubSub.unsubscribe();
    }
    thread.interrupt();
    thread.join(2_000);
  }

  /** True while subscribed (for health reporting and tests). */
  public boolean subscribed() {
    return pubSub.isSubscribed();
  }

  private void listen() {
    boolean warned = false;
    while (running) {
      // a dedicated connection without read timeout: a subscription is silent for long stretches
      DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().socketTimeoutMillis(0).connectionTimeoutMillis(2_000);
      if (password != null && !password.isEmpty()) {
        config.password(password);
      }
      try (Jedis jedis = new Jedis(address, config.build())) {
        cache.forgetNotFound();
        warned = false;
        jedis.subscribe(pubSub, channel);
      } catch (RuntimeException e) {
        if (running && !warned) {
          LOG.warn("CDN invalidation feed lost ({}); reconnecting", e.getClass().getSimpleName());
          warned = true;
        }
      }
      sleep();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private final class PubSub extends JedisPubSub {
    @Override
    public void onMessage(String ignoredChannel, String message) {
      cache.invalidate(message);
    }
  }
}
