package org.switchboard.portal.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.audit.AuditLog;

/**
 * The customer record beyond identity resolution: name, language, tags, notes, custom attributes, preferred
 * channel, and identities an agent adds by hand. Every method accepts the id of a merged customer and acts on the
 * customer it was merged into.
 */
@Service
public class CustomerProfiles {

    /** Audit actions (stored strings). */
    public static final String AUDIT_IDENTITY_ADDED = "customer.identity-added";

    static final Duration LEARNING_WINDOW = Duration.ofDays(30);
    private static final int MAX_TAG_LENGTH = 100;
    private static final int MAX_VALUE_LENGTH = 2000;

    private final CustomerRepository customers;
    private final CustomerIdentityRepository identities;
    private final CustomerTagRepository tags;
    private final CustomerNoteRepository notes;
    private final CustomerAttributeRepository attributes;
    private final CustomerAttributeValueRepository values;
    private final CustomerEventRepository events;
    private final IdentityNormalizer normalizer;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CustomerProfiles(CustomerRepository customers, CustomerIdentityRepository identities, CustomerTagRepository tags,
            CustomerNoteRepository notes, CustomerAttributeRepository attributes,
            CustomerAttributeValueRepository values, CustomerEventRepository events, IdentityNormalizer normalizer,
            AuditLog audit, JdbcTemplate jdbc, Clock clock) {
        this.customers = customers;
        this.identities = identities;
        this.tags = tags;
        this.notes = notes;
        this.attributes = attributes;
        this.values = values;
        this.events = events;
        this.normalizer = normalizer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The whole profile; empty when there is no such customer. A merged customer's id gives the survivor's. */
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> profile(long customerId) {
        return customers.findById(customerId).map(this::survivor).map(c -> {
            long id = c.getId();
            Map<Long, CustomerAttribute> definitions = attributes.findAll().stream()
                    .collect(Collectors.toMap(CustomerAttribute::getId, Function.identity()));
            Map<String, String> attributeValues = new LinkedHashMap<>();
            values.findByCustomerId(id).stream()
                    .sorted(java.util.Comparator.comparing(v -> definitions.get(v.getAttributeId()).toView()
                            .position()))
                    .forEach(v -> attributeValues.put(definitions.get(v.getAttributeId()).getKey(), v.getValue()));
            return new CustomerProfile(id, c.getDisplayName(), c.getLanguage(), c.getCreatedAt(),
                    identities.findByCustomer(id).stream()
                            .map(i -> new CustomerProfile.Identity(i.getId(), i.getKind(), i.getValue(),
                                    i.getCreatedAt()))
                            .toList(),
                    tags.findByCustomerIdOrderByTag(id).stream().map(CustomerTag::getTag).toList(),
                    notes.findByCustomerIdOrderByCreatedAtDescIdDesc(id).stream().map(CustomerNote::toView).toList(),
                    attributeValues, preferredChannelOf(c),
                    events.findByCustomerIdOrderByOccurredAtDescIdDesc(id).stream().map(CustomerEvent::toView)
                            .toList());
        });
    }

    /** An agent's edit of the customer's name (blank clears it). */
    @Transactional
    public void rename(long customerId, String name) {
        String clean = name == null ? null : name.strip();
        if (clean != null && clean.length() > 200) {
            throw new InvalidProfileValueException("a name is at most 200 characters");
        }
        load(customerId).rename(clean, clock.instant());
    }

    /**
     * Sets the customer's language as a BCP 47 tag ({@code de}, {@code pt-BR}); null or blank clears it.
     *
     * @return the tag in canonical form
     */
    @Transactional
    public String setLanguage(long customerId, String languageTag) {
        String tag = null;
        if (languageTag != null && !languageTag.isBlank()) {
            try {
                Locale locale = new Locale.Builder().setLanguageTag(languageTag.strip().replace('_', '-')).build();
                tag = locale.toLanguageTag();
            } catch (IllformedLocaleException e) {
                throw new InvalidProfileValueException("not a BCP 47 language tag: " + languageTag);
            }
            if (tag.equals("und") || tag.length() > 35) {
                throw new InvalidProfileValueException("not a BCP 47 language tag: " + languageTag);
            }
        }
        load(customerId).changeLanguage(tag, clock.instant());
        return tag;
    }

    /** Adds a tag (trimmed; a tag the customer has already, in any case, is not added twice). */
    @Transactional
    public void addTag(long customerId, String tag) {
        String clean = tag == null ? "" : tag.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_TAG_LENGTH) {
            throw new InvalidProfileValueException("a tag is 1 to " + MAX_TAG_LENGTH + " characters");
        }
        Customer customer = load(customerId);
        boolean present = tags.findByCustomerIdOrderByTag(customer.getId()).stream()
                .anyMatch(t -> t.getTag().equalsIgnoreCase(clean));
        if (!present) {
            tags.save(new CustomerTag(customer.getId(), clean, clock.instant()));
        }
    }

    /** Removes a tag (case-insensitively); nothing happens when the customer does not have it. */
    @Transactional
    public void removeTag(long customerId, String tag) {
        Customer customer = load(customerId);
        tags.findByCustomerIdOrderByTag(customer.getId()).stream()
                .filter(t -> t.getTag().equalsIgnoreCase(tag == null ? "" : tag.strip()))
                .forEach(tags::delete);
    }

    /** Adds a note by an agent. */
    @Transactional
    public CustomerProfile.Note addNote(long customerId, Long authorAgentId, String authorName, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidProfileValueException("a note needs some text");
        }
        if (text.length() > CustomerNote.MAX_LENGTH) {
            throw new InvalidProfileValueException("a note is at most " + CustomerNote.MAX_LENGTH + " characters");
        }
        Customer customer = load(customerId);
        String author = authorName == null || authorName.isBlank() ? "unknown" : authorName.strip();
        return notes.save(new CustomerNote(customer.getId(), authorAgentId,
                author.length() > 200 ? author.substring(0, 200) : author, text.strip(), clock.instant())).toView();
    }

    /** Deletes a note. */
    @Transactional
    public void deleteNote(long noteId) {
        notes.deleteById(noteId);
    }

    // --- custom attributes

    /**
     * Defines a custom attribute, or updates label, type and options of the one with this key.
     *
     * @param key     stable key: lower-case letters, digits, {@code -} and {@code _}, at most 64
     * @param options the choices of a {@link AttributeType#SELECT} (required for it, ignored otherwise)
     */
    @Transactional
    public AttributeDefinition defineAttribute(String key, String label, AttributeType type, List<String> options) {
        if (key == null || !key.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new InvalidProfileValueException(
                    "an attribute key is lower-case letters, digits, - and _ (at most 64): " + key);
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new InvalidProfileValueException("an attribute needs a label of at most 200 characters");
        }
        List<String> choices = type == AttributeType.SELECT
                ? (options == null ? List.<String>of() : options).stream().map(String::strip)
                        .filter(o -> !o.isEmpty()).distinct().toList()
                : List.of();
        if (type == AttributeType.SELECT && choices.isEmpty()) {
            throw new InvalidProfileValueException("a select attribute needs at least one option");
        }
        if (choices.stream().anyMatch(o -> o.contains("\n") || o.length() > 200)) {
            throw new InvalidProfileValueException("an option is one line of at most 200 characters");
        }
        Optional<CustomerAttribute> existing = attributes.findByKey(key);
        if (existing.isPresent()) {
            existing.get().update(label.strip(), type, choices);
            return existing.get().toView();
        }
        int position = (int) attributes.count();
        return attributes.save(new CustomerAttribute(key, label.strip(), type, choices, position, clock.instant()))
                .toView();
    }

    /** The attribute definitions, in form order. */
    @Transactional(readOnly = true)
    public List<AttributeDefinition> attributeDefinitions() {
        return attributes.findAllByOrderByPositionAscIdAsc().stream().map(CustomerAttribute::toView).toList();
    }

    /**
     * Sets a customer's value of a custom attribute; null or blank clears it. The value is checked against the
     * type: a decimal number, an ISO date ({@code 2026-11-23}), {@code true}/{@code false}, or one of the options.
     *
     * @return the stored (canonical) value, or null when cleared
     */
    @Transactional
    public String setAttribute(long customerId, String key, String value) {
        CustomerAttribute attribute = attributes.findByKey(key)
                .orElseThrow(() -> new InvalidProfileValueException("no custom attribute " + key));
        Customer customer = load(customerId);
        Optional<CustomerAttributeValue> current = values.findByCustomerIdAndAttributeId(customer.getId(),
                attribute.getId());
        if (value == null || value.isBlank()) {
            current.ifPresent(values::delete);
            return null;
        }
        String canonical = canonical(attribute, value.strip());
        if (current.isPresent()) {
            current.get().change(canonical, clock.instant());
        } else {
            values.save(new CustomerAttributeValue(customer.getId(), attribute.getId(), canonical, clock.instant()));
        }
        return canonical;
    }

    private static String canonical(CustomerAttribute attribute, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidProfileValueException("a value is at most " + MAX_VALUE_LENGTH + " characters");
        }
        return switch (attribute.getType()) {
            case TEXT -> value;
            case NUMBER -> {
                try {
                    yield new BigDecimal(value.replace(" ", "")).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    throw new InvalidProfileValueException(attribute.getKey() + " takes a number, not: " + value);
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidProfileValueException(
                            attribute.getKey() + " takes a date as YYYY-MM-DD, not: " + value);
                }
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> "true";
                case "false", "no" -> "false";
                default -> throw new InvalidProfileValueException(attribute.getKey() + " takes true or false");
            };
            case SELECT -> attribute.optionList().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new InvalidProfileValueException(attribute.getKey() + " takes one of "
                            + attribute.optionList() + ", not: " + value));
        };
    }

    // --- preferred channel

    /** Sets the channel account to reach the customer on; null returns to the learned one. */
    @Transactional
    public void setPreferredChannel(long customerId, String channelAccountId) {
        if (channelAccountId != null) {
            Integer known = jdbc.queryForObject("select count(*) from channel_account where id = ?", Integer.class,
                    channelAccountId);
            if (known == null || known == 0) {
                throw new InvalidProfileValueException("no channel account " + channelAccountId);
            }
        }
        load(customerId).choosePreferredChannel(channelAccountId, clock.instant());
    }

    /**
     * The channel to reach the customer on: the one an agent set, else the channel account the customer sent most
     * inbound messages to in the last 30 days (ties: the most recent), else empty.
     */
    @Transactional(readOnly = true)
    public Optional<PreferredChannel> preferredChannel(long customerId) {
        return preferredChannelOf(load(customerId));
    }

    private Optional<PreferredChannel> preferredChannelOf(Customer customer) {
        if (customer.getPreferredChannelAccountId() != null) {
            return Optional.of(new PreferredChannel(customer.getPreferredChannelAccountId(),
                    PreferredChannel.Source.EXPLICIT));
        }
        Instant since = clock.instant().minus(LEARNING_WINDOW);
        List<String> learned = jdbc.queryForList("""
                select m.channel_account_id from message m join conversation c on c.id = m.conversation_id
                where c.customer_id = ? and m.direction = 'IN' and m.created_at >= ?
                and m.channel_account_id is not null
                group by m.channel_account_id order by count(*) desc, max(m.created_at) desc limit 1""",
                String.class, customer.getId(), Sql.utc(since));
        return learned.stream().findFirst().map(a -> new PreferredChannel(a, PreferredChannel.Source.LEARNED));
    }

    // --- identities

    /**
     * Links an identity an agent typed to the customer (a phone number must be a valid one). Adding one the
     * customer has already changes nothing.
     *
     * @throws InvalidIdentityException  the value is no usable identity of that kind (with the reason)
     * @throws IdentityConflictException the identity belongs to another customer: offer a merge instead
     */
    @Transactional
    public CustomerProfile.Identity addIdentity(long customerId, String kind, String value) {
        IdentityKind identityKind;
        try {
            identityKind = new IdentityKind(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("not an identity kind: " + kind);
        }
        if (value == null || value.isBlank()) {
            throw new InvalidIdentityException("an identity needs a value");
        }
        NormalizedIdentity normalized = normalizer.normalizeEntered(new Identity(identityKind, value));
        Customer customer = load(customerId);
        Optional<CustomerIdentity> existing = identities.find(normalized.kind(), normalized.value());
        if (existing.isPresent()) {
            Customer owner = survivor(existing.get().getCustomer());
            if (!owner.getId().equals(customer.getId())) {
                throw new IdentityConflictException(normalized, owner.getId(),
                        owner.nameOr("customer #" + owner.getId()));
            }
            CustomerIdentity same = existing.get();
            return new CustomerProfile.Identity(same.getId(), same.getKind(), same.getValue(), same.getCreatedAt());
        }
        Instant now = clock.instant();
        CustomerIdentity saved = identities.save(new CustomerIdentity(customer, normalized, now));
        String actor = Actor.current();
        events.save(new CustomerEvent(customer.getId(), CustomerEventType.IDENTITY_ADDED, now, actor,
                normalized.kind() + " identity #" + saved.getId()));
        // The audit log outlives an erasure: ids and the kind only, never the value.
        audit.recordAfterCommit(actor, AUDIT_IDENTITY_ADDED, "customer:" + customer.getId(),
                "kind=" + normalized.kind() + " identity=" + saved.getId());
        return new CustomerProfile.Identity(saved.getId(), saved.getKind(), saved.getValue(), saved.getCreatedAt());
    }

    private Customer load(long customerId) {
        return survivor(customers.findById(customerId).orElseThrow(() -> new UnknownCustomerException(customerId)));
    }

    private Customer survivor(Customer customer) {
        return customer.isMerged()
                ? customers.findById(customer.getMergedIntoId()).orElseThrow(
                        () -> new UnknownCustomerException(customer.getMergedIntoId()))
                : customer;
    }
}
