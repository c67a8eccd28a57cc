package io.gau.email.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {
  @Test
  void rejectedRecipientWith550IsPermanent() throws Exception {
    var rejected = new SMTPAddressFailedException(new InternetAddress("a@example.com"), "RCPT TO", 550, "no such user");
    var failure = new RuntimeException("send failed", new SendFailedException("Invalid Addresses", rejected));
    assertThat(SmtpFailures.permanent(failure)).isTrue();
    assertThat(SmtpFailures.describe(failure)).isEqualTo("SMTP 550");
  }

  @Test
  void greylisting451IsTransient() {
    var failure = new RuntimeException(new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null));
    assertThat(SmtpFailures.replyCode(failure)).isEqualTo(451);
    assertThat(SmtpFailures.permanent(failure)).isFalse();
  }

  @Test
  void refusedConnectionAndTimeoutAreTransient() {
    var refused = new RuntimeException(new MessagingException("connect", new ConnectException("Connection refused")));
    var timeout = new RuntimeException(new MessagingException("read", new SocketTimeoutException("Read timed out")));
    assertThat(SmtpFailures.permanent(refused)).isFalse();
    assertThat(SmtpFailures.describe(refused)).isEqualTo("SMTP unreachable (ConnectException)");
    assertThat(SmtpFailures.permanent(timeout)).isFalse();
    assertThat(SmtpFailures.describe(timeout)).isEqualTo("SMTP unreachable (SocketTimeoutException)");
  }

  @Test
  void unknownFailureIsTransient() {
    assertThat(SmtpFailures.permanent(new IllegalStateException("boom"))).isFalse();
  }
}
