package io.gau.authorization.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The signing keys every replica shares. */
@RegisterConstructorMapper(SigningKeyRow.class)
public interface SigningKeyDao {

  @SqlQuery(
      """
      SELECT kid, public_jwk, private_key_ciphertext, created_at
      FROM signing_keys
      ORDER BY created_at DESC, kid DESC
      """)
  List<SigningKeyRow> all();

  @SqlUpdate(
      """
      INSERT INTO signing_keys (kid, public_jwk, private_key_ciphertext, created_at)
      VALUES (:kid, :publicJwk, :privateKeyCiphertext, :createdAt)
      ON CONFLICT (kid) DO NOTHING
      """)
  void insert(@BindMethods SigningKeyRow row);
}
