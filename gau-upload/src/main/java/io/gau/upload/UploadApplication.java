package io.gau.upload;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.lifecycle.Managed;
import io.gau.shared.GauBundle;
import io.gau.shared.http.InternalApiGuard;
import io.gau.upload.core.CdnInvalidator;
import io.gau.upload.core.FileService;
import io.gau.upload.core.ImageUploadService;
import io.gau.upload.core.ObjectStore;
import io.gau.upload.resources.FileResource;
import io.gau.upload.resources.ImageResource;
import java.util.Set;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.s3.S3Client;

/** gau-upload: validated image and file writes into object storage, for internal callers only. */
public class UploadApplication extends Application<UploadConfiguration> {
  /** Room for multipart boundaries and the small form fields next to the largest allowed file. */
  private static final long MULTIPART_OVERHEAD = 1024 * 1024;

  public static void main(String[] args) throws Exception {
    new UploadApplication().run(args);
  }

  @Override
  public String getName() {
    return "gau-upload";
  }

  @Override
  public void initialize(Bootstrap<UploadConfiguration> bootstrap) {
    bootstrap.addBundle(new GauBundle());
    bootstrap.addBundle(new MultiPartBundle());
  }

  @Override
  public void run(UploadConfiguration configuration, Environment environment) {
    S3Client storage = configuration.getStorage().build(environment);
    // no health check: upload keeps working without the CDN's Redis, invalidation is best effort
    RedisClient redis = configuration.getRedis().build();
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        redis.close();
      }
    });

    ObjectStore store = new ObjectStore(storage);
    CdnInvalidator invalidator =
        new CdnInvalidator(redis, configuration.getCdn().getCacheKeyPrefix(), configuration.getCdn().getInvalidationChannel());
    ImageUploadService images =
        new ImageUploadService(store, invalidator, configuration.getImages(), configuration.getCdn().getBaseUrl());
    FileService files = new FileService(store, invalidator, configuration.getFiles());

    // a body larger than any allowed upload is cut off by Jetty before multipart parsing spools it
    long maxBody =
        Math.max(configuration.getImages().getMaxSize().toBytes(), configuration.getFiles().getMaxSize().toBytes())
            + MULTIPART_OVERHEAD;
    environment.getApplicationContext().insertHandler(new SizeLimitHandler(maxBody, -1));
    // inserted last, so it is the outermost handler: nothing is read or routed before the caller is known
    InternalApiGuard.install(environment, configuration.getInternalCallers(), Set.of());

    environment.jersey().register(new ImageResource(images));
    environment.jersey().register(new FileResource(files));
  }
}
