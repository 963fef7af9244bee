package org.switchboard.portal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.switchboard.portal.TestData;

class SecretCipherTest {

    @Test
    void a_secret_round_trips_and_is_not_stored_in_clear() throws Exception {
        SecretCipher cipher = new SecretCipher(new SecretsProperties(key(1), null));

        String sealed = cipher.encrypt("whsec_super-secret");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("super-secret");
        assertThat(cipher.encrypt("whsec_super-secret")).isNotEqualTo(sealed); // fresh IV every time
        assertThat(cipher.decrypt(sealed)).isEqualTo("whsec_super-secret");
    }

    @Test
    void another_key_cannot_read_it() throws Exception {
        String sealed = new SecretCipher(new SecretsProperties(key(1), null)).encrypt("token");

        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties(key(2), null)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong secrets key");
    }

    @Test
    void without_a_configured_key_one_is_created_once_and_reused() throws Exception {
        Path keyFile = TestData.newDirectory().root().resolve("secret.key");
        String sealed = new SecretCipher(new SecretsProperties(null, keyFile)).encrypt("token");

        assertThat(Files.exists(keyFile)).isTrue();
        assertThat(new SecretCipher(new SecretsProperties(null, keyFile)).decrypt(sealed)).isEqualTo("token");
    }

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }
}
