import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.gau.email.client.SmtpMailSender;
import io.gau.email.core.EmailTemplate;
import io.gau.email.core.MailRenderer;
import io.gau.email.core.MailRequest;
import io.gau.email.core.RenderedMail;
import io.gau.shared.config.SmtpFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.email.EmailBuilder;

/**
 * Mails per second through the whole gau-email path (publish to email_exchange -> consumer -> render ->
 * SMTP, until the service's gau.email.sent counter grew by N) against the same mails sent straight to
 * the same SMTP server with simple-java-mail (same pool size and parallelism), in one run.
 * usage: java -cp gau-email/target/gau-email.jar ops/bench/email/EmailBench.java N [amqpUri] [smtpPort] [adminPort] [concurrency]
 */
public class EmailBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args.length > 0 ? args[0] : "1000");
    String amqpUri = args.length > 1 ? args[1] : "amqp://guest:guest@127.0.0.1:56720/";
    int smtpPort = Integer.parseInt(args.length > 2 ? args[2] : "2525");
    int adminPort = Integer.parseInt(args.length > 3 ? args[3] : "8184");
    int concurrency = Integer.parseInt(args.length > 4 ? args[4] : "4");
    String run = Long.toString(System.currentTimeMillis(), 36);

    // warm-up of both paths (JIT, pooled connections) so that neither pays start-up costs in the timing
    direct(50, smtpPort, concurrency, "bench-warm-" + run + "@example.com");
    pipeline(50, amqpUri, adminPort, "bench-warm-" + run + "@example.com");

    double directRate = direct(n, smtpPort, concurrency, "bench-direct-" + run + "@example.com");
    double pipelineRate = pipeline(n, amqpUri, adminPort, "bench-pipe-" + run + "@example.com");
    System.out.printf("direct simple-java-mail : %d mails, %.1f mails/s (pool %d, %d threads)%n", n, directRate, concurrency, concurrency);
    System.out.printf("gau-email whole path    : %d mails, %.1f mails/s (publish -> consume -> render -> SMTP)%n", n, pipelineRate);
    System.out.printf("ratio pipeline/direct   : %.2f (target >= 0.80)%n", pipelineRate / directRate);
  }

  static double direct(int n, int smtpPort, int threads, String to) throws Exception {
    SmtpFactory smtp = new SmtpFactory();
    smtp.setHost("127.0.0.1");
    smtp.setPort(smtpPort);
    smtp.setTransport(SmtpFactory.Transport.PLAIN);
    smtp.setConnectionPoolSize(threads);
    Mailer mailer = SmtpMailSender.mailer(smtp);
    MailRenderer renderer = new MailRenderer("Gau", "https://gauas.online", InstantSource.system());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int number = i;
      futures.add(pool.submit(() -> {
        // rendered per mail, as the service does: the baseline is "the same mails", not a cached body
        RenderedMail mail = renderer.render(new MailRequest(null, EmailTemplate.NOTIFICATION, "en", to, "bench",
            List.of("bench mail " + number), null, Map.of()));
        mailer.sendMail(EmailBuilder.startingBlank().from("Gau", "noreply@gau.local").to("bench", to)
            .withSubject(mail.subject()).withPlainText(mail.text()).withHTMLText(mail.html()).buildEmail()).join();
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    mailer.shutdownConnectionPool().get();
    return n / seconds;
  }

  static double pipeline(int n, String amqpUri, int adminPort, String to) throws Exception {
    long before = sentCount(adminPort);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(amqpUri);
    long start = System.nanoTime();
    try (Connection connection = factory.newConnection("email-bench"); Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();
      for (int i = 0; i < n; i++) {
        String body = "{\"type\":\"notification\",\"recipient\":\"" + to + "\",\"recipientName\":\"bench\",\"content\":\"bench mail " + i + "\"}";
        channel.basicPublish("email_exchange", "email.bench", true, props, body.getBytes(StandardCharsets.UTF_8));
      }
      channel.waitForConfirmsOrDie(60_000);
    }
    long deadline = System.currentTimeMillis() + 600_000;
    while (sentCount(adminPort) < before + n) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("only " + (sentCount(adminPort) - before) + " of " + n + " mails sent in 10 minutes");
      }
      Thread.sleep(20);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  static long sentCount(int adminPort) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    var meter = new ObjectMapper().readTree(response.body()).path("meters").path("gau.email.sent");
    return meter.path("count").asLong(0);
  }
}
