package org.switchboard.portal.channel.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;

/** The accounts page asks every connector for its health at once, so one slow provider does not hold up the rest. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class ChannelHealthTest extends PortalTest.Base {

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ChannelHealth health;

    private final ProviderStub first = ProviderStub.start();
    private final ProviderStub second = ProviderStub.start();

    @AfterEach
    void stopProviders() {
        first.close();
        second.close();
    }

    @Test
    void the_connectors_health_checks_run_side_by_side() {
        // Each provider answers its health request only once both requests have arrived: checks made one after the
        // other would see the first time out (DOWN); side by side, both answer.
        CountDownLatch bothAsked = new CountDownLatch(2);
        WhatsappScenario whatsapp = new WhatsappScenario();
        String a = accountOn(first, whatsapp, bothAsked);
        String b = accountOn(second, whatsapp, bothAsked);

        Map<String, AccountHealth> checked = health.of(List.of(a, b));

        assertThat(checked.keySet()).containsExactly(a, b);
        assertThat(checked.values()).extracting(h -> h.check().status())
                .containsExactly(AccountHealth.Status.UP, AccountHealth.Status.UP);
    }

    @Test
    void an_unknown_account_is_unavailable_and_the_others_are_still_checked() {
        String known = accountOn(first, new WhatsappScenario(), new CountDownLatch(0));

        Map<String, AccountHealth> checked = health.of(List.of("no-such-account", known));

        assertThat(checked.get("no-such-account").check().status()).isEqualTo(AccountHealth.Status.UNAVAILABLE);
        assertThat(checked.get(known).check().status()).isEqualTo(AccountHealth.Status.UP);
    }

    private String accountOn(ProviderStub provider, WhatsappScenario whatsapp, CountDownLatch bothAsked) {
        provider.always("GET", "/", request -> {
            bothAsked.countDown();
            try {
                bothAsked.await(10, TimeUnit.SECONDS); // longer than the 5 s a check may take
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProviderStub.Answer.json(200, "{\"display_phone_number\":\"" + WhatsappScenario.DISPLAY_PHONE_NUMBER
                    + "\",\"verified_name\":\"Shop\",\"quality_rating\":\"GREEN\",\"id\":\""
                    + WhatsappScenario.PHONE_NUMBER_ID + "\"}");
        });
        return accounts.create("WhatsApp " + UUID.randomUUID(), "whatsapp", whatsapp.config(provider.baseUrl())).id();
    }
}
