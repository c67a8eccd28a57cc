package io.gau.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Embedded redis-server 6.2 (codemonstur binaries), an LRU cache limited to 256 MB like production.
 */
final class EmbeddedRedis extends EmbeddedServer {

    private final Path dataDir;
    private final Path pidFile;
    private final boolean persistent;
    private RedisServer redis;

    EmbeddedRedis(int port, Path dataDir, Path pidFile, boolean persistent) {
        super("Redis", port);
        this.dataDir = dataDir;
        this.pidFile = pidFile;
        this.persistent = persistent;
    }

    @Override
    void doStart() throws Exception {
        Files.createDirectories(dataDir);
        Files.createDirectories(pidFile.getParent());
        redis = RedisServer.newRedisServer()
                .port(port())
                .bind(Infra.LOOPBACK)
                .setting("maxmemory 256mb")
                .setting("maxmemory-policy allkeys-lru")
                .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                // redis-server writes and removes this pid file itself; it outlives our kill -9
                .setting("pidfile \"" + pidFile.toAbsolutePath() + "\"")
                .setting(persistent ? "appendonly yes" : "appendonly no")
                .settingIf(!persistent, "save \"\"")
                .build();
        redis.start();
    }

    @Override
    void doStop() throws Exception {
        redis.stop();
    }
}
