package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/** Agents keep the customer record in the 360 panel; identities taken by someone else lead to a merge. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CustomerPanelEditingTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    DataSource dataSource;

    @Test
    void tags_notes_and_language_are_kept_and_shown() {
        long customer = customerWriting("+4930" + digits(8), "Lee Record");
        CustomerView view = navigate(CustomerView.class, customer);

        test(view.panel.record.newTag).setValue("VIP");
        test(view.panel.record.addTag).click();
        test(view.panel.record.language).setValue("de-DE");
        test(view.panel.record.newNote).setValue("Prefers calls after 5pm");
        test(view.panel.record.addNote).click();

        CustomerProfile profile = profiles.profile(customer).orElseThrow();
        assertThat(profile.tags()).containsExactly("VIP");
        assertThat(view.panel.record.tags.getElement().getTextRecursively()).contains("VIP");
        assertThat(profile.language()).isEqualTo("de-DE");
        assertThat(profile.notes()).extracting(CustomerProfile.Note::text).containsExactly("Prefers calls after 5pm");
        assertThat(view.panel.record.notes.getElement().getTextRecursively()).contains("Prefers calls after 5pm");
    }

    @Test
    void adding_an_identity_that_belongs_to_another_customer_offers_a_merge_which_joins_them() {
        String otherPhone = "+4940" + digits(8);
        long customer = customerWriting("+4930" + digits(8), "Sam Twice");
        long other = customerWriting(otherPhone, "Sam Twice");
        CustomerView view = navigate(CustomerView.class, customer);

        test(view.panel.identities.kind).selectItem("phone");
        test(view.panel.identities.value).setValue(otherPhone);
        test(view.panel.identities.add).click();

        assertThat(view.panel.identities.conflict.getElement().getTextRecursively())
                .contains("#" + other).contains("merge");
        assertThat(profiles.profile(customer).orElseThrow().identities()).extracting(CustomerProfile.Identity::value)
                .doesNotContain(otherPhone);
        var mergeButton = view.panel.identities.conflict.getChildren()
                .filter(c -> c instanceof com.vaadin.flow.component.button.Button).findFirst().orElseThrow();
        test((com.vaadin.flow.component.button.Button) mergeButton).click();

        assertThat(profiles.profile(customer).orElseThrow().identities()).extracting(CustomerProfile.Identity::value)
                .contains(otherPhone);
        assertThat(profiles.profile(other).orElseThrow().id()).isEqualTo(customer);
        assertThat(view.panel.identities.merges.getElement().getTextRecursively()).contains("Undo merge");
    }

    @Test
    void an_admin_erases_a_customer_and_nothing_of_them_remains() {
        String phone = "+4930" + digits(8);
        long customer = customerWriting(phone, "Erin Erase");
        CustomerView view = navigate(CustomerView.class, customer);
        assertThat(view.panel.privacy.isVisible()).isTrue();

        view.panel.privacy.eraseNow();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from customer_identity where identity_value = ?",
                Integer.class, phone)).isZero();
        assertThat(profiles.profile(customer)).isEmpty();
    }

    @Test
    void an_admin_defines_an_attribute_and_agents_fill_it_in_on_the_customer() {
        String key = "plan" + digits(4);
        CustomerAttributesView attributes = navigate(CustomerAttributesView.class);
        test(attributes.key).setValue(key);
        test(attributes.label).setValue("Plan");
        test(attributes.type).selectItem("SELECT");
        test(attributes.options).setValue("free, pro");
        test(attributes.define).click();
        assertThat(attributes.attributes.getListDataView().getItems().map(a -> a.key())).contains(key);

        long customer = customerWriting("+4930" + digits(8), "Ada Attribute");
        CustomerView view = navigate(CustomerView.class, customer);
        var field = (com.vaadin.flow.component.textfield.TextField) view.panel.record.attributes.getChildren()
                .filter(c -> c.getId().orElse("").equals("customer-attribute-" + key)).findFirst().orElseThrow();
        test(field).setValue("pro");

        assertThat(profiles.profile(customer).orElseThrow().attributes()).containsEntry(key, "pro");
    }

    @Test
    void likely_duplicates_are_listed_for_agents_and_merged_only_when_confirmed() {
        String national = "30" + digits(7);
        long first = customerWriting("+49" + national, "Dana Double");
        long second = customerWriting("+43" + national, "Dana Double");
        DuplicatesView view = navigate(DuplicatesView.class);

        assertThat(view.suggestions.getListDataView().getItems()
                .filter(s -> List.of(s.first().id(), s.second().id()).containsAll(List.of(first, second))))
                .hasSize(1);
        assertThat(profiles.profile(second).orElseThrow().id()).as("nothing merged by itself").isEqualTo(second);
    }

    private long customerWriting(String phone, String name) {
        Inbound inbound = new Inbound(pipeline, accounts, new JdbcTemplate(dataSource));
        return inbound.writes(inbound.anyWebchatAccount(), Identity.phone(phone), name, "Hello").customerId();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        digits.append(1 + (int) (Math.random() * 9));
        while (digits.length() < count) {
            digits.append((int) (Math.random() * 10));
        }
        return digits.toString();
    }
}
