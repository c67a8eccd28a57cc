package io.gau.email.client;

import io.dropwizard.lifecycle.Managed;
import io.gau.email.core.MailSendException;
import io.gau.email.core.MailSender;
import io.gau.email.core.RenderedMail;
import io.gau.shared.config.SmtpFactory;
import java.util.concurrent.CompletionException;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/** Sends rendered mails through the configured SMTP relay with simple-java-mail and a pool of SMTP connections. */
public final class SmtpMailSender implements MailSender, Managed {
  private final Mailer mailer;
  private final SmtpFactory smtp;

  public SmtpMailSender(SmtpFactory smtp) {
    this.smtp = smtp;
    this.mailer = mailer(smtp);
  }

  /** The mailer the service uses; the benchmark builds its baseline with the same settings. */
  public static Mailer mailer(SmtpFactory smtp) {
    String user = smtp.getUsername() == null || smtp.getUsername().isBlank() ? null : smtp.getUsername();
    int sessionTimeout = (int) smtp.getSessionTimeout().toMilliseconds();
    return MailerBuilder.withSMTPServer(smtp.getHost(), smtp.getPort(), user, user == null ? null : smtp.getPassword())
        .withTransportStrategy(strategy(smtp.getTransport()))
        .withSessionTimeout(sessionTimeout)
        .withProperty("mail.smtp.connectiontimeout", String.valueOf(smtp.getConnectTimeout().toMilliseconds()))
        .withProperty("mail.smtp.timeout", String.valueOf(sessionTimeout))
        .withProperty("mail.smtp.writetimeout", String.valueOf(sessionTimeout))
        .withConnectionPoolCoreSize(0)
        .withConnectionPoolMaxSize(smtp.getConnectionPoolSize())
        .withConnectionPoolClaimTimeoutMillis(sessionTimeout)
        .withConnectionPoolExpireAfterMillis(30_000)
        .withEmailValidator(null)
        .buildMailer();
  }

  static TransportStrategy strategy(SmtpFactory.Transport transport) {
    return switch (transport) {
      case PLAIN -> TransportStrategy.SMTP;
      case STARTTLS -> TransportStrategy.SMTP_TLS;
      case SMTPS -> TransportStrategy.SMTPS;
    };
  }

  @Override
  public void send(String recipient, String recipientName, RenderedMail mail) throws MailSendException {
    EmailPopulatingBuilder builder =
        EmailBuilder.startingBlank()
            .from(smtp.getFromName(), smtp.getFromAddress())
            .to(recipientName, recipient)
            .withSubject(mail.subject())
            .withPlainText(mail.text())
            .withHTMLText(mail.html());
    if (smtp.getReplyTo() != null && !smtp.getReplyTo().isBlank()) {
      builder.withReplyTo(smtp.getReplyTo());
    }
    Email email = builder.buildEmail();
    try {
      mailer.sendMail(email).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MailSendException(SmtpFailures.describe(cause), SmtpFailures.permanent(cause), cause);
    } catch (RuntimeException e) {
      throw new MailSendException(SmtpFailures.describe(e), SmtpFailures.permanent(e), e);
    }
  }

  @Override
  public void stop() throws Exception {
    mailer.shutdownConnectionPool().get();
  }
}
