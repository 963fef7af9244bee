package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.OpeningHours;
import org.switchboard.portal.sla.SlaPolicySettings;
import org.switchboard.portal.sla.SlaSettings;

/** Supervisors edit business hours and SLA policies; invalid input is refused with a reason and changes nothing. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class SlaSettingsViewsTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    SlaSettings settings;

    @Autowired
    AuditLog audit;

    @Test
    void business_hours_are_created_from_the_form_and_hours_across_midnight_are_refused() {
        BusinessHoursView view = navigate(BusinessHoursView.class);
        test(view.name).setValue("Berlin office");
        test(view.timeZone).selectItem("Europe/Berlin");
        test(view.days.get(DayOfWeek.FRIDAY)).setValue("09:00-12:00, 13:00-15:00");
        test(view.holidays).setValue("2026-12-25 Christmas Day\n2026-12-26");
        test(view.save).click();

        BusinessHoursSettings saved = settings.businessHours().stream()
                .filter(h -> h.name().equals("Berlin office")).findFirst().orElseThrow();
        assertThat(saved.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(saved.hours().on(DayOfWeek.MONDAY))
                .containsExactly(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(saved.hours().on(DayOfWeek.FRIDAY)).hasSize(2);
        assertThat(saved.hours().on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(saved.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(view.grid.getListDataView().getItems().map(BusinessHoursSettings::name))
                .contains("Berlin office");
        assertThat(audit.latest(SlaSettings.AUDIT_HOURS_SAVED, 5)).anyMatch(e -> e.getDetail()
                .startsWith("Berlin office"));

        test(view.days.get(DayOfWeek.SATURDAY)).setValue("22:00-06:00");
        test(view.save).click();
        assertThat(view.problem.getText()).contains("cross midnight");
        assertThat(settings.businessHours().stream().filter(h -> h.name().equals("Berlin office")).findFirst()
                .orElseThrow().hours().on(DayOfWeek.SATURDAY)).as("nothing changed").isEmpty();
    }

    @Test
    void a_policy_is_created_from_the_form_and_an_invalid_one_is_refused_with_a_reason() {
        SlaPoliciesView view = navigate(SlaPoliciesView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("SLA policies", "Business hours");
        test(view.name).setValue("Urgent web chat");
        test(view.priority).selectItem("URGENT");
        test(view.channel).selectItem("webchat");
        test(view.firstResponse).setValue("30m");
        test(view.resolution).setValue("1h 30m");
        test(view.save).click();

        SlaPolicySettings saved = settings.policies().stream().filter(p -> p.name().equals("Urgent web chat"))
                .findFirst().orElseThrow();
        assertThat(saved.priority()).isEqualTo(Priority.URGENT);
        assertThat(saved.channel()).isEqualTo("webchat");
        assertThat(saved.firstResponse()).isEqualTo(Duration.ofMinutes(30));
        assertThat(saved.resolution()).isEqualTo(Duration.ofMinutes(90));
        assertThat(saved.businessHoursId()).as("calendar time").isNull();
        assertThat(saved.enabled()).isTrue();
        assertThat(view.problem.getText()).isEmpty();
        assertThat(audit.latest(SlaSettings.AUDIT_POLICY_SAVED, 5)).anyMatch(e -> e.getDetail()
                .startsWith("Urgent web chat"));
        int count = settings.policies().size();

        test(view.startNew).click();
        test(view.name).setValue("Broken");
        test(view.firstResponse).setValue("soon");
        test(view.save).click();
        assertThat(view.problem.getText()).contains("not a time");
        assertThat(settings.policies()).hasSize(count);

        test(view.firstResponse).setValue("");
        test(view.save).click();
        assertThat(view.problem.getText()).contains("Set a first-response target, a resolution target, or both");

        test(view.name).setValue("Second urgent web chat");
        test(view.priority).selectItem("URGENT");
        test(view.channel).selectItem("webchat");
        test(view.firstResponse).setValue("1h");
        test(view.save).click();
        assertThat(view.problem.getText()).contains("already covers urgent priority on webchat");
        assertThat(settings.policies()).hasSize(count);
    }

    @Test
    @WithMockUser(username = TestData.ADMIN_EMAIL, roles = "AGENT")
    void an_agent_cannot_change_sla_settings() {
        assertThatThrownBy(() -> settings.savePolicy(new SlaPolicySettings(null, "Sneaky", Priority.LOW, null,
                Duration.ofHours(1), null, null, true))).isInstanceOf(AccessDeniedException.class);
        assertThat(settings.policies()).noneMatch(p -> p.name().equals("Sneaky"));
    }
}
