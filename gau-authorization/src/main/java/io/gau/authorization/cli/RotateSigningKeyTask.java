package io.gau.authorization.cli;

import io.dropwizard.servlets.tasks.Task;
import io.gau.authorization.core.SigningKeyService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/rotate-signing-key} on the admin port: adds a new signing key. It is published at once,
 * signs after the activation delay, and the previous key stays published until its tokens have expired.
 */
public class RotateSigningKeyTask extends Task {
  private final SigningKeyService keys;

  public RotateSigningKeyTask(SigningKeyService keys) {
    super("rotate-signing-key");
    this.keys = keys;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) {
    String kid = keys.rotate();
    output.println("new signing key " + kid + " published; it signs after the activation delay");
    output.println("published keys: " + keys.current().verifiers().keySet());
  }
}
