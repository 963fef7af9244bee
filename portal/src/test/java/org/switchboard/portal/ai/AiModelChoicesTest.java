package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.UnknownChannelAccountException;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Which model does which AI task, per workspace and channel account, with real plugin JARs: the keyword classifiers
 * built for the assistant's tests and the first-party assistant. The pipeline runs on the test thread
 * ({@code switchboard.ai.enabled=false} stops the asynchronous run), so "nothing happened" is a fact, not a wait.
 */
@PortalTest
class AiModelChoicesTest {

    private static final String ASSISTANT_EVENTS = "'BOT_REPLY', 'AI_SUGGESTED', 'ESCALATED'";

    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        Path plugins = TestData.newDirectory().root().resolve("plugins");
        AiPipelineTest.keywordClassifier().writeTo(plugins);
        registry.add("switchboard.plugins.directory", plugins::toString);
        registry.add("switchboard.ai.enabled", () -> "false");
    }

    @Autowired
    AiModelChoices choices;
    @Autowired
    AiPipeline pipeline;
    @Autowired
    InboundPipeline inbound;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    String first;
    String second;

    @BeforeEach
    void twoChatAccounts() {
        signIn(TestData.ADMIN_EMAIL, "ROLE_ADMIN");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("delete from ai_model_choice");
        jdbc.update("delete from audit_entry where action = ?", AiModelChoices.AUDITED_AS);
        first = accounts.create("Chat A " + UUID.randomUUID(), "webchat", Map.of()).id();
        second = accounts.create("Chat B " + UUID.randomUUID(), "webchat", Map.of()).id();
    }

    @AfterEach
    void noChoicesLeft() {
        jdbc.update("delete from ai_model_choice");
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String email, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority(role))));
    }

    @Test
    void the_installed_models_are_offered_per_task() {
        assertThat(choices.options(AiTask.INTENT)).extracting(AiModelOption::key)
                .contains("test-keyword-intent/keywords");
        assertThat(choices.options(AiTask.SENTIMENT)).extracting(AiModelOption::key)
                .contains("test-keyword-intent/sentiment-keywords").doesNotContain("test-keyword-intent/keywords");
        assertThat(choices.options(AiTask.ASSISTANT)).isNotEmpty();
    }

    @Test
    void without_choices_every_task_runs_with_the_first_installed_model() {
        long conversation = customerWrites(first, "Hello, a quick question about your opening hours");

        pipeline.process(conversation);

        assertThat(events(conversation, "'AI_CLASSIFIED'")).isEqualTo(2);
        assertThat(events(conversation, ASSISTANT_EVENTS)).isPositive();
    }

    @Test
    void the_workspace_switches_the_assistant_off_and_one_account_turns_it_back_on() {
        String assistant = choices.options(AiTask.ASSISTANT).getFirst().key();
        choices.choose(AiModelChoices.WORKSPACE, AiTask.ASSISTANT, AiModelChoices.OFF);
        choices.choose(second, AiTask.ASSISTANT, assistant);

        long onFirst = customerWrites(first, "Hello, a quick question about your opening hours");
        long onSecond = customerWrites(second, "Hello, a quick question about your opening hours");
        pipeline.process(onFirst);
        pipeline.process(onSecond);

        assertThat(events(onFirst, "'AI_CLASSIFIED'")).as("classifiers still run").isEqualTo(2);
        assertThat(events(onFirst, ASSISTANT_EVENTS)).as("no assistant on the workspace").isZero();
        assertThat(events(onSecond, ASSISTANT_EVENTS)).as("the account's own choice").isPositive();
        assertThat(choices.chosen(second)).containsEntry(AiTask.ASSISTANT, assistant);
        assertThat(jdbc.queryForList("select detail from audit_entry where action = ? order by id",
                String.class, AiModelChoices.AUDITED_AS)).containsExactly("Assistant: default → off",
                "Assistant: default → " + assistant);
    }

    @Test
    void an_account_can_switch_intent_off_and_back_to_the_workspace() {
        choices.choose(first, AiTask.INTENT, AiModelChoices.OFF);

        long off = customerWrites(first, "Where is my order 4711?");
        pipeline.process(off);
        assertThat(classifiedDetails(off)).hasSize(1).allSatisfy(detail -> assertThat(detail)
                .contains("sentiment-keywords"));

        choices.choose(first, AiTask.INTENT, null);
        long back = customerWrites(first, "Where is my order 4712?");
        pipeline.process(back);
        assertThat(classifiedDetails(back)).hasSize(2).anySatisfy(detail -> assertThat(detail)
                .contains("order_status"));
    }

    @Test
    void a_chosen_model_that_is_no_longer_installed_does_nothing_rather_than_another_model() {
        // As after the chosen model's plugin was uninstalled.
        jdbc.update("insert into ai_model_choice (channel_account_id, task, model_key, changed_by, changed_at)"
                + " values ('', 'INTENT', 'gone-plugin/gone-model', 'admin', now(6))");

        long conversation = customerWrites(first, "Where is my order 4713?");
        pipeline.process(conversation);

        assertThat(classifiedDetails(conversation)).hasSize(1).allSatisfy(detail -> assertThat(detail)
                .doesNotContain("order_status"));
    }

    @Test
    void bad_choices_are_refused_and_change_nothing() {
        assertThatThrownBy(() -> choices.choose(first, AiTask.INTENT, "nobody/nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No installed model");
        assertThatThrownBy(() -> choices.choose("no-such-account", AiTask.INTENT, AiModelChoices.OFF))
                .isInstanceOf(UnknownChannelAccountException.class);
        assertThat(choices.chosen(first)).isEmpty();
        assertThat(choices.chosen("no-such-account")).isEmpty();
    }

    @Test
    void only_admins_choose() {
        signIn("agent@example.test", "ROLE_AGENT");
        assertThatThrownBy(() -> choices.choose(AiModelChoices.WORKSPACE, AiTask.ASSISTANT, AiModelChoices.OFF))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(choices.chosen(AiModelChoices.WORKSPACE)).isEmpty();
    }

    private long customerWrites(String account, String text) {
        return new Inbound(inbound, accounts, jdbc).writes(account, Inbound.newVisitor(), "Mia Models", text)
                .conversationId();
    }

    private int events(long conversation, String types) {
        return jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ? and event_type"
                + " in (" + types + ")", Integer.class, conversation);
    }

    private List<String> classifiedDetails(long conversation) {
        return jdbc.queryForList("select detail from conversation_event where conversation_id = ? and event_type ="
                + " 'AI_CLASSIFIED'", String.class, conversation);
    }
}
