package io.gau.cdn;

import io.gau.devstack.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

class ConfigFilesTest {
  @Test
  void localAndProductionConfigsLoadAndAMissingVariableIsNamed() throws Exception {
    ConfigFiles.verifyBothFiles(CdnConfiguration.class, "cdn");
  }
}
