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
import java.util.List;

/**
 * What every Gau service does the same way: strict {@code ${ENV}} substitution in its YAML (a missing
 * variable stops start-up and is named), the one JSON error envelope for every failure Jersey or Jetty
 * can produce, and request ids in the MDC.
 */
public class GauBundle implements ConfiguredBundle<Configuration> {

  /** The request-id filter and the exception mappers, also for {@code ResourceExtension} tests. */
  public static List<Object> providers() {
    return List.of(
        new RequestIdFilter(),
        new ApiExceptionMapper(),
        new WebApplicationExceptionMapper(),
        new JsonProcessingExceptionMapper(),
        new ValidationExceptionMapper(),
        new UnexpectedExceptionMapper());
  }

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
    providers().forEach(environment.jersey()::register);
    // after start, so that ours replaces the HTML handlers Dropwizard installs while building the server
    environment.lifecycle().addServerLifecycleListener(JsonErrorHandler::install);
  }
}
