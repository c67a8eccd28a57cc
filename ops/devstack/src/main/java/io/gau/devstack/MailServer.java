package io.gau.devstack;

import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Embedded GreenMail keeping every message: POP3 and IMAP always up, SMTP can be stopped alone.
 */
final class MailServer extends EmbeddedServer {

    private final GreenMail greenMail;
    private final ServerSetup smtpSetup;
    private final int pop3Port;
    private final int imapPort;
    private SmtpServer smtp;

    MailServer(int smtpPort, int pop3Port, int imapPort) {
        super("SMTP", smtpPort);
        // mailboxes are created on first delivery, login = password = the recipient address
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(pop3Port, Infra.LOOPBACK, ServerSetup.PROTOCOL_POP3),
                new ServerSetup(imapPort, Infra.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        this.smtpSetup = new ServerSetup(smtpPort, Infra.LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        this.pop3Port = pop3Port;
        this.imapPort = imapPort;
    }

    GreenMail greenMail() {
        return greenMail;
    }

    /** Starts the mailboxes (POP3, IMAP) once; they stay up while SMTP is stopped for fault injection. */
    void startMailboxes() {
        requireFreePort(pop3Port, "POP3");
        requireFreePort(imapPort, "IMAP");
        greenMail.start();
    }

    void stopMailboxes() {
        greenMail.stop();
    }

    @Override
    void doStart() throws Exception {
        // a fresh server thread each time: GreenMail's servers are threads and cannot be restarted
        smtp = new SmtpServer(smtpSetup, greenMail.getManagers());
        smtp.startService();
        if (!smtp.waitTillRunning(10_000)) {
            throw new IllegalStateException("GreenMail SMTP did not start");
        }
    }

    @Override
    void doStop() {
        smtp.stopService();
    }
}
