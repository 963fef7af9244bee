package org.switchboard.portal.customerdata;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerDataProvider;
import org.switchboard.plugin.api.customer.CustomerDataSource;
import org.switchboard.plugin.api.customer.CustomerLookup;
import org.switchboard.plugin.api.customer.DataSourceContext;
import org.switchboard.portal.channel.InvalidConfigurationException;
import org.switchboard.portal.channel.SealedConfigs;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Configures customer-data sources and asks them about a customer. Each source is opened once and reused; a
 * change, a disable or its plugin stopping closes it. Lookups run in parallel with a deadline, so one slow shop
 * never holds up the customer view.
 */
@Service
public class CustomerDataSources implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CustomerDataSources.class);
    static final Duration DEADLINE = Duration.ofSeconds(8);

    private final DataSourceSettingsRepository settings;
    private final SealedConfigs configs;
    private final PluginHost plugins;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    private record Open(String pluginId, CustomerDataSource source) {
    }

    CustomerDataSources(DataSourceSettingsRepository settings, SealedConfigs configs, PluginHost plugins,
            Clock clock) {
        this.settings = settings;
        this.configs = configs;
        this.plugins = plugins;
        this.clock = clock;
        plugins.addStopListener(this::closeAllOf);
    }

    /** The providers of running plugins. */
    public List<CustomerDataProvider> providers() {
        return plugins.extensions(CustomerDataProvider.class).stream().map(Contributed::extension).toList();
    }

    /** The schema of a provider, empty when no running plugin provides it. */
    public List<ConfigField> schema(String providerId) {
        return provider(providerId).map(p -> p.extension().configSchema()).orElse(List.of());
    }

    @Transactional
    public DataSourceView create(String name, String providerId, Map<String, String> values) {
        CustomerDataProvider provider = requireProvider(providerId);
        requireName(name);
        Map<String, String> complete = configs.complete(provider.configSchema(), values, provider::validate);
        DataSourceSettings created = settings.save(new DataSourceSettings(UUID.randomUUID().toString(), name.strip(),
                providerId, configs.seal(provider.configSchema(), complete), clock.instant()));
        return view(created, provider.configSchema());
    }

    /** Changes a source; secrets left empty keep their stored value. */
    @Transactional
    public DataSourceView update(String id, String name, Map<String, String> values) {
        DataSourceSettings source = settings.findById(id).orElseThrow(() -> new IllegalArgumentException(
                "no such data source: " + id));
        CustomerDataProvider provider = requireProvider(source.getProviderId());
        requireName(name);
        Map<String, String> merged = configs.keepingUnchangedSecrets(provider.configSchema(), source.getConfig(),
                values);
        Map<String, String> complete = configs.complete(provider.configSchema(), merged, provider::validate);
        source.change(name.strip(), configs.seal(provider.configSchema(), complete));
        close(id);
        return view(source, provider.configSchema());
    }

    @Transactional
    public void setEnabled(String id, boolean enabled) {
        settings.findById(id).ifPresent(s -> s.setEnabled(enabled));
        close(id);
    }

    @Transactional(readOnly = true)
    public List<DataSourceView> list() {
        return settings.findAllByOrderByCreatedAt().stream().map(s -> view(s, schema(s.getProviderId()))).toList();
    }

    /**
     * Asks every enabled source about a customer, in parallel, each within {@link #DEADLINE}; a source that fails
     * or is late is reported with its problem, never as "no records".
     */
    public List<SourceRecords> lookup(long customerId, String displayName, List<Identity> identities) {
        CustomerLookup customer = new CustomerLookup(Long.toString(customerId), displayName, identities);
        List<DataSourceSettings> enabled = settings.findAllByOrderByCreatedAt().stream()
                .filter(DataSourceSettings::isEnabled).toList();
        List<Future<SourceRecords>> asked = enabled.stream()
                .map(s -> lookups.submit(() -> ask(s, customer))).toList();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<SourceRecords> answers = new java.util.ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String name = enabled.get(i).getName();
            try {
                answers.add(asked.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                asked.get(i).cancel(true);
                answers.add(new SourceRecords(name, List.of(), "did not answer within " + DEADLINE.toSeconds()
                        + " s"));
            } catch (ExecutionException e) {
                answers.add(new SourceRecords(name, List.of(), "failed: " + e.getCause().getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.add(new SourceRecords(name, List.of(), "interrupted"));
            }
        }
        return answers;
    }

    private SourceRecords ask(DataSourceSettings source, CustomerLookup customer) {
        try {
            CustomerDataSource opened = openOrGet(source);
            return new SourceRecords(source.getName(), opened.lookup(customer).records(), null);
        } catch (CustomerDataException e) {
            return new SourceRecords(source.getName(), List.of(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Customer data source {} failed", source.getId(), e);
            return new SourceRecords(source.getName(), List.of(), "the plugin failed: " + e.getClass().getSimpleName());
        }
    }

    private CustomerDataSource openOrGet(DataSourceSettings source) throws CustomerDataException {
        Open existing = open.get(source.getId());
        if (existing != null) {
            return existing.source();
        }
        Contributed<CustomerDataProvider> provider = provider(source.getProviderId()).orElseThrow(() ->
                new CustomerDataException("no running plugin provides '" + source.getProviderId() + "'"));
        ChannelConfig config = new ChannelConfig(configs.open(source.getConfig()));
        PluginContext pluginContext = plugins.context(provider.pluginId());
        CustomerDataSource opened = provider.extension().open(new Context(source.getId(), config, pluginContext));
        Open raced = open.putIfAbsent(source.getId(), new Open(provider.pluginId(), opened));
        if (raced != null) {
            opened.close();
            return raced.source();
        }
        return opened;
    }

    private java.util.Optional<Contributed<CustomerDataProvider>> provider(String providerId) {
        return plugins.extensions(CustomerDataProvider.class).stream()
                .filter(p -> p.extension().id().equals(providerId)).findFirst();
    }

    private CustomerDataProvider requireProvider(String providerId) {
        return provider(providerId).orElseThrow(() -> new InvalidConfigurationException(List.of(
                new ConfigProblem(null, "no running plugin provides the data source '" + providerId + "'"))))
                .extension();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem("name", "a name is required")));
        }
    }

    private void close(String id) {
        Open removed = open.remove(id);
        if (removed != null) {
            try {
                removed.source().close();
            } catch (RuntimeException e) {
                log.warn("Closing data source {} failed", id, e);
            }
        }
    }

    private void closeAllOf(String pluginId) {
        open.entrySet().stream().filter(e -> e.getValue().pluginId().equals(pluginId)).map(Map.Entry::getKey)
                .toList().forEach(this::close);
    }

    @Override
    public void destroy() {
        List.copyOf(open.keySet()).forEach(this::close);
        lookups.shutdownNow();
    }

    private static DataSourceView view(DataSourceSettings source, List<ConfigField> schema) {
        return new DataSourceView(source.getId(), source.getName(), source.getProviderId(), source.isEnabled(),
                SealedConfigs.masked(source.getConfig(), schema));
    }

    private record Context(String dataSourceId, ChannelConfig config, PluginContext plugin)
            implements DataSourceContext {
    }
}
