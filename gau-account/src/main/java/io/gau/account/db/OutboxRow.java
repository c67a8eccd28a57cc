package io.gau.account.db;

import java.util.UUID;

/** One queued message: where it goes and its JSON body. */
public record OutboxRow(UUID id, String routingKey, String payload, int attempts) {}
