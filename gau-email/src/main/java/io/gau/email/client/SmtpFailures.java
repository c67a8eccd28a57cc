package io.gau.email.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sorts SMTP failures: a 5xx reply anywhere in the cause chain is permanent (the relay will never take
 * this mail); 4xx replies, refused connections, timeouts and anything unknown are transient.
 */
public final class SmtpFailures {
  private SmtpFailures() {}

  /** The SMTP reply code found in the cause chain, or -1. */
  public static int replyCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMTPAddressFailedException address) {
        return address.getReturnCode();
      }
      if (t instanceof SMTPSendFailedException send) {
        return send.getReturnCode();
      }
      if (t instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
          && messaging.getNextException() != messaging.getCause()) {
        int nested = replyCode(messaging.getNextException());
        if (nested != -1) {
          return nested;
        }
      }
    }
    return -1;
  }

  public static boolean permanent(Throwable failure) {
    int code = replyCode(failure);
    return code >= 500 && code < 600;
  }

  /** A short description for logs and the dead-letter header: the reply code or the network failure, never the mail. */
  public static String describe(Throwable failure) {
    int code = replyCode(failure);
    if (code != -1) {
      return "SMTP " + code;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
        return "SMTP unreachable (" + t.getClass().getSimpleName() + ")";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "SMTP failure (" + root.getClass().getSimpleName() + ")";
  }
}
