package io.gau.devstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded servers' own loggers at WARN: Qpid, zonky and s3proxy log at DEBUG/INFO otherwise.
 */
public final class QuietLogging {

    private static final List<String> NOISY = List.of(
            "org.apache.qpid", "qpid", "io.zonky", "org.gaul", "org.eclipse.jetty", "com.icegreen", "redis.embedded");

    private static final String QPID_TASK_EXECUTOR = "org.apache.qpid.server.configuration.updater.TaskExecutorImpl";

    private QuietLogging() {
    }

    /** Sets WARN on each noisy logger that has no level configured yet (a logback-test.xml still wins). */
    public static void apply() {
        for (String name : NOISY) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger && logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
        // at JVM exit Qpid's own shutdown hook races ours; its executor then logs a harmless ERROR
        if (LoggerFactory.getLogger(QPID_TASK_EXECUTOR) instanceof Logger logger && logger.getLevel() == null) {
            logger.setLevel(Level.OFF);
        }
    }
}
