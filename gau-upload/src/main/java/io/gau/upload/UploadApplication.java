package io.gau.upload;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.gau.shared.GauBundle;
import io.gau.shared.http.PrivateKeyFilter;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** gau-upload: validated image and file writes into object storage, for internal callers only. */
public class UploadApplication extends Application<UploadConfiguration> {

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
  }

  @Override
  public void run(UploadConfiguration configuration, Environment environment) {
    S3Client storage = configuration.getStorage().build(environment);

    environment.jersey().register(new PrivateKeyFilter(configuration.getPrivateKey(), List.of("api/v2/upload")));
  }
}
