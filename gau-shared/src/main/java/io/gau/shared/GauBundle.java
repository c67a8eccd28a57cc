package io.gau.shared;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.gau.shared.errors.ApiExceptionMapper;
import io.gau.shared.errors.JsonProcessingExceptionMapper;
import io.gau.shared.errors.UnexpectedExceptionMapper;
import io.gau.shared.errors.ValidationExceptionMapper;
import io.gau.shared.errors.WebApplicationExceptionMapper;
import io.gau.shared.http.JsonErrorHandler;
import io.gau.shared.http.RequestIdFilter;

/**
 * What every Gau service does the same way: strict {@code ${ENV}} substitution in its YAML (a missing
 * variable stops start-up and is named), the one JSON error envelope for every failure Jersey or Jetty
 * can produce, and request ids in the MDC.
 */
public class GauBundle implements ConfiguredBundle<Configuration> {

  @Override
  public void initialize(Bootstrap<?> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
  }

  @Override
  public void run(Configuration configuration, Environment environment) {
    // Dropwizard's default mappers answer some errors in other shapes; ours cover the same cases
    if (configuration.getServerFactory() instanceof AbstractServerFactory serverFactory) {
      serverFactory.setRegisterDefaultExceptionMappers(false);
    }
    environment.jersey().register(new RequestIdFilter());
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new JsonProcessingExceptionMapper());
    environment.jersey().register(new ValidationExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());
    environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
  }
}
