package io.gau.devstack;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies every newly received message to {@code <dir>/<timestamp>-<n>.eml} once a second, for {@code ops/gau mail}.
 */
final class MailCapture implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final GreenMail greenMail;
    private final Path dir;
    private final Set<String> seen = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "devstack-mail-capture");
        thread.setDaemon(true);
        return thread;
    });
    private int count;

    MailCapture(GreenMail greenMail, Path dir) {
        this.greenMail = greenMail;
        this.dir = dir;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::captureSafely, 1, 1, TimeUnit.SECONDS);
    }

    private void captureSafely() {
        try {
            capture();
        } catch (Exception e) {
            System.err.println("[devstack] mail capture failed: " + e);
        }
    }

    /** Keyed by mailbox + UID: the flat list of all messages reorders as mailboxes grow. */
    synchronized void capture() throws Exception {
        var managers = greenMail.getManagers();
        for (GreenMailUser user : managers.getUserManager().listUser()) {
            for (StoredMessage message : managers.getImapHostManager().getInbox(user).getMessages()) {
                if (seen.add(user.getEmail() + "/" + message.getUid())) {
                    Files.createDirectories(dir);
                    Path file = dir.resolve(LocalDateTime.now().format(STAMP) + "-" + (++count) + ".eml");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.getMimeMessage().writeTo(out);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
