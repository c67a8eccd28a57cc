package io.gau.devstack.testing;

/**
 * A freshly created PostgreSQL database for one test class.
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {
}
