package io.gau.devstack.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that makes sure the shared {@link GauInfra} servers run before a test class starts.
 */
public final class GauInfraExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        GauInfra.get();
    }
}
