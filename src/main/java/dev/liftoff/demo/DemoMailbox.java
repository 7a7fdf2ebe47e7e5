package dev.liftoff.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's SMTP server on {@code liftoff.demo.smtp-port} (the demo profile points
 * {@code spring.mail.*} at it): every mail Liftoff sends in the demo (incidents, escalations,
 * outcomes to stakeholders) lands here, and newcomers read it at {@code GET /api/demo/mail}.
 */
@Component
@Profile(DemoPorts.DEMO_PROFILE)
public class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    private final int port;
    private GreenMail smtp;

    public DemoMailbox(@Value("${" + DemoPorts.SMTP_PORT + "}") int port) {
        this.port = port;
    }

    @PostConstruct
    public void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        log.info("Demo mailbox: SMTP on 127.0.0.1:{}; read what Liftoff sent at /api/demo/mail", port);
    }

    @PreDestroy
    public void stop() {
        smtp.stop();
    }

    /** every mail received so far, oldest first: one entry per message, with all its recipients */
    public List<Map<String, Object>> received() {
        Map<String, Map<String, Object>> byMessage = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            // GreenMail keeps one copy per recipient: show each message once
            try {
                byMessage.putIfAbsent(message.getMessageID(), describe(message));
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read a mail of the demo mailbox", e);
            }
        }
        return List.copyOf(byMessage.values());
    }

    private static Map<String, Object> describe(MimeMessage message) throws MessagingException {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
        mail.put("from", addresses(message.getFrom()));
        mail.put("to", addresses(message.getAllRecipients()));
        mail.put("subject", message.getSubject());
        mail.put("text", GreenMailUtil.getBody(message).replace("\r\n", "\n"));
        return mail;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
