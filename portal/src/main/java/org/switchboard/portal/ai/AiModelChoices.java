package org.switchboard.portal.ai;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.ReplyAssistant;
import org.switchboard.portal.agent.RoleGuard;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.UnknownChannelAccountException;
import org.switchboard.portal.customer.Sql;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Which installed model does intent, sentiment and the assistant's replies, for the whole workspace or one channel
 * account (an account's choice overrides the workspace's). A task can be switched off. Without any choice the first
 * installed model of the task is used, as before choices existed. A chosen model that is no longer installed does
 * nothing (and says so in the log and on the AI models page): another model is never swapped in unasked, because an
 * assistant the admin did not pick must not start answering customers.
 */
@Service
public class AiModelChoices {

    /** The key that switches a task off. */
    public static final String OFF = "off";
    /** The scope of the workspace-wide choices. */
    public static final String WORKSPACE = "";
    /** The audit log's action for a changed choice. */
    public static final String AUDITED_AS = "ai-model.chosen";

    private static final Logger log = LoggerFactory.getLogger(AiModelChoices.class);

    private final JdbcTemplate jdbc;
    private final PluginHost plugins;
    private final ChannelAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    AiModelChoices(JdbcTemplate jdbc, PluginHost plugins, ChannelAccounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.plugins = plugins;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The installed models that can do a task. */
    public List<AiModelOption> options(AiTask task) {
        List<AiModelOption> options = new ArrayList<>();
        if (task == AiTask.ASSISTANT) {
            for (Contributed<ReplyAssistant> assistant : plugins.extensions(ReplyAssistant.class)) {
                options.add(option(assistant, assistant.extension().model()));
            }
        } else {
            for (Contributed<MessageClassifier> classifier : classifiersFor(task)) {
                options.add(option(classifier, classifier.extension().model()));
            }
        }
        return options;
    }

    /** The stored choices of a scope ({@link #WORKSPACE} or a channel account id); a task without one is absent. */
    public Map<AiTask, String> chosen(String scope) {
        Map<AiTask, String> chosen = new EnumMap<>(AiTask.class);
        jdbc.query("select task, model_key from ai_model_choice where channel_account_id = ?", rs -> {
            chosen.put(AiTask.valueOf(rs.getString("task")), rs.getString("model_key"));
        }, scope);
        return chosen;
    }

    /**
     * Sets (admins only) which model does a task in a scope; {@code null} removes the choice (the account follows
     * the workspace; the workspace uses the first installed model). Audited.
     */
    @Transactional
    public void choose(String scope, AiTask task, String modelKey) {
        String actor = RoleGuard.requireAdmin("choose AI models");
        if (!WORKSPACE.equals(scope) && accounts.find(scope).isEmpty()) {
            throw new UnknownChannelAccountException(scope);
        }
        if (modelKey != null && !OFF.equals(modelKey)
                && options(task).stream().noneMatch(option -> option.key().equals(modelKey))) {
            throw new IllegalArgumentException("No installed model " + modelKey + " does " + task.label());
        }
        String before = chosen(scope).get(task);
        if (modelKey == null) {
            jdbc.update("delete from ai_model_choice where channel_account_id = ? and task = ?", scope, task.name());
        } else {
            jdbc.update("""
                    insert into ai_model_choice (channel_account_id, task, model_key, changed_by, changed_at)
                    values (?, ?, ?, ?, ?) on duplicate key update model_key = values(model_key),
                    changed_by = values(changed_by), changed_at = values(changed_at)""", scope, task.name(), modelKey,
                    actor, Sql.utc(clock.instant()));
        }
        audit.recordAfterCommit(actor, AUDITED_AS,
                WORKSPACE.equals(scope) ? "workspace" : "channel-account " + scope,
                task.label() + ": " + describe(before) + " → " + describe(modelKey));
    }

    /** The intent or sentiment classifier for a conversation on this channel account, if any. */
    Optional<Contributed<MessageClassifier>> classifier(AiTask task, String channelAccountId) {
        return pick(task, channelAccountId, classifiersFor(task), MessageClassifier::model);
    }

    /** The assistant for a conversation on this channel account, if any. */
    Optional<Contributed<ReplyAssistant>> assistant(String channelAccountId) {
        return pick(AiTask.ASSISTANT, channelAccountId, plugins.extensions(ReplyAssistant.class),
                ReplyAssistant::model);
    }

    private <T> Optional<Contributed<T>> pick(AiTask task, String channelAccountId, List<Contributed<T>> installed,
            Function<T, ModelInfo> model) {
        // The account's choice and the workspace's in one read (this runs for every customer message).
        Map<String, String> byScope = new java.util.HashMap<>();
        jdbc.query("select channel_account_id, model_key from ai_model_choice where task = ? and"
                + " channel_account_id in (?, ?)", rs -> {
                    byScope.put(rs.getString(1), rs.getString(2));
                }, task.name(), WORKSPACE, channelAccountId == null ? WORKSPACE : channelAccountId);
        String key = channelAccountId == null ? null : byScope.get(channelAccountId);
        if (key == null) {
            key = byScope.get(WORKSPACE);
        }
        if (key == null) {
            return installed.stream().findFirst();
        }
        if (OFF.equals(key)) {
            return Optional.empty();
        }
        String wanted = key;
        Optional<Contributed<T>> found = installed.stream()
                .filter(c -> key(c.pluginId(), model.apply(c.extension())).equals(wanted)).findFirst();
        if (found.isEmpty()) {
            log.warn("AI model {} chosen for {} is not installed: no {} for channel account {}", wanted,
                    task.label(), task.label().toLowerCase(java.util.Locale.ROOT), channelAccountId);
        }
        return found;
    }

    private List<Contributed<MessageClassifier>> classifiersFor(AiTask task) {
        MessageClassifier.Task wanted = task == AiTask.INTENT ? MessageClassifier.Task.INTENT
                : MessageClassifier.Task.SENTIMENT;
        return plugins.extensions(MessageClassifier.class).stream()
                .filter(c -> c.extension().task() == wanted).toList();
    }

    private static AiModelOption option(Contributed<?> contributed, ModelInfo model) {
        return new AiModelOption(key(contributed.pluginId(), model),
                model.id() + " " + model.version() + " (plugin " + contributed.pluginId() + ")");
    }

    static String key(String pluginId, ModelInfo model) {
        return pluginId + "/" + model.id();
    }

    private static String describe(String key) {
        return key == null ? "default" : key;
    }

    /** For the views: every task's options, in task order. */
    public Map<AiTask, List<AiModelOption>> allOptions() {
        Map<AiTask, List<AiModelOption>> all = new EnumMap<>(AiTask.class);
        for (AiTask task : AiTask.values()) {
            all.put(task, options(task));
        }
        return all;
    }
}
