package io.gau.devstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.gau.devstack.testing.GauInfra;
import io.gau.devstack.testing.GauInfraExtension;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(GauInfraExtension.class)
class GauInfraIT {

    private final GauInfra gau = GauInfra.get();
    private final Infra infra = gau.infra();

    @Test
    void postgresCreatesFreshDatabases() throws Exception {
        var db = gau.newDatabase("it");
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var result = connection.createStatement().executeQuery("select 1, current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.getString(2)).isEqualTo(db.name());
        }
        assertThat(gau.newDatabase("it").name()).isNotEqualTo(db.name());
    }

    @Test
    void redisIsAnLruCache() {
        int database = gau.newRedisDatabase();
        try (var jedis = new Jedis(infra.redisHost(), infra.redisPort())) {
            jedis.select(database);
            assertThat(jedis.ping()).isEqualTo("PONG");
            jedis.set("k", "v");
            assertThat(jedis.get("k")).isEqualTo("v");
            if (gau.embedded()) {
                assertThat(jedis.configGet("maxmemory-policy")).containsEntry("maxmemory-policy", "allkeys-lru");
                assertThat(jedis.configGet("maxmemory")).containsEntry("maxmemory", "268435456");
            }
        }
    }

    @Test
    void amqpPublishesWithConfirmsAndConsumes() throws Exception {
        var factory = new ConnectionFactory();
        factory.setUri(infra.amqpUri());
        String exchange = gau.uniqueName("it-exchange");
        String queue = gau.uniqueName("it-queue");
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, exchange, "email.*");
            channel.confirmSelect();
            channel.basicPublish(exchange, "email.verify", null, "hello".getBytes(UTF_8));
            channel.waitForConfirmsOrDie(5_000);
            GetResponse response = null;
            for (int i = 0; i < 50 && response == null; i++) {
                response = channel.basicGet(queue, false);
                if (response == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(response).isNotNull();
            assertThat(new String(response.getBody(), UTF_8)).isEqualTo("hello");
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            channel.queueDelete(queue);
            channel.exchangeDelete(exchange);
        }
    }

    @Test
    void amqpDefaultVirtualHostIsReachableAsSlash() throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost(infra.amqpHost());
        factory.setPort(infra.amqpPort());
        factory.setUsername(infra.amqpUser());
        factory.setPassword(infra.amqpPassword());
        factory.setVirtualHost("/");
        try (var connection = factory.newConnection()) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void s3StoresObjectsInNewBuckets() {
        String bucket = gau.newBucket("it");
        gau.s3().putObject(b -> b.bucket(bucket).key("a/b.txt").contentType("text/plain"),
                RequestBody.fromString("content"));
        assertThat(gau.s3().getObjectAsBytes(b -> b.bucket(bucket).key("a/b.txt")).asUtf8String())
                .isEqualTo("content");
        assertThat(gau.s3().listBuckets().buckets()).extracting(b -> b.name()).contains("images", "files", bucket);
    }

    @Test
    void smtpDeliveriesArriveInTheMailbox() throws Exception {
        String to = gau.uniqueName("user") + "@example.com";
        send(to, "Welcome");
        assertThat(gau.mailsTo(to)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Welcome"));
        // POP3 login = password = the address
        var store = Session.getInstance(new Properties()).getStore("pop3");
        store.connect(infra.smtpHost(), infra.pop3Port(), to, to);
        store.close();
    }

    @Test
    void stoppedSmtpRefusesAndComesBack() throws Exception {
        String to = gau.uniqueName("user") + "@example.com";
        gau.stopSmtp();
        try {
            assertThatThrownBy(() -> send(to, "lost")).isInstanceOf(jakarta.mail.MessagingException.class);
        } finally {
            gau.startSmtp();
        }
        send(to, "delivered");
        assertThat(gau.mailsTo(to)).hasSize(1);
    }

    @Test
    void stoppedRedisRefusesAndComesBackOnTheSamePort() {
        gau.stopRedis();
        try {
            assertThatThrownBy(() -> {
                try (var jedis = new Jedis(infra.redisHost(), infra.redisPort())) {
                    jedis.ping();
                }
            }).isInstanceOf(redis.clients.jedis.exceptions.JedisConnectionException.class);
        } finally {
            gau.startRedis();
        }
        try (var jedis = new Jedis(infra.redisHost(), infra.redisPort())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void stoppedAmqpComesBackOnTheSamePort() throws Exception {
        gau.stopAmqp();
        var factory = new ConnectionFactory();
        factory.setUri(infra.amqpUri());
        try {
            assertThatThrownBy(factory::newConnection).isInstanceOf(java.io.IOException.class);
        } finally {
            gau.startAmqp();
        }
        try (var connection = factory.newConnection()) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    private void send(String to, String subject) throws Exception {
        var props = new Properties();
        props.put("mail.smtp.host", infra.smtpHost());
        props.put("mail.smtp.port", Integer.toString(infra.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "2000");
        var message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@gau.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Open https://gau.local/verify?token=x");
        Transport.send(message);
    }
}
