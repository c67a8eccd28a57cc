package io.gau.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmailConfigurationTest {
  private static final Path ROOT = Path.of(System.getProperty("gau.root", ".."));

  private EmailConfiguration load(String file) throws Exception {
    var factory = new YamlConfigurationFactory<>(EmailConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    // production needs its secrets from the environment: substitute defaults only, non-strict
    var provider = new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false));
    return factory.build(provider, ROOT.resolve(file).toString());
  }

  @Test
  void localConfigurationKeepsTheReferenceNamesAndLocalLinkOrigins() throws Exception {
    EmailConfiguration config = load("config/local/email.yml");
    assertThat(config.getMessaging().getExchange()).isEqualTo("email_exchange");
    assertThat(config.getMessaging().getQueue()).isEqualTo("email_queue");
    assertThat(config.getMessaging().getBindingKey()).isEqualTo("email.*");
    assertThat(config.getMessaging().getDeadLetterQueue()).isEqualTo("email_dlq");
    assertThat(config.getMessaging().getRetryDelays()).hasSize(3);
    assertThat(config.getTemplates().getAllowedLinkOrigins()).contains("http://127.0.0.1:8080", "http://localhost:8080");
  }

  @Test
  void productionConfigurationParsesWithItsDefaults() throws Exception {
    EmailConfiguration config = load("config/email.yml");
    assertThat(config.getTemplates().getAllowedLinkOrigins()).contains("https://api.gauas.online");
    assertThat(config.getIdempotency().getWindow().toHours()).isEqualTo(24);
  }
}
