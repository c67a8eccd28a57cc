package io.gau.account.db;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The account DAOs on one handle, so that core code can group their statements in one transaction. Each DAO
 * is attached when first used: a login touches two of the six, and attaching costs reflection per method.
 */
public final class Daos {
  /** The DAO types, for {@code GauJdbi.build} to warm. */
  public static final Class<?>[] TYPES = {UserDao.class, TokenDao.class, MfaDao.class, OutboxDao.class,
      GoogleIdentityDao.class, KnownDeviceDao.class};

  private final Handle handle;
  private final Map<Class<?>, Object> attached = new HashMap<>(4);

  private Daos(Handle handle) {
    this.handle = handle;
  }

  static Daos on(Handle handle) {
    return new Daos(handle);
  }

  public UserDao users() {
    return dao(UserDao.class);
  }

  public TokenDao tokens() {
    return dao(TokenDao.class);
  }

  public MfaDao mfa() {
    return dao(MfaDao.class);
  }

  public OutboxDao outbox() {
    return dao(OutboxDao.class);
  }

  public GoogleIdentityDao google() {
    return dao(GoogleIdentityDao.class);
  }

  public KnownDeviceDao devices() {
    return dao(KnownDeviceDao.class);
  }

  private <T> T dao(Class<T> type) {
    return type.cast(attached.computeIfAbsent(type, handle::attach));
  }
}
