package io.gau.email;

import io.gau.devstack.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

class ConfigFilesTest {
  @Test
  void localAndProductionConfigsLoadAndAMissingVariableIsNamed() throws Exception {
    ConfigFiles.verifyBothFiles(EmailConfiguration.class, "email");
  }
}
