package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.triage.TriageRuleView;
import org.switchboard.portal.triage.TriageRules;

/** Admins write triage rules in the UI; a rule without a condition or an action is refused. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class TriageRulesViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    TriageRules triage;

    @Test
    void an_admin_adds_a_rule_that_routes_complaints_and_an_incomplete_rule_is_refused() {
        String name = "Complaints " + UUID.randomUUID();
        TriageRulesView view = navigate(TriageRulesView.class);

        test(view.name).setValue(name);
        test(view.intent).setValue("complaint");
        test(view.priority).selectItem("URGENT");
        test(view.team).setValue("Escalations");
        test(view.labels).setValue("Complaint, VIP");
        test(view.save).click();

        TriageRuleView saved = triage.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.whenIntent()).isEqualTo("complaint");
        assertThat(saved.setPriority()).isEqualTo(Priority.URGENT);
        assertThat(saved.routeToTeamId()).isEqualTo(triage.team("Escalations").getId());
        assertThat(saved.addLabels()).containsExactlyInAnyOrder("complaint", "vip");
        assertThat(view.rules.getListDataView().getItems().map(TriageRuleView::name)).contains(name);

        int before = triage.list().size();
        test(view.name).setValue("No condition");
        test(view.intent).setValue("");
        test(view.team).setValue("");
        test(view.priority).selectItem("HIGH");
        test(view.save).click();
        assertThat(triage.list()).hasSize(before);

        test(view.name).setValue("Bad label");
        test(view.intent).setValue("billing");
        test(view.labels).setValue("<b>");
        test(view.save).click();
        assertThat(triage.list()).hasSize(before);
    }
}
