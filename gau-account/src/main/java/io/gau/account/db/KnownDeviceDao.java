package io.gau.account.db;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The devices each user has signed in from ({@code known_devices}), keyed by a hash of the device id. */
public interface KnownDeviceDao {
  /** 1 when the device is new for the user (inserted), 0 when it was known (its last_seen_at is bumped instead). */
  default int remember(UUID userId, byte[] deviceHash, Instant now) {
    return touch(userId, deviceHash, now) > 0 ? 0 : insert(userId, deviceHash, now);
  }

  @SqlUpdate("update known_devices set last_seen_at = :now where user_id = :userId and device_hash = :hash")
  int touch(@Bind("userId") UUID userId, @Bind("hash") byte[] deviceHash, @Bind("now") Instant now);

  /** Concurrent first sign-ins from one device insert once: only one of them sends the alert. */
  @SqlUpdate(
      """
      insert into known_devices (user_id, device_hash, first_seen_at, last_seen_at) values (:userId, :hash, :now, :now)
      on conflict (user_id, device_hash) do nothing""")
  int insert(@Bind("userId") UUID userId, @Bind("hash") byte[] deviceHash, @Bind("now") Instant now);

  @SqlQuery("select exists (select 1 from known_devices where user_id = :userId and device_hash <> :hash)")
  boolean hasOtherDevices(@Bind("userId") UUID userId, @Bind("hash") byte[] deviceHash);
}
