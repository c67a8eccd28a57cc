package io.gau.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.DropwizardTestSupport;
import io.gau.email.testing.EmailStack;
import io.gau.shared.email.EmailMessage;
import io.gau.shared.email.EmailPublisher;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Kills a real gau-email process (the shaded jar, SIGKILL) after it took a message and claimed its id but
 * before SMTP accepted the mail, then starts a new instance: the mail is sent exactly once.
 */
class CrashRecoveryIT {
  private static final EmailStack STACK = new EmailStack("crash");

  @AfterAll
  static void cleanUp() throws Exception {
    STACK.close();
  }

  @Test
  void consumerKilledBetweenReceiveAndSendStillSendsTheMailExactlyOnceAfterRestart() throws Exception {
    Path jar = Path.of(System.getProperty("gau.root", ".."), "gau-email", "target", "gau-email.jar");
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    String to = STACK.newAddress();
    String id = STACK.gau.uniqueName("crash");
    // an SMTP server that accepts connections and never greets: the first instance hangs inside the send
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!blackHole.isClosed()) {
          try {
            held.add(blackHole.accept());
          } catch (Exception stopped) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      Map<String, String> settings = STACK.settings();
      settings.put("smtp.port", String.valueOf(blackHole.getLocalPort()));
      settings.put("smtp.sessionTimeout", "60s");
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
      settings.forEach((k, v) -> command.add("-Ddw." + k + "=" + v));
      command.addAll(List.of("-jar", jar.toString(), "server", EmailStack.configPath()));
      Path log = Files.createTempFile("gau-email-crash", ".log");
      Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        // mandatory + confirm: fails until the new process has declared and bound its queue
        try (EmailPublisher publisher = new EmailPublisher(STACK.connection(), STACK.exchange)) {
          EmailMessage message = new EmailMessage("info", to, null, "exactly once", null, id, null, null, null);
          await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            publisher.publish("email.send", message);
            return true;
          });
        }
        try (Jedis jedis = new Jedis(STACK.infra.redisHost(), STACK.infra.redisPort())) {
          jedis.select(STACK.redisDatabase);
          try {
            await().atMost(Duration.ofSeconds(30))
                .until(() -> String.valueOf(jedis.get("gau:email:sent:" + id)).startsWith("progress:"));
          } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder keys = new StringBuilder();
            for (int db = 0; db < 16; db++) {
              jedis.select(db);
              keys.append(db).append('=').append(jedis.keys("gau:email:*")).append(' ');
            }
            throw new AssertionError("no claim; queue " + STACK.count(STACK.queue) + " keys " + keys
                + " held " + held.size() + "\n" + Files.readString(log) + "\n"
                + new String(new ProcessBuilder("jstack", String.valueOf(first.pid())).redirectErrorStream(true).start()
                    .getInputStream().readAllBytes()), e);
          }
        }
      } finally {
        first.destroyForcibly().waitFor();
      }
      held.forEach(s -> {
        try {
          s.close();
        } catch (Exception ignored) {
          // closing a dead connection
        }
      });
    }
    assertThat(STACK.mailsTo(to)).isEmpty();

    DropwizardTestSupport<EmailConfiguration> second = STACK.support(Map.of());
    second.before();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> STACK.mailsTo(to).size() >= 1);
      Thread.sleep(4000); // a second mail would come from a second delivery within a tier delay
      assertThat(STACK.mailsTo(to)).hasSize(1);
      try (Jedis jedis = new Jedis(STACK.infra.redisHost(), STACK.infra.redisPort())) {
        jedis.select(STACK.redisDatabase);
        assertThat(jedis.get("gau:email:sent:" + id)).isEqualTo("sent");
      }
      assertThat(STACK.count(STACK.deadLetterQueue)).isZero();
    } finally {
      second.after();
    }
  }
}
