package io.gau.account.db;

import org.jdbi.v3.core.Handle;

/** All account DAOs attached to one handle, so that core code can group their statements in one transaction. */
public record Daos(UserDao users, TokenDao tokens, MfaDao mfa, OutboxDao outbox, GoogleIdentityDao google,
    KnownDeviceDao devices) {
  static Daos on(Handle handle) {
    return new Daos(
        handle.attach(UserDao.class),
        handle.attach(TokenDao.class),
        handle.attach(MfaDao.class),
        handle.attach(OutboxDao.class),
        handle.attach(GoogleIdentityDao.class),
        handle.attach(KnownDeviceDao.class));
  }
}
