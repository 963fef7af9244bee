package org.switchboard.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.ingest.InboundPipeline;

/** Manual identities, profile data and the preferred channel, against the real database. */
@PortalTest
class CustomerRecordTest extends PortalTest.Base {

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    AuditLog audit;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    Inbound inbound;
    String chat;

    @BeforeEach
    void setUp() {
        inbound = new Inbound(pipeline, accounts, jdbc);
        chat = inbound.account("Record chat");
    }

    private long newCustomer(String name) {
        return inbound.writes(chat, new Identity(IdentityKind.WEBCHAT_VISITOR, "visitor-" + Inbound.uniqueWord()),
                name, "Hello").customerId();
    }

    @Test
    void an_identity_an_agent_adds_is_normalised_linked_and_audited_without_its_value() {
        long customer = newCustomer("Ada Manual");

        CustomerProfile.Identity added = profiles.addIdentity(customer, "phone", "+49 (0)151 2345 6701");

        assertThat(added.value()).isEqualTo("+4915123456701");
        assertThat(profiles.profile(customer).orElseThrow().identities())
                .extracting(CustomerProfile.Identity::kind, CustomerProfile.Identity::value)
                .contains(org.assertj.core.groups.Tuple.tuple("phone", "+4915123456701"));
        AuditEntry entry = audit.latest(CustomerProfiles.AUDIT_IDENTITY_ADDED, 20).stream()
                .filter(e -> ("customer:" + customer).equals(e.getTarget())).findFirst().orElseThrow();
        assertThat(entry.getDetail()).contains("kind=phone").doesNotContain("15123456701");
        assertThat(profiles.profile(customer).orElseThrow().events())
                .extracting(CustomerProfile.Event::type).contains(CustomerEventType.IDENTITY_ADDED);
        // A message from that number now reaches this customer.
        assertThat(inbound.writes(chat, Identity.phone("004915123456701"), null, "It's me").customerId())
                .isEqualTo(customer);
    }

    @Test
    void an_identity_of_another_customer_is_refused_with_a_merge_offer_and_not_moved() {
        long owner = inbound.writes(chat, Identity.phone("+4915123456702"), "Ben Owner", "Hi").customerId();
        long other = newCustomer("Cleo Other");

        assertThatThrownBy(() -> profiles.addIdentity(other, "phone", "0049 151 23456702"))
                .isInstanceOfSatisfying(IdentityConflictException.class, e -> {
                    assertThat(e.otherCustomerId()).isEqualTo(owner);
                    assertThat(e.getMessage()).contains("Ben Owner").contains("merge");
                });

        assertThat(profiles.profile(owner).orElseThrow().identities()).extracting(CustomerProfile.Identity::value)
                .contains("+4915123456702");
        assertThat(profiles.profile(other).orElseThrow().identities()).extracting(CustomerProfile.Identity::value)
                .doesNotContain("+4915123456702");
    }

    @Test
    void an_invalid_identity_is_refused_with_its_reason_and_nothing_is_stored() {
        long customer = newCustomer("Dana Typo");
        int before = profiles.profile(customer).orElseThrow().identities().size();

        assertThatThrownBy(() -> profiles.addIdentity(customer, "phone", "+1 555 123 4567"))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("not a valid phone number");
        assertThatThrownBy(() -> profiles.addIdentity(customer, "email", "dana at example.com"))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("email");
        assertThatThrownBy(() -> profiles.addIdentity(customer, "Not A Kind", "x"))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("identity kind");

        assertThat(profiles.profile(customer).orElseThrow().identities()).hasSize(before);
    }

    @Test
    void language_tags_notes_and_custom_attributes_are_kept_and_checked() {
        long customer = newCustomer("Eli Profile");
        profiles.defineAttribute("tier", "Contract tier", AttributeType.SELECT, List.of("Gold", "Silver"));
        profiles.defineAttribute("renewal", "Renewal date", AttributeType.DATE, List.of());
        profiles.defineAttribute("seats", "Seats", AttributeType.NUMBER, List.of());
        profiles.defineAttribute("newsletter", "Newsletter", AttributeType.BOOLEAN, List.of());

        assertThat(profiles.setLanguage(customer, "pt_br")).isEqualTo("pt-BR");
        profiles.addTag(customer, " VIP ");
        profiles.addTag(customer, "vip");
        profiles.addTag(customer, "wholesale");
        profiles.addTag(customer, "to remove");
        profiles.removeTag(customer, "TO REMOVE");
        profiles.addNote(customer, null, "Agent Smith", "Prefers calls after 5pm");
        assertThat(profiles.setAttribute(customer, "tier", "gold")).isEqualTo("Gold");
        assertThat(profiles.setAttribute(customer, "renewal", "2027-01-31")).isEqualTo("2027-01-31");
        assertThat(profiles.setAttribute(customer, "seats", "12.50")).isEqualTo("12.5");
        assertThat(profiles.setAttribute(customer, "newsletter", "yes")).isEqualTo("true");

        assertThatThrownBy(() -> profiles.setLanguage(customer, "not a language!"))
                .isInstanceOf(InvalidProfileValueException.class);
        assertThatThrownBy(() -> profiles.setAttribute(customer, "tier", "Platinum"))
                .isInstanceOf(InvalidProfileValueException.class).hasMessageContaining("Gold");
        assertThatThrownBy(() -> profiles.setAttribute(customer, "renewal", "31.01.2027"))
                .isInstanceOf(InvalidProfileValueException.class);
        assertThatThrownBy(() -> profiles.setAttribute(customer, "seats", "twelve"))
                .isInstanceOf(InvalidProfileValueException.class);
        assertThatThrownBy(() -> profiles.setAttribute(customer, "nonexistent", "x"))
                .isInstanceOf(InvalidProfileValueException.class);
        assertThatThrownBy(() -> profiles.defineAttribute("Bad Key", "x", AttributeType.TEXT, List.of()))
                .isInstanceOf(InvalidProfileValueException.class);

        CustomerProfile profile = profiles.profile(customer).orElseThrow();
        assertThat(profile.language()).isEqualTo("pt-BR");
        assertThat(profile.tags()).containsExactly("VIP", "wholesale");
        assertThat(profile.notes()).singleElement().satisfies(n -> {
            assertThat(n.authorName()).isEqualTo("Agent Smith");
            assertThat(n.text()).isEqualTo("Prefers calls after 5pm");
            assertThat(n.createdAt()).isNotNull();
        });
        assertThat(profile.attributes()).containsEntry("tier", "Gold").containsEntry("renewal", "2027-01-31")
                .containsEntry("seats", "12.5").containsEntry("newsletter", "true");
        assertThat(profiles.attributeDefinitions()).extracting(AttributeDefinition::key)
                .contains("tier", "renewal", "seats", "newsletter");

        profiles.setAttribute(customer, "seats", " ");
        assertThat(profiles.profile(customer).orElseThrow().attributes()).doesNotContainKey("seats");
    }

    @Test
    void the_preferred_channel_is_learned_from_recent_messages_unless_an_agent_sets_one() {
        String mostUsed = inbound.account("Preferred A");
        String lessUsed = inbound.account("Preferred B");
        Identity visitor = new Identity(IdentityKind.WEBCHAT_VISITOR, "visitor-" + Inbound.uniqueWord());
        long customer = inbound.writes(lessUsed, visitor, "Fay Channel", "one").customerId();
        inbound.writes(mostUsed, visitor, null, "two");
        inbound.writes(mostUsed, visitor, null, "three");

        assertThat(profiles.preferredChannel(customer))
                .contains(new PreferredChannel(mostUsed, PreferredChannel.Source.LEARNED));

        profiles.setPreferredChannel(customer, lessUsed);
        assertThat(profiles.preferredChannel(customer))
                .contains(new PreferredChannel(lessUsed, PreferredChannel.Source.EXPLICIT));
        assertThat(profiles.profile(customer).orElseThrow().preferredChannel())
                .contains(new PreferredChannel(lessUsed, PreferredChannel.Source.EXPLICIT));

        profiles.setPreferredChannel(customer, null);
        assertThat(profiles.preferredChannel(customer).orElseThrow().source())
                .isEqualTo(PreferredChannel.Source.LEARNED);
        assertThatThrownBy(() -> profiles.setPreferredChannel(customer, "no-such-account"))
                .isInstanceOf(InvalidProfileValueException.class);
    }
}
