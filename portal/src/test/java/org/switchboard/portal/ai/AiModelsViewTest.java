package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.testplugins.TestPluginJar;
import org.switchboard.portal.ui.AiModelsViewAccess;

/**
 * Retraining from the admin page: upload a CSV, watch progress, see the held-out figures, activate; with a real
 * (small, memorising) trainable classifier plugin. Predictions change only after activation.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AiModelsViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        Path plugins = TestData.newDirectory().root().resolve("plugins");
        memorisingClassifier().writeTo(plugins);
        registry.add("switchboard.plugins.directory", plugins::toString);
    }

    @Autowired
    ModelTraining training;
    @Autowired
    AiModelChoices choices;
    @Autowired
    org.switchboard.portal.channel.ChannelAccounts accounts;

    @Test
    void an_uploaded_csv_trains_a_candidate_which_is_active_only_once_activated() throws Exception {
        MessageClassifier classifier = training.classifiers().stream().filter(c -> c.id().equals("memo"))
                .findFirst().orElseThrow();
        assertThat(classifier.classify("parcel late", null).label()).isEqualTo("other");
        AiModelsViewAccess view = new AiModelsViewAccess(navigate(org.switchboard.portal.ui.AiModelsView.class));

        view.chooseClassifier("memo");
        view.upload("text,label\nparcel late,order_status\nmoney back,refund\n".getBytes(StandardCharsets.UTF_8));
        try {
            Await.until("the report is shown", () -> {
                // The training thread updates the view with UI.access; run what it queued, as a push would.
                var session = com.vaadin.flow.server.VaadinSession.getCurrent();
                session.getService().runPendingAccessTasks(session);
                return view.activateVisible();
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; stage: " + view.stageText(), timedOut);
        }

        assertThat(view.reportText()).contains("Held-out accuracy 100.0 %");
        assertThat(classifier.classify("parcel late", null).label()).as("not active yet").isEqualTo("other");
        view.activate();
        assertThat(classifier.classify("parcel late", null).label()).isEqualTo("order_status");
        assertThat(classifier.model().version()).isEqualTo("candidate-1");
    }

    @Test
    void an_admin_picks_the_intent_model_per_channel_account_on_the_page() {
        String account = accounts.create("Chat " + java.util.UUID.randomUUID(), "webchat", java.util.Map.of()).id();
        var view = navigate(org.switchboard.portal.ui.AiModelsView.class);
        var selects = org.switchboard.portal.ui.AiModelsViewAccess.choiceSelects(view);

        assertThat(selects).containsKeys(AiModelChoices.WORKSPACE, account);
        var intent = selects.get(account).get(AiTask.INTENT);
        assertThat(intent.getListDataView().getItems().toList()).contains("inherit", AiModelChoices.OFF,
                "test-memo-classifier/memo");
        test(intent).selectItem("Off");

        assertThat(choices.chosen(account)).containsEntry(AiTask.INTENT, AiModelChoices.OFF);
        assertThat(choices.chosen(AiModelChoices.WORKSPACE)).doesNotContainKey(AiTask.INTENT);
    }

    /** A trainable classifier that memorises its examples: enough to test the portal's training flow. */
    static TestPluginJar memorisingClassifier() {
        return TestPluginJar.plugin("test-memo-classifier").requires(">=0.4.0 & <1.0.0")
                .source("testplugin.memo.Memo", """
                        package testplugin.memo;

                        import java.util.HashMap;
                        import java.util.List;
                        import java.util.Map;
                        import org.pf4j.Extension;
                        import org.switchboard.plugin.api.ai.*;

                        @Extension
                        public class Memo implements MessageClassifier {
                            static volatile Map<String, String> active = Map.of();
                            static volatile ModelInfo activeModel = new ModelInfo("memo", "empty");
                            static final Map<String, Map<String, String>> candidates = new HashMap<>();
                            static int runs;

                            public String id() { return "memo"; }
                            public Task task() { return Task.INTENT; }
                            public ModelInfo model() { return activeModel; }
                            public List<String> labels() { return List.of("order_status", "refund", "other"); }
                            public Classification classify(String text, ConversationSnapshot c) {
                                String label = active.getOrDefault(text, "other");
                                return new Classification(label, 1.0, Map.of(label, 1.0), activeModel);
                            }
                            public boolean trainable() { return true; }
                            public synchronized TrainingReport train(List<LabelledText> examples, TrainingProgress p) {
                                Map<String, String> learned = new HashMap<>();
                                for (int i = 0; i < examples.size(); i++) {
                                    learned.put(examples.get(i).text(), examples.get(i).label());
                                    p.report((i + 1.0) / examples.size(), "example " + (i + 1));
                                }
                                String version = "candidate-" + (++runs);
                                candidates.put(version, learned);
                                return new TrainingReport(new ModelInfo("memo", version), examples.size(),
                                        examples.size(), 1.0, 1.0, Map.of());
                            }
                            public void activate(ModelInfo candidate) throws AiException {
                                Map<String, String> chosen = candidates.get(candidate.version());
                                if (chosen == null) {
                                    throw new AiException("no candidate " + candidate.version());
                                }
                                active = chosen;
                                activeModel = candidate;
                            }
                        }
                        """);
    }
}
