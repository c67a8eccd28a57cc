package io.gau.account.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.gau.account.db.AccountStore;
import io.gau.account.db.OutboxRow;
import io.gau.shared.email.EmailMessage;
import io.gau.shared.email.EmailPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to the broker with publisher confirms and marks them sent. Rows are locked
 * with {@code FOR UPDATE SKIP LOCKED} for the duration, so two replicas never publish the same row; a
 * broker outage leaves rows unsent with a growing {@code next_attempt_at}, and nothing is lost. A crash
 * between confirm and commit republishes once: the message {@code id} lets gau-email drop the duplicate.
 */
public class OutboxRelayJob implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayJob.class);

  private final AccountStore store;
  private final EmailPublisher publisher;
  private final ObjectMapper json;
  private final InstantSource clock;
  private final Duration pollInterval;
  private final int batchSize;
  private final Duration maxBackoff;
  private ScheduledExecutorService executor;

  public OutboxRelayJob(AccountStore store, EmailPublisher publisher, ObjectMapper json, InstantSource clock,
      Duration pollInterval, int batchSize, Duration maxBackoff) {
    this.store = store;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
    this.maxBackoff = maxBackoff;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "outbox-relay");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::drainSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void drainSafely() {
    try {
      while (relayBatch() == batchSize) {
        // a full batch: more may be due right away
      }
    } catch (RuntimeException e) {
      LOG.warn("outbox relay pass failed, will retry: {}", e.getMessage());
    }
  }

  /** Publishes one batch of due rows; returns how many were sent. */
  public int relayBatch() {
    return store.inTransaction(daos -> {
      List<OutboxRow> due = daos.outbox().lockDue(clock.instant(), batchSize);
      int sent = 0;
      for (OutboxRow row : due) {
        try {
          publisher.publish(row.routingKey(), json.readValue(row.payload(), EmailMessage.class));
          daos.outbox().markSent(row.id(), clock.instant());
          sent++;
        } catch (Exception e) {
          Instant next = clock.instant().plus(backoff(row.attempts()));
          daos.outbox().markFailed(row.id(), next);
          LOG.warn("outbox row {} not published (attempt {}), retry at {}: {}", row.id(), row.attempts() + 1, next,
              e.getMessage());
          // the broker is likely down: leave the rest of the batch for the next pass
          break;
        }
      }
      return sent;
    });
  }

  private Duration backoff(int attempts) {
    long seconds = 1L << Math.min(attempts, 20);
    return Duration.ofSeconds(Math.min(seconds, maxBackoff.toSeconds()));
  }
}
