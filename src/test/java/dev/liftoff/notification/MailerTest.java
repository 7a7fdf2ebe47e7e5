package dev.liftoff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailerTest {

    @Test
    void sendsFromTheConfiguredAddressElseTheServersUserWhenItIsAnAddressElseLocalhost() {
        assertThat(Mailer.senderAddress("liftoff@example.com", "bot@example.com")).isEqualTo("liftoff@example.com");
        assertThat(Mailer.senderAddress(null, "bot@example.com")).isEqualTo("bot@example.com");
        assertThat(Mailer.senderAddress(" ", "apikey")).isEqualTo("liftoff@localhost");
        assertThat(Mailer.senderAddress(null, null)).isEqualTo("liftoff@localhost");
    }

    @Test
    void withoutAServerNothingIsAvailable() {
        assertThat(Mailer.withoutServer().available()).isFalse();
    }
}
