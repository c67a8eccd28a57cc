package io.gau.ops.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenTelemetry reaches the services only through -javaagent: no OTel class is packaged into any service. */
class ServiceJarsTest {

    @ParameterizedTest(name = "gau-{0}")
    @ValueSource(strings = {"account", "authorization", "cdn", "email", "upload"})
    void theShadedServiceJarContainsNoOpenTelemetryClass(String service) throws IOException {
        Path root = Path.of(System.getProperty("gau.root", "../..")).toAbsolutePath().normalize();
        Path jar = root.resolve("gau-" + service).resolve("target").resolve("gau-" + service + ".jar");
        assertThat(jar).as("built by the reactor before this module (mvn -pl ops/otel-it -am verify)").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> otel = file.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("io/opentelemetry/") || name.startsWith("META-INF/maven/io.opentelemetry"))
                    .limit(10).toList();
            assertThat(otel).as(jar + " must not bundle OpenTelemetry").isEmpty();
            // the scan must have looked at a real service jar, not an empty one
            assertThat(file.getEntry("io/gau/" + service + "/")).isNotNull();
        }
    }
}
