package org.switchboard.plugins.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.ReplyAssistant;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The packaged plugin JAR, loaded by PF4J the way the portal loads it (main class built with its context), offers
 * the assistant and phrases through an LLM with its relocated JSON library. Uses only JDK, PF4J, plugin-API and
 * test-kit types: the plugin's classes are not on this test's class path.
 */
class PluginJarIT {

    @TempDir
    Path pluginsRoot;

    private final TestPluginContext context = new TestPluginContext("ai-assistant");
    private final ProviderStub llm = ProviderStub.start();
    private JarPluginManager manager;

    @BeforeEach
    void load() throws IOException {
        Path jar = Path.of(System.getProperty("assistant.plugin.jar"));
        Files.copy(jar, pluginsRoot.resolve(jar.getFileName()));
        manager = new JarPluginManager(pluginsRoot) {
            @Override
            protected PluginFactory createPluginFactory() {
                return new DefaultPluginFactory() {
                    @Override
                    protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
                        try {
                            return (Plugin) pluginClass.getConstructor(PluginContext.class).newInstance(context);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
            }
        };
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterEach
    void unload() {
        manager.stopPlugin("ai-assistant");
        manager.unloadPlugin("ai-assistant");
        context.close();
        llm.close();
    }

    @Test
    void the_jar_loads_and_offers_the_assistant_which_answers_through_an_llm() throws Exception {
        assertThat(PluginJarIT.class.getClassLoader()
                .getResource("org/switchboard/plugins/assistant/GroundedAssistant.class"))
                .as("the plugin's classes come from the JAR only").isNull();
        PluginWrapper plugin = manager.getPlugin("ai-assistant");
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(plugin.getDescriptor().getRequires()).isEqualTo(">=0.4.0 & <1.0.0");
        List<ReplyAssistant> assistants = manager.getExtensions(ReplyAssistant.class, "ai-assistant");
        assertThat(assistants).hasSize(1);
        ReplyAssistant assistant = assistants.getFirst();
        assertThat(assistant.id()).isEqualTo("assistant");

        llm.always("POST", "/v1/chat/completions", ProviderStub.Answer.json(200,
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + "\"Order #4827 has shipped with DHL, tracking JJD000390007.\"},\"finish_reason\":\"stop\"}]}"));
        AssistantReply reply = assistant.reply(Requests.conversation()
                .order("4827", "shipped", "49.90", "EUR", null,
                        Map.of("carrier", "DHL", "tracking number", "JJD000390007"))
                .customer("whatsapp", "where is my order 4827?").intent("order_status", 0.9)
                .config("llmUrl", llm.baseUrl() + "/v1").config("llmModel", "llama3.1:8b").build());

        assertThat(reply.decision()).isEqualTo(AssistantReply.Decision.ANSWER);
        assertThat(reply.text()).isEqualTo("Order #4827 has shipped with DHL, tracking JJD000390007.");
        assertThat(reply.model().id()).isEqualTo("assistant-llm:llama3.1:8b");
        assertThat(llm.requests()).hasSize(1);
    }
}
