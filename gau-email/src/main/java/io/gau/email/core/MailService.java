package io.gau.email.core;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders and sends one mail request at most once per id: claim the id, send, mark it sent; a failed
 * send gives the claim back so that a retry can send it.
 */
public final class MailService {
  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final MailRenderer renderer;
  private final MailSender sender;
  private final SentMailRegistry registry;
  private final Timer sendTimer;

  public MailService(MailRenderer renderer, MailSender sender, SentMailRegistry registry, MetricRegistry metrics) {
    this.renderer = renderer;
    this.sender = sender;
    this.registry = registry;
    this.sendTimer = metrics.timer("gau.email.send");
  }

  public DeliveryOutcome deliver(MailRequest request) throws MailSendException {
    RenderedMail mail = renderer.render(request);
    String key = request.idempotencyKey();
    if (key == null) {
      send(request, mail);
      return DeliveryOutcome.SENT;
    }
    String token = UUID.randomUUID().toString();
    SentMailRegistry.Claim claim;
    try {
      claim = registry.claim(key, token);
    } catch (RuntimeException e) {
      throw new MailSendException("idempotency store unavailable: " + e.getClass().getSimpleName(), false, e);
    }
    switch (claim) {
      case ALREADY_SENT:
        return DeliveryOutcome.DUPLICATE;
      case IN_PROGRESS:
        return DeliveryOutcome.BUSY;
      default:
        break;
    }
    try {
      send(request, mail);
    } catch (MailSendException e) {
      try {
        registry.release(key, token);
      } catch (RuntimeException releaseFailure) {
        // the claim expires by itself after the in-progress timeout
        LOG.warn("could not release the claim of a failed mail: {}", releaseFailure.toString());
      }
      throw e;
    }
    try {
      registry.markSent(key);
    } catch (RuntimeException e) {
      // the mail is out; a redelivery after the claim expires could send it twice, which is rarer than losing it
      LOG.warn("mail sent but not recorded as sent: {}", e.toString());
    }
    return DeliveryOutcome.SENT;
  }

  private void send(MailRequest request, RenderedMail mail) throws MailSendException {
    try (Timer.Context ignored = sendTimer.time()) {
      sender.send(request.recipient(), request.recipientName(), mail);
    }
  }
}
