package io.gau.email.cli;

import io.dropwizard.servlets.tasks.Task;
import io.gau.email.messaging.DeadLetterReplayer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/replay-dlq?max=N} (admin port): moves up to N (default 100) dead letters back to the
 * email exchange, e.g. after an SMTP outage or a template fix. Not destructive: a message that still
 * fails is dead-lettered again.
 */
public final class ReplayDeadLettersTask extends Task {
  private static final int DEFAULT_MAX = 100;
  private static final int LIMIT = 100_000;

  private final DeadLetterReplayer replayer;

  public ReplayDeadLettersTask(DeadLetterReplayer replayer) {
    super("replay-dlq");
    this.replayer = replayer;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
    int max = DEFAULT_MAX;
    List<String> values = parameters.getOrDefault("max", List.of());
    if (!values.isEmpty()) {
      try {
        max = Integer.parseInt(values.get(0).trim());
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max < 1 || max > LIMIT) {
        output.println("max must be a whole number from 1 to " + LIMIT + "; nothing replayed");
        return;
      }
    }
    output.println("replayed " + replayer.replay(max) + " dead letters");
  }
}
