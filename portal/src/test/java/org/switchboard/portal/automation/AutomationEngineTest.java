package org.switchboard.portal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.portal.automation.AutomationFixture.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.collaboration.AgentNotifications;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.collaboration.NotificationKind;
import org.switchboard.portal.collaboration.NotificationView;
import org.switchboard.portal.conversation.AiDecisions;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.CustomerMessageStored;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.customer.AttributeType;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.routing.Teams;

/**
 * Rules run on real conversations: customers write through the ingestion pipeline, agents change conversations
 * through the workflow services, the SLA breach is a real recorded event; the rules' effects are awaited.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AutomationEngineTest extends PortalTest.Base {

    @Autowired
    AutomationRules rules;
    @Autowired
    AutomationTriggers triggers;
    @Autowired
    AutomationEngine engine;
    @Autowired
    Baselines baselines;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    AgentDirectory agents;
    @Autowired
    ConversationQueries queries;
    @Autowired
    ConversationWorkflow workflow;
    @Autowired
    ConversationStore store;
    @Autowired
    AiDecisions decisions;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    CannedResponses cannedResponses;
    @Autowired
    AgentNotifications notifications;
    @Autowired
    Teams teams;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;

    AutomationFixture given;
    String account;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void fixture() {
        given = new AutomationFixture(pipeline, accounts, agents, queries, jdbc);
        account = given.chatAccount();
    }

    @AfterEach
    void deleteRules() {
        created.forEach(rules::delete);
    }

    @Test
    void a_customer_message_containing_a_word_gets_a_label_and_a_team() {
        String word = unique("refund");
        String label = unique("billing-");
        long team = teams.create(unique("Billing ")).id();
        rule(AutomationRuleView.of(unique("Refunds "), AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, "money back, " + word),
                        RuleCondition.of(ConditionField.CHANNEL, ConditionOperator.EQUALS, "webchat")),
                List.of(RuleAction.addLabel(label), RuleAction.assignTeam(team))));

        long matching = given.writes(account, given.visitor(), "Pat Refund", "I want a " + word.toUpperCase()
                + " please");
        long other = given.writes(account, given.visitor(), "Sam Other", "Where is my parcel?");

        Await.until("the label and the team are set", () -> given.conversation(matching).teamId() != null);
        Await.until("the rule's event is recorded", () -> !given.applied(matching).isEmpty());
        assertThat(given.conversation(matching).labels()).containsExactly(label);
        assertThat(given.conversation(matching).teamId()).isEqualTo(team);
        assertThat(given.applied(matching)).singleElement().asString()
                .startsWith("rule Refunds").contains("+" + label, "team Billing");
        assertThat(given.events(matching, "TEAM_CHANGED")).singleElement().asString().contains("rule Refunds");
        triggers.awaitIdle();
        assertThat(given.conversation(other).labels()).isEmpty();
        assertThat(given.applied(other)).isEmpty();
    }

    @Test
    void a_message_trigger_is_written_with_the_message_and_deleted_once_its_rules_ran() {
        String label = unique("kept-");
        long message = messageBeforeItsRule(label);
        long conversation = conversationOf(message);

        // Published in a transaction, as the ingest writer does: the trigger is in the table before the commit.
        List<Integer> seenBeforeCommit = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new CustomerMessageStored(conversation, message, account));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    seenBeforeCommit.add(pendingRows(conversation));
                }
            });
        });

        assertThat(seenBeforeCommit).as("written in the same transaction").containsExactly(1);
        Await.until("its rule acted", () -> given.conversation(conversation).labels().contains(label));
        triggers.awaitIdle();
        assertThat(pendingRows(conversation)).as("done, so deleted").isZero();
    }

    @Test
    void a_message_trigger_that_did_not_run_before_a_stop_runs_at_the_catch_up_once() {
        String label = unique("late-");
        long message = messageBeforeItsRule(label);
        long conversation = conversationOf(message);
        // What a stop right after the commit leaves: the trigger written with the message, and nothing ran.
        jdbc.update("""
                insert into automation_pending (id, trigger_type, conversation_id, message_id, channel_account_id,
                created_at) values (?, 'MESSAGE_CREATED', ?, ?, ?, utc_timestamp(6) - interval 1 hour)""",
                UUID.randomUUID().toString(), conversation, message, account);

        assertThat(triggers.replayPending()).isEqualTo(1);

        Await.until("the rule acted", () -> given.conversation(conversation).labels().contains(label));
        triggers.awaitIdle();
        assertThat(pendingRows(conversation)).isZero();
        assertThat(triggers.replayPending()).as("nothing left to run").isZero();
        triggers.awaitIdle();
        assertThat(given.applied(conversation)).as("the rule acted once").hasSize(1);
    }

    @Test
    void a_new_conversation_on_a_channel_gets_its_priority_and_a_later_message_does_not_run_created_rules() {
        rule(AutomationRuleView.of(unique("New on this chat "), AutomationTrigger.CONVERSATION_CREATED,
                List.of(RuleCondition.of(ConditionField.CHANNEL, ConditionOperator.EQUALS, account)),
                List.of(RuleAction.priority(Priority.HIGH))));
        Identity visitor = given.visitor();

        long conversation = given.writes(account, visitor, "Pat New", "Hello");
        Await.until("the priority is high", () -> given.conversation(conversation).priority() == Priority.HIGH);
        Await.until("the rule's event is recorded", () -> !given.applied(conversation).isEmpty());
        assertThat(given.applied(conversation)).singleElement().asString().contains("priority HIGH");

        workflow.changePriority(conversation, Priority.LOW, null);
        assertThat(given.writes(account, visitor, "Pat New", "Hello again")).isEqualTo(conversation);
        triggers.awaitIdle();
        assertThat(given.conversation(conversation).priority()).isEqualTo(Priority.LOW);
        assertThat(given.applied(conversation)).hasSize(1);
    }

    @Test
    void an_agent_adding_a_label_makes_an_updated_rule_assign_an_agent() {
        String label = unique("vip-");
        long agent = given.agent("Vera Vip");
        String name = unique("VIPs to Vera ");
        rule(AutomationRuleView.of(name, AutomationTrigger.CONVERSATION_UPDATED,
                List.of(RuleCondition.of(ConditionField.LABEL, ConditionOperator.EQUALS, label),
                        RuleCondition.of(ConditionField.ASSIGNEE, ConditionOperator.ABSENT, null)),
                List.of(RuleAction.assignAgent(agent))));
        long conversation = given.writes(account, given.visitor(), "Pat Vip", "Hi");
        triggers.awaitIdle();
        assertThat(given.conversation(conversation).assigneeId()).isNull();

        workflow.changeLabels(conversation, Set.of(label), Set.of(), admin().id());

        Await.until("Vera is assigned", () -> Long.valueOf(agent).equals(given.conversation(conversation)
                .assigneeId()));
        Await.until("the rule's event is recorded", () -> !given.applied(conversation).isEmpty());
        assertThat(given.events(conversation, "ASSIGNED")).singleElement().asString()
                .isEqualTo("agent #" + agent + ": rule " + name);
        assertThat(given.applied(conversation)).singleElement().asString().contains("assigned to Vera Vip");
    }

    @Test
    void a_change_whose_update_trigger_was_lost_is_checked_by_the_catch_up_once() {
        String marker = urgentGetsLabel();
        long conversation = given.writes(account, given.visitor(), "Pat Lost", "Hello");
        triggers.awaitIdle();
        // Committed, but the portal stopped before the automation worker heard of it.
        jdbc.update("update conversation set priority = 'URGENT', version = version + 1 where id = ?", conversation);

        assertThat(triggers.catchUp()).contains(conversation);

        Await.until("the rule acted", () -> given.conversation(conversation).labels().contains(marker));
        triggers.awaitIdle();
        assertThat(given.applied(conversation)).singleElement().asString().contains("+" + marker);
        triggers.catchUp();
        triggers.awaitIdle();
        assertThat(given.applied(conversation)).as("the rule acts once for the change").hasSize(1);
    }

    @Test
    void the_update_checks_of_many_conversations_act_only_where_a_watched_attribute_changed() {
        String marker = urgentGetsLabel();
        long first = given.writes(account, given.visitor(), "Pat First", "Hello");
        long second = given.writes(account, given.visitor(), "Pat Second", "Hello");
        long alreadyUrgent = given.writes(account, given.visitor(), "Pat Urgent", "Hello");
        workflow.changePriority(alreadyUrgent, Priority.URGENT, null);
        Await.until("the rule acted on the urgent one", () -> given.applied(alreadyUrgent).size() == 1);
        triggers.awaitIdle();
        // Changed behind the worker's back (as if their triggers were lost), then checked together.
        jdbc.update("update conversation set priority = 'URGENT', version = version + 1 where id in (?, ?)", first,
                second);

        engine.runUpdateChecks(List.of(first, alreadyUrgent, -1L, second));

        assertThat(given.conversation(first).labels()).containsExactly(marker);
        assertThat(given.conversation(second).labels()).containsExactly(marker);
        assertThat(given.applied(alreadyUrgent)).as("nothing changed there since the rule acted").hasSize(1);
        triggers.awaitIdle();
        assertThat(baselines.observeAll(List.of(first, second, alreadyUrgent))).as("all seen as they are now")
                .isEmpty();
    }

    @Test
    void the_new_conversations_of_one_transaction_start_being_watched_together_and_a_change_before_counts() {
        String marker = urgentGetsLabel();
        long first = given.writes(account, given.visitor(), "Pat New One", "Hello");
        long second = given.writes(account, given.visitor(), "Pat New Two", "Hello");
        triggers.awaitIdle();
        // As if their creation jobs had not run yet, and the second was made urgent before they did.
        jdbc.update("delete from automation_baseline where conversation_id in (?, ?)", first, second);
        jdbc.update("update conversation set priority = 'URGENT', version = version + 1 where id = ?", second);

        engine.runCreated(List.of(first, second, -1L));

        assertThat(jdbc.queryForList("select concat(conversation_id, ' ', status, ' ', priority) from "
                + "automation_baseline where conversation_id in (?, ?) order by conversation_id", String.class,
                first, second)).as("both watched from the state conversations are created in")
                .containsExactly(first + " OPEN NORMAL", second + " OPEN NORMAL");
        engine.runUpdateChecks(List.of(first, second));
        assertThat(given.conversation(second).labels()).as("made urgent before it was watched: an update")
                .containsExactly(marker);
        assertThat(given.conversation(first).labels()).isEmpty();
    }

    @Test
    void many_long_labels_read_back_as_unchanged() {
        // 20 labels of 60 characters: longer joined than group_concat_max_len on a server that sets MySQL's 1,024.
        Set<String> labels = new java.util.TreeSet<>();
        for (int i = 0; i < 20; i++) {
            labels.add(("l" + i + "-" + UUID.randomUUID() + "-" + UUID.randomUUID()).substring(0, 60));
        }
        long conversation = given.writes(account, given.visitor(), "Pat Labels", "Hi");
        workflow.changeLabels(conversation, labels, Set.of(), admin().id());
        triggers.awaitIdle();

        assertThat(baselines.observe(conversation)).as("what changed since the worker last looked")
                .doesNotContain("labels");
        assertThat(given.conversation(conversation).labels()).containsExactlyInAnyOrderElementsOf(labels);
    }

    @Test
    void an_sla_breach_notifies_the_chosen_agents_the_assignee_and_the_team_and_makes_it_urgent() {
        String label = unique("sla-");
        long supervisor = given.agent("Sid Supervisor");
        long assignee = given.agent("Ann Assignee");
        long member = given.agent("Tom Teammate");
        long team = teams.create(unique("Escalations ")).id();
        teams.addMember(team, member);
        String name = unique("Breach alarm ");
        rule(AutomationRuleView.of(name, AutomationTrigger.SLA_BREACHED,
                List.of(RuleCondition.of(ConditionField.LABEL, ConditionOperator.EQUALS, label)),
                List.of(RuleAction.priority(Priority.URGENT),
                        RuleAction.notifyAgents(List.of(supervisor), "SLA missed: please look"),
                        RuleAction.notify(NotifyRecipients.ASSIGNEE, "Your conversation missed its SLA"),
                        RuleAction.notify(NotifyRecipients.TEAM, "A team conversation missed its SLA"))));
        long conversation = given.writes(account, given.visitor(), "Pat Waiting", "Anyone there?");
        workflow.changeLabels(conversation, Set.of(label), Set.of(), null);
        workflow.transferToTeam(conversation, team, null, null);
        store.assign(conversation, assignee, null);
        triggers.awaitIdle();
        assertThat(notifications.unreadCount(supervisor)).isZero();

        workflow.recordEvent(conversation, ConversationEventType.SLA_BREACHED, null,
                "first response, policy \"Test\", due 2026-11-23T10:00:00Z");

        Await.until("the conversation is urgent", () -> given.conversation(conversation).priority()
                == Priority.URGENT);
        Await.until("the rule's event is recorded", () -> !given.applied(conversation).isEmpty());
        assertThat(ruleNotifications(supervisor, conversation)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RULE);
            assertThat(n.preview()).isEqualTo("SLA missed: please look");
            assertThat(n.headline()).startsWith("Rule “" + name + "” · Pat Waiting");
        });
        assertThat(ruleNotifications(assignee, conversation)).extracting(NotificationView::preview)
                .containsExactly("Your conversation missed its SLA");
        assertThat(ruleNotifications(member, conversation)).extracting(NotificationView::preview)
                .containsExactly("A team conversation missed its SLA");
        assertThat(notifications.unreadCount(supervisor)).isEqualTo(1);
        assertThat(given.applied(conversation)).singleElement().asString().contains("priority URGENT",
                "notified 1 agent");
    }

    @Test
    void conditions_on_intent_sentiment_attribute_label_status_and_channel_must_all_hold() {
        String key = unique("tier_");
        profiles.defineAttribute(key, "Tier", AttributeType.TEXT, List.of());
        String label = unique("watch-");
        String matched = unique("matched-");
        rule(AutomationRuleView.of(unique("Angry pros "), AutomationTrigger.CONVERSATION_UPDATED, List.of(
                RuleCondition.of(ConditionField.INTENT, ConditionOperator.EQUALS, "complaint"),
                RuleCondition.of(ConditionField.SENTIMENT, ConditionOperator.EQUALS, "negative"),
                RuleCondition.attribute(key, ConditionOperator.EQUALS, "pro"),
                RuleCondition.of(ConditionField.LABEL, ConditionOperator.EQUALS, label),
                RuleCondition.of(ConditionField.STATUS, ConditionOperator.EQUALS, "open"),
                RuleCondition.of(ConditionField.CHANNEL, ConditionOperator.EQUALS, account)),
                List.of(RuleAction.addLabel(matched))));

        long angryPro = given.writes(account, given.visitor(), "Pat Pro", "This is unacceptable");
        long happyPro = given.writes(account, given.visitor(), "Hal Pro", "Thanks a lot");
        for (long conversation : List.of(angryPro, happyPro)) {
            profiles.setAttribute(given.conversation(conversation).customerId(), key, "pro");
            workflow.changeLabels(conversation, Set.of(label), Set.of(), null);
            decisions.classified(conversation, MessageClassifier.Task.INTENT, classification("complaint"));
        }
        decisions.classified(happyPro, MessageClassifier.Task.SENTIMENT, classification("positive"));
        decisions.classified(angryPro, MessageClassifier.Task.SENTIMENT, classification("negative"));

        Await.until("the angry pro is matched", () -> given.conversation(angryPro).labels().contains(matched));
        triggers.awaitIdle();
        assertThat(given.conversation(happyPro).labels()).containsExactly(label);
    }

    @Test
    void a_canned_reply_goes_out_with_its_variables_filled_as_the_rules_bot_reply() {
        String word = unique("hours");
        CannedResponseView hours = cannedResponses.create(admin(), unique("hours"), "Opening hours",
                "Hi {{customer.first_name}}, we are open 9–17 (conversation {{conversation.id}}).", true);
        String name = unique("Opening hours ");
        rule(AutomationRuleView.of(name, AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, word)),
                List.of(RuleAction.cannedReply(hours.id()))));

        long conversation = given.writes(account, given.visitor(), "Pat Hours", "What are your " + word + "?");

        Await.until("the rule replied", () -> given.events(conversation, "BOT_REPLY").contains("rule " + name));
        assertThat(jdbc.queryForList("select body_text from message where conversation_id = ? and direction = 'OUT'"
                + " and author_name = 'Support team'", String.class, conversation))
                .containsExactly("Hi Pat, we are open 9–17 (conversation " + conversation + ").");
        String status = "select concat(delivery_status, ' ', coalesce(failure_reason, '')) from message where"
                + " conversation_id = ? and author_name = 'Support team'";
        Await.until("the reply is handed to the chat", () -> !jdbc.queryForObject(status, String.class,
                conversation).startsWith("QUEUED"));
        assertThat(jdbc.queryForObject(status, String.class, conversation)).startsWith("SENT");
        Await.until("the rule's event is recorded", () -> !given.applied(conversation).isEmpty());
        assertThat(given.applied(conversation)).singleElement().asString().contains("sent /" + hours.shortcut());
    }

    @Test
    void a_disabled_rule_does_nothing_until_it_is_enabled() {
        String word = unique("switch");
        String off = unique("off-");
        String on = unique("on-");
        long disabled = rule(new AutomationRuleView(null, unique("Disabled "), false, 0,
                AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, word)),
                List.of(RuleAction.addLabel(off))));
        rule(AutomationRuleView.of(unique("Enabled "), AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, word)),
                List.of(RuleAction.addLabel(on))));

        long first = given.writes(account, given.visitor(), "Pat Switch", "about " + word);
        Await.until("the enabled rule ran", () -> given.conversation(first).labels().contains(on));
        triggers.awaitIdle();
        assertThat(given.conversation(first).labels()).containsExactly(on);

        rules.setEnabled(disabled, true);
        long second = given.writes(account, given.visitor(), "Sam Switch", "about " + word);
        Await.until("both rules ran", () -> given.conversation(second).labels().size() == 2);
        assertThat(given.conversation(second).labels()).containsExactlyInAnyOrder(on, off);
    }

    @Test
    void changes_made_by_rules_do_not_trigger_rules_so_two_rules_that_undo_each_other_stop() {
        String ping = unique("ping-");
        String pong = unique("pong-");
        rule(AutomationRuleView.of(unique("Ping "), AutomationTrigger.CONVERSATION_UPDATED,
                List.of(RuleCondition.of(ConditionField.LABEL, ConditionOperator.EQUALS, ping)),
                List.of(RuleAction.removeLabel(ping), RuleAction.addLabel(pong), RuleAction.priority(Priority.HIGH))));
        rule(AutomationRuleView.of(unique("Pong "), AutomationTrigger.CONVERSATION_UPDATED,
                List.of(RuleCondition.of(ConditionField.LABEL, ConditionOperator.EQUALS, pong)),
                List.of(RuleAction.removeLabel(pong), RuleAction.addLabel(ping), RuleAction.priority(Priority.LOW))));
        long conversation = given.writes(account, given.visitor(), "Pat Pingpong", "Hi");

        workflow.changeLabels(conversation, Set.of(ping), Set.of(), null);

        Await.until("both rules ran once", () -> given.applied(conversation).size() >= 2);
        // Without loop prevention the rules' own changes would have queued more runs before this returns.
        triggers.awaitIdle();
        assertThat(given.applied(conversation)).hasSize(2);
        assertThat(given.applied(conversation).get(0)).contains("-" + ping, "+" + pong);
        assertThat(given.applied(conversation).get(1)).contains("-" + pong, "+" + ping);
        assertThat(given.conversation(conversation).labels()).containsExactly(ping);
        assertThat(given.conversation(conversation).priority()).isEqualTo(Priority.LOW);

        // A later change by an agent is an update again: the rules run once more, and stop again.
        workflow.changePriority(conversation, Priority.URGENT, admin().id());
        Await.until("the rules ran again", () -> given.applied(conversation).size() >= 4);
        triggers.awaitIdle();
        assertThat(given.applied(conversation)).hasSize(4);
    }

    @Test
    void an_action_that_fails_is_recorded_and_the_others_still_run() {
        String word = unique("broken");
        String label = unique("after-");
        long gone = given.agent("Gone Agent");
        long team = teams.create(unique("Short lived ")).id();
        String name = unique("Half broken ");
        rule(AutomationRuleView.of(name, AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, word)),
                List.of(RuleAction.assignAgent(gone), RuleAction.assignTeam(team), RuleAction.addLabel(label),
                        RuleAction.status(ConversationStatus.PENDING))));
        jdbc.update("update agent set enabled = false where id = ?", gone);
        teams.delete(team);

        long conversation = given.writes(account, given.visitor(), "Pat Broken", "this is " + word);

        Await.until("the rule ran", () -> !given.applied(conversation).isEmpty());
        assertThat(given.conversation(conversation).labels()).containsExactly(label);
        assertThat(given.conversation(conversation).status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(given.conversation(conversation).assigneeId()).isNull();
        assertThat(given.applied(conversation)).singleElement().asString()
                .contains("+" + label, "status PENDING",
                        "FAILED assign agent #" + gone + ": agent #" + gone + " no longer exists or is disabled",
                        "FAILED assign team #" + team + ": team #" + team + " no longer exists");
    }

    /** A customer's message, then a message-created rule that labels it (the message's own trigger had no rule). */
    private long messageBeforeItsRule(String label) {
        String word = unique("refund");
        long conversation = given.writes(account, given.visitor(), "Pat Pending", "I want a " + word);
        triggers.awaitIdle();
        rule(AutomationRuleView.of(unique("Label "), AutomationTrigger.MESSAGE_CREATED,
                List.of(RuleCondition.of(ConditionField.TEXT, ConditionOperator.CONTAINS, word)),
                List.of(RuleAction.addLabel(label))));
        return jdbc.queryForObject("select max(id) from message where conversation_id = ?", Long.class,
                conversation);
    }

    private long conversationOf(long message) {
        return jdbc.queryForObject("select conversation_id from message where id = ?", Long.class, message);
    }

    private int pendingRows(long conversation) {
        return jdbc.queryForObject("select count(*) from automation_pending where conversation_id = ?",
                Integer.class, conversation);
    }

    /** An update rule that labels urgent conversations; returns the label. */
    private String urgentGetsLabel() {
        String marker = unique("urgent-");
        rule(AutomationRuleView.of(unique("Urgent gets a label "), AutomationTrigger.CONVERSATION_UPDATED,
                List.of(RuleCondition.of(ConditionField.PRIORITY, ConditionOperator.EQUALS, "URGENT")),
                List.of(RuleAction.addLabel(marker))));
        return marker;
    }

    private long rule(AutomationRuleView rule) {
        long id = rules.save(rule).id();
        created.add(id);
        return id;
    }

    private AgentView admin() {
        return agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow();
    }

    private List<NotificationView> ruleNotifications(long agentId, long conversationId) {
        return notifications.latest(agentId, 20).stream().filter(n -> n.conversationId() == conversationId)
                .filter(n -> n.kind() == NotificationKind.RULE).toList();
    }

    private static Classification classification(String label) {
        return new Classification(label, 0.95, Map.of(), new ModelInfo("test-model", "1"));
    }
}
