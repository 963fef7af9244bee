package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.metrics.BreakdownRow;
import org.switchboard.portal.metrics.Dimension;
import org.switchboard.portal.metrics.Granularity;
import org.switchboard.portal.metrics.LiveFigures;
import org.switchboard.portal.metrics.Metric;
import org.switchboard.portal.metrics.Metrics;
import org.switchboard.portal.metrics.MetricsFilter;
import org.switchboard.portal.metrics.MetricsFixture;
import org.switchboard.portal.metrics.MetricsQuery;
import org.switchboard.portal.metrics.MetricsRebuild;
import org.switchboard.portal.metrics.MetricsReport;
import org.switchboard.portal.metrics.Seed;
import org.switchboard.portal.sla.BusinessHoursSettings;
import org.switchboard.portal.sla.OpeningHours;
import org.switchboard.portal.sla.SlaSettings;
import org.switchboard.portal.sla.WeeklyHours;

/**
 * The dashboards show exactly what the metrics API returns (for the hand-computed fixture), their CSV downloads
 * carry the same numbers, charts come with a table alternative, and an agent sees only their own page.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class DashboardViewsTest extends SpringBrowserlessTest {

    static final String HOURS = "Dashboard test hours";
    static final LocalDate FROM = LocalDate.of(2025, 3, 3);
    static final LocalDate TO = LocalDate.of(2025, 3, 16);
    private static MetricsFixture fixture;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("switchboard.metrics.poller", () -> "false");
        registry.add("switchboard.ai.enabled", () -> "false");
        registry.add("switchboard.metrics.business-hours", () -> HOURS);
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    SlaSettings slaSettings;
    @Autowired
    MetricsRebuild rebuild;
    @Autowired
    Metrics metrics;
    @Autowired
    LiveFigures live;

    @BeforeEach
    void fixture() {
        synchronized (DashboardViewsTest.class) {
            if (fixture == null) {
                slaSettings.saveBusinessHours(new BusinessHoursSettings(null, HOURS, "Europe/Berlin",
                        WeeklyHours.weekdays(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of()));
                fixture = new MetricsFixture(new Seed(new JdbcTemplate(dataSource), 500_000_000_000L));
                fixture.seed.queued.forEach(fixture.seed::insert);
                rebuild.rebuild();
            }
        }
    }

    private static void period(DashboardFilters filters) {
        filters.from.setValue(FROM);
        filters.to.setValue(TO);
    }

    @Test
    void the_overview_shows_the_apis_numbers_and_its_csv_carries_them() throws Exception {
        DashboardView view = navigate(DashboardView.class);
        period(view.filters);
        MetricsReport api = metrics.report(new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY));
        assertThat(api.value(Metric.CONVERSATIONS)).isEqualTo(19.0);

        assertThat(test(view.kpis).size()).isEqualTo(Metric.values().length);
        for (int row = 0; row < Metric.values().length; row++) {
            Metric metric = test(view.kpis).getRow(row);
            assertThat(test(view.kpis).getCellText(row, 1)).as(metric.label())
                    .isEqualTo(metric.format(api.value(metric)));
            assertThat(test(view.kpis).getCellText(row, 2)).isEqualTo(metric.format(api.previousValue(metric)));
        }
        // Spot checks against the hand-computed values: 19 conversations (1 before), FCR 9/14, FRT median 300 s.
        assertThat(cell(view, Metric.CONVERSATIONS, 1)).isEqualTo("19");
        assertThat(cell(view, Metric.CONVERSATIONS, 2)).isEqualTo("1");
        assertThat(cell(view, Metric.FCR_RATE, 1)).isEqualTo("64.3%");
        assertThat(cell(view, Metric.FIRST_RESPONSE_MEDIAN, 1)).isEqualTo("5m 00s");

        String csv = download(view.kpiCsv);
        assertThat(csv).startsWith("\uFEFFmetric,unit,this period,previous period\r\n");
        assertThat(csv).contains("\r\nConversations,count,19,1\r\n");
        assertThat(csv).contains("\r\n\"First response, median\",seconds,300,120\r\n");
        assertThat(csv).contains("\r\nFirst-contact resolution,share (0-1),0.642857,1\r\n");
        assertThat(csv).contains("\r\nCSAT,share (0-1),0.666667,\r\n");
        assertThat(csv.split("\r\n")).hasSize(Metric.values().length + 1);

        // Charts: accessible SVG with the series as a table (and CSV), 14 days; volume by hour of day.
        DashboardChart conversations = view.trends.get(Metric.CONVERSATIONS);
        assertThat(conversations.svg).contains("role=\"img\"", "aria-label=\"Conversations\"");
        assertThat(conversations.rows).hasSize(14);
        assertThat(conversations.rows.getFirst()).containsExactly("2025-03-03", "3", "0");
        assertThat(download(conversations.csv)).contains("\uFEFFday,This period,Previous period\r\n2025-03-03,3,0\r\n");
        assertThat(view.byHour.rows.get(9)).containsExactly("09", "5");
        assertThat(view.byIntent.rows).contains(List.of("billing", "7"), List.of("none", "1"));
        assertThat(view.trends.get(Metric.FIRST_RESPONSE_MEDIAN).png.getText()).isEqualTo("Download PNG");
    }

    @Test
    void the_live_tiles_show_the_live_figures() {
        DashboardView view = navigate(DashboardView.class);
        LiveFigures.Tiles now = live.now();
        assertThat(view.tiles.get("open").getText()).isEqualTo(String.valueOf(now.open()));
        assertThat(view.tiles.get("unassigned").getText()).isEqualTo(String.valueOf(now.unassigned()));
        assertThat(view.tiles.get("online").getText()).isEqualTo(String.valueOf(now.agentsOnline()));
        assertThat(view.tiles.get("sla").getText()).isEqualTo(String.valueOf(now.slaAtRisk()));
        assertThat(view.rebuild.isVisible()).isTrue();
    }

    @Test
    void the_channel_page_puts_each_channel_side_by_side() throws Exception {
        DashboardChannelsView view = navigate(DashboardChannelsView.class);
        period(view.filters);
        List<BreakdownRow> api = metrics.breakdown(new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY),
                Dimension.CHANNEL_ACCOUNT);
        assertThat(api).hasSize(3);
        for (BreakdownRow channel : api) {
            int column = test(view.table).getColumnPosition(channel.key());
            for (int row = 0; row < Metric.values().length; row++) {
                Metric metric = test(view.table).getRow(row);
                assertThat(test(view.table).getCellText(row, column)).isEqualTo(metric.format(channel.value(metric)));
            }
        }
        BreakdownRow web = api.stream().filter(r -> r.key().equals(fixture.web)).findFirst().orElseThrow();
        assertThat(web.value(Metric.CONVERSATIONS)).isEqualTo(11.0);
        String csv = download(view.csv);
        assertThat(csv).contains("Conversations,count,");
        assertThat(csv.lines().filter(l -> l.startsWith("Conversations,")).findFirst().orElseThrow().split(","))
                .contains("11", "5", "3");

        view.by.setValue(Dimension.CHANNEL_KIND);
        assertThat(view.rows).extracting(BreakdownRow::key).containsExactly("email", "webchat", "whatsapp");
    }

    @Test
    void a_supervisor_sees_the_leaderboard_and_any_agents_figures() throws Exception {
        DashboardAgentsView view = navigate(DashboardAgentsView.class);
        period(view.filters);
        assertThat(view.supervisor).isTrue();
        assertThat(view.leaderboard.isVisible()).isTrue();
        BreakdownRow a2 = view.rows.stream().filter(r -> r.key().equals(String.valueOf(fixture.a2))).findFirst()
                .orElseThrow();
        assertThat(a2.value(Metric.RESOLUTIONS)).isEqualTo(6.0);
        assertThat(a2.value(Metric.FIRST_RESPONSE_MEDIAN)).isEqualTo(600.0);
        assertThat(download(view.leaderboardCsv)).contains("\r\n" + fixture.a2 + ",Fixture Bo,0,6,7,6,600,");

        view.agent.setValue(view.agent.getListDataView().getItems().filter(c -> c.id() == fixture.a3).findFirst()
                .orElseThrow());
        assertThat(view.agentTitle.getText()).isEqualTo("Fixture Cy");
        assertThat(view.agentReport.value(Metric.FCR_RATE)).isEqualTo(3.0 / 4);
        assertThat(cell(view.kpis, Metric.FIRST_RESPONSE_MEDIAN)).isEqualTo("55m 00s");
    }

    @Test
    void an_agent_sees_only_their_own_figures() throws Exception {
        var admin = SecurityContextHolder.getContext().getAuthentication();
        String email = new JdbcTemplate(dataSource).queryForObject("select email from agent where id = ?",
                String.class, fixture.a2);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        try {
            DashboardAgentsView view = navigate(DashboardAgentsView.class);
            period(view.filters);
            assertThat(view.supervisor).isFalse();
            assertThat(view.leaderboard.getParent()).isEmpty();
            assertThat(view.filters.agents.isVisible()).isFalse();
            assertThat(view.agent.isReadOnly()).isTrue();
            assertThat(view.agent.getValue().id()).isEqualTo(fixture.a2);
            assertThat(view.agentReport.value(Metric.RESOLUTIONS)).isEqualTo(6.0);
            assertThat(cell(view.kpis, Metric.FCR_RATE)).isEqualTo("50.0%");
            assertThat(download(view.kpiCsv)).contains("\r\nResolutions,count,6,0\r\n");

            // The service refuses anything beyond their own figures, whatever a view would ask.
            MetricsQuery all = new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY);
            assertThatThrownBy(() -> metrics.report(all)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> metrics.breakdown(all.withFilter(MetricsFilter.ANY.withAgents(
                    Set.of(fixture.a1))), Dimension.AGENT)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(live::now).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> rebuild.requestRebuild()).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(admin);
        }
    }

    private String cell(DashboardView view, Metric metric, int column) {
        return test(view.kpis).getCellText(List.of(Metric.values()).indexOf(metric), column);
    }

    private String cell(com.vaadin.flow.component.grid.Grid<Metric> grid, Metric metric) {
        return test(grid).getCellText(List.of(Metric.values()).indexOf(metric), 1);
    }

    private String download(com.vaadin.flow.component.html.Anchor anchor) throws Exception {
        var out = new ByteArrayOutputStream();
        test(anchor).download(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
