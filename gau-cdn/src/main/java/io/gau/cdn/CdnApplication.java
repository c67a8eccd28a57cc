package io.gau.cdn;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.gau.shared.GauBundle;
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
    RedisClient redis = configuration.getRedis().build(environment);
    S3Client storage = configuration.getStorage().build(environment);
  }
}
