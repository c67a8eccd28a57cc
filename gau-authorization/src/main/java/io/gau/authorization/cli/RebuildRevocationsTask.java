package io.gau.authorization.cli;

import io.dropwizard.servlets.tasks.Task;
import io.gau.authorization.core.RevocationBitmap;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/rebuild-revocations} on the admin port: re-writes the Redis bitmap from PostgreSQL (additive, safe). */
public class RebuildRevocationsTask extends Task {
  private final RevocationBitmap bitmap;

  public RebuildRevocationsTask(RevocationBitmap bitmap) {
    super("rebuild-revocations");
    this.bitmap = bitmap;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) {
    bitmap.rebuild();
    output.println("revocation bitmap rebuilt from PostgreSQL");
  }
}
