package io.gau.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Embedded s3proxy storing objects as files, with fixed local credentials and pre-created buckets.
 */
final class S3Server extends EmbeddedServer {

    /** The buckets the services expect to exist, as in production. */
    static final List<String> BUCKETS = List.of("images", "files");

    private final Path baseDir;
    private S3Proxy proxy;

    S3Server(int port, Path baseDir) {
        super("S3", port);
        this.baseDir = baseDir;
    }

    @Override
    void doStart() throws Exception {
        Files.createDirectories(baseDir);
        BlobStore store = new FilesystemNio2BlobStore(baseDir.toAbsolutePath().toString());
        for (String bucket : BUCKETS) {
            if (!store.containerExists(bucket)) {
                store.createContainer(bucket);
            }
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + Infra.LOOPBACK + ":" + port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, Infra.S3_ACCESS_KEY, Infra.S3_SECRET_KEY)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
    }

    @Override
    void doStop() throws Exception {
        proxy.stop();
    }
}
