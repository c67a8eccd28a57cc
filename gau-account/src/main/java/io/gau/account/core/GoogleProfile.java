package io.gau.account.core;

/** What a verified Google token tells about its user. */
public record GoogleProfile(String subject, String email, boolean emailVerified, String name, String picture) {}
