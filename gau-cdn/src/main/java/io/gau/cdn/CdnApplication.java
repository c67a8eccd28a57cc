package io.gau.cdn;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.gau.cdn.config.CacheSettings;
import io.gau.cdn.config.DeliverySettings;
import io.gau.cdn.core.CdnPaths;
import io.gau.cdn.core.InvalidationListener;
import io.gau.cdn.core.ObjectCache;
import io.gau.cdn.core.Origin;
import io.gau.cdn.core.RedisTier;
import io.gau.cdn.health.RedisCacheHealthCheck;
import io.gau.cdn.resources.ObjectServlet;
import io.gau.shared.GauBundle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.s3.S3Client;

/** gau-cdn: public image delivery from an in-process cache, Redis and object storage. */
public class CdnApplication extends Application<CdnConfiguration> {

  public static void main(String[] args) throws Exception {
    new CdnApplication().run(args);
  }

  @Override
  public String getName() {
    return "gau-cdn";
  }

  @Override
  public void initialize(Bootstrap<CdnConfiguration> bootstrap) {
    bootstrap.addBundle(new GauBundle());
  }

  @Override
  public void run(CdnConfiguration configuration, Environment environment) {
    CacheSettings cacheSettings = configuration.getCache();
    DeliverySettings delivery = configuration.getDelivery();
    InstantSource clock = InstantSource.system();
    // Redis is a cache here: its outage degrades (reported in /healthcheck) but never fails readiness
    RedisClient redis = configuration.getRedis().build();
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        redis.close();
      }
    });
    environment.healthChecks().register("redis-cache", new RedisCacheHealthCheck(redis));
    S3Client storage = configuration.getStorage().build(environment);

    long maxCacheable = cacheSettings.getMaxCacheableSize().toBytes();
    int retryAfter = (int) delivery.getRetryAfter().toSeconds();
    Origin origin = new Origin(storage, maxCacheable, clock);
    RedisTier redisTier =
        new RedisTier(
            redis, cacheSettings.getRedisKeyPrefix(), cacheSettings.getRedisTtl().toMilliseconds(), maxCacheable, clock,
            environment.metrics());
    redisTier.checkEvictionPolicy();
    ObjectCache cache =
        new ObjectCache(
            origin,
            redisTier,
            clock,
            cacheSettings.getL1MaxSize().toBytes(),
            Duration.ofMillis(cacheSettings.getL1Ttl().toMilliseconds()),
            Duration.ofMillis(cacheSettings.getNegativeTtl().toMilliseconds()),
            retryAfter,
            environment.metrics());
    environment.lifecycle().manage(
        new InvalidationListener(
            cache,
            configuration.getRedis().getHost(),
            configuration.getRedis().getPort(),
            configuration.getRedis().getPassword(),
            cacheSettings.getInvalidationChannel()));

    Set<String> publicBuckets = new HashSet<>(delivery.getPublicBuckets());
    CdnPaths paths = new CdnPaths(delivery.getImagesBucket(), publicBuckets);
    ObjectServlet servlet =
        new ObjectServlet(
            cache, origin, paths, environment.getObjectMapper(), delivery.getMaxAge().toSeconds(), delivery.getCorsOrigins(),
            retryAfter, environment.metrics());
    // the object routes own the whole path space; Jersey (error mappers, request ids) keeps /api/*
    environment.jersey().setUrlPattern("/api/*");
    environment.servlets().addServlet("objects", servlet).addMapping("/*");
    // see uriCompliance in config/cdn.yml: CdnPaths, not Jetty, rejects encoded slashes and dot segments
    environment.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
  }
}
