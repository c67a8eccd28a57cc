package io.gau.authorization.core;

import io.gau.authorization.db.SigningKeyDao;
import io.gau.authorization.db.SigningKeyRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The signing-key table as a list, for unit tests of the key logic. */
final class InMemorySigningKeyDao implements SigningKeyDao {
  final List<SigningKeyRow> rows = new ArrayList<>();

  @Override
  public List<SigningKeyRow> all() {
    return rows.stream()
        .sorted(Comparator.comparing(SigningKeyRow::createdAt).thenComparing(SigningKeyRow::kid).reversed())
        .toList();
  }

  @Override
  public void insert(SigningKeyRow row) {
    if (rows.stream().noneMatch(r -> r.kid().equals(row.kid()))) {
      rows.add(row);
    }
  }
}
