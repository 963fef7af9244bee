package org.switchboard.portal.csat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ReplyTarget;
import org.switchboard.portal.outbound.ReplyNotPossibleException;
import org.switchboard.portal.outbound.ReplyService;

/**
 * Makes and sends surveys. A resolution of a conversation whose last channel has surveys enabled gets one survey
 * row (unique per resolution), due after the account's delay; when due it is sent through {@link ReplyService}
 * (outbox, retries) unless, by then, the conversation was reopened, surveys were turned off, the customer got a
 * survey within the account's quiet days, or the channel's reply window is closed: then it is skipped with the
 * reason. Runs on the CSAT worker thread, never in the transaction that resolved.
 */
@Service
class SurveySender {

    private static final Logger log = LoggerFactory.getLogger(SurveySender.class);
    /** A survey that could not go out this long after it was due is given up (its moment has passed). */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final int BATCH = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CsatSurveyRepository surveys;
    private final CsatSettings settings;
    private final ConversationQueries queries;
    private final ReplyService replies;
    private final RatingLinks links;
    private final CsatProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SurveySender(CsatSurveyRepository surveys, CsatSettings settings, ConversationQueries queries,
            ReplyService replies, RatingLinks links, CsatProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.surveys = surveys;
        this.settings = settings;
        this.queries = queries;
        this.replies = replies;
        this.links = links;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * After a conversation changed: if it is resolved and its last channel asks for surveys, schedules this
     * resolution's survey (once) and sends it at once when there is no delay.
     *
     * @return whether a survey was made now
     */
    boolean conversationChanged(long conversationId) {
        Optional<Instant> resolvedAt = queries.resolvedAt(conversationId);
        if (resolvedAt.isEmpty() || surveys.existsByConversationIdAndResolvedAt(conversationId, resolvedAt.get())) {
            return false;
        }
        Optional<ReplyTarget> target = queries.defaultReplyTarget(conversationId);
        Optional<ConversationSummary> summary = queries.summaries(List.of(conversationId)).stream().findFirst();
        if (target.isEmpty() || summary.isEmpty()) {
            return false; // the customer never wrote (or the conversation is gone): nowhere to ask
        }
        CsatAccountSettings account;
        try {
            account = settings.forAccount(target.get().channelAccountId());
        } catch (CsatException deleted) {
            return false;
        }
        if (!account.enabled()) {
            return false;
        }
        ConversationSummary conversation = summary.get();
        Long surveyId;
        try {
            surveyId = transaction.execute(status -> surveys.saveAndFlush(new CsatSurvey(conversationId,
                    conversation.customerId(), account.channelAccountId(), conversation.assigneeId(),
                    conversation.teamId(), resolvedAt.get(), resolvedAt.get().plus(account.delay()),
                    clock.instant())).getId());
        } catch (DataIntegrityViolationException scheduledMeanwhile) {
            return false; // another trigger of the same resolution was first
        }
        if (account.delay().isZero()) {
            send(surveyId);
        }
        return true;
    }

    /**
     * Makes the surveys of resolutions whose trigger was lost: the portal stopped between the commit and the
     * survey, or the CSAT queue was full. Looks at resolutions from {@code window} ago up to a minute ago (the
     * ordinary trigger handles the latest); each goes through {@link #conversationChanged}, which makes a survey
     * at most once per resolution and only where the account asks for one.
     *
     * @return how many surveys were made
     */
    int catchUp(Duration window) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        Instant to = now.minus(Duration.ofMinutes(1));
        long afterId = 0;
        int made = 0;
        List<Long> page;
        do {
            page = surveys.findResolutionsWithoutSurvey(from, to, afterId, BATCH);
            for (Long conversationId : page) {
                if (conversationChanged(conversationId)) {
                    made++;
                }
                afterId = conversationId;
            }
        } while (page.size() == BATCH);
        if (made > 0) {
            log.info("Made {} satisfaction surveys whose resolution had not been handled", made);
        }
        return made;
    }

    /** Sends every scheduled survey whose time has come; returns how many were handled. */
    int sendDue() {
        int handled = 0;
        List<Long> due;
        do {
            due = surveys.findDue(SurveyStatus.SCHEDULED, clock.instant(), Limit.of(BATCH));
            for (Long id : due) {
                send(id);
                handled++;
            }
        } while (due.size() == BATCH);
        return handled;
    }

    /** Sends one scheduled survey, or records why not. */
    void send(long surveyId) {
        CsatSurvey survey = surveys.findById(surveyId).orElse(null);
        if (survey == null || survey.getStatus() != SurveyStatus.SCHEDULED) {
            return;
        }
        Optional<String> reason = reasonNotToSend(survey);
        if (reason.isPresent()) {
            skip(surveyId, reason.get());
            return;
        }
        try {
            deliver(survey);
        } catch (ReplyNotPossibleException | ResolutionChangedException notNow) {
            skip(surveyId, notNow.getMessage());
        } catch (SurveyAlreadyHandledException handledMeanwhile) {
            log.debug("{}", handledMeanwhile.getMessage());
        } catch (RuntimeException e) {
            if (clock.instant().isAfter(survey.getSendAfter().plus(GIVE_UP_AFTER))) {
                skip(surveyId, "could not be sent in time: " + e.getMessage());
            } else {
                log.warn("Survey #{} not sent yet, trying again later: {}", surveyId, e.toString());
            }
        }
    }

    private Optional<String> reasonNotToSend(CsatSurvey survey) {
        boolean sameResolution = queries.resolvedAt(survey.getConversationId())
                .filter(at -> at.equals(survey.getResolvedAt())).isPresent();
        if (!sameResolution) {
            return Optional.of(ResolutionChangedException.MESSAGE);
        }
        CsatAccountSettings account;
        try {
            account = settings.forAccount(survey.getChannelAccountId());
        } catch (CsatException deleted) {
            return Optional.of("the channel account was deleted");
        }
        if (!account.enabled()) {
            return Optional.of("surveys were turned off for " + account.accountName());
        }
        if (account.quietDays() > 0) {
            long customerId = queries.summaries(List.of(survey.getConversationId())).stream().findFirst()
                    .map(ConversationSummary::customerId).orElse(survey.getCustomerId());
            List<Long> conversations = queries.idsOfCustomers(List.of(customerId));
            Instant last = surveys.findLastSentSince(conversations,
                    clock.instant().minus(Duration.ofDays(account.quietDays())));
            if (last != null) {
                return Optional.of("the customer got a survey on " + DAY.format(last) + ", within "
                        + account.quietDays() + " days");
            }
        }
        if (clock.instant().isAfter(survey.getSendAfter().plus(GIVE_UP_AFTER))) {
            return Optional.of("not sent in time (the portal was down or busy when it was due)");
        }
        return Optional.empty();
    }

    private void deliver(CsatSurvey survey) {
        long surveyId = survey.getId();
        CsatAccountSettings account = settings.forAccount(survey.getChannelAccountId());
        Instant now = clock.instant();
        String text = account.effectiveQuestion().replace(DefaultQuestions.LINK,
                links.url(surveyId, now.plus(properties.linkValidity())));
        String author = queries.summaries(List.of(survey.getConversationId())).stream().findFirst()
                .map(ConversationSummary::assigneeName).orElse(null);
        replies.sendSurvey(survey.getConversationId(), survey.getChannelAccountId(),
                author == null ? properties.senderName() : author, text, "survey #" + surveyId, messageId -> {
                    // In the transaction that stores the message: a reopening that raced us shows up here (or as a
                    // version conflict on the conversation, after which this runs again and sees it).
                    boolean sameResolution = queries.resolvedAt(survey.getConversationId())
                            .filter(at -> at.equals(survey.getResolvedAt())).isPresent();
                    if (!sameResolution) {
                        throw new ResolutionChangedException();
                    }
                    CsatSurvey current = surveys.findById(surveyId).orElseThrow();
                    current.sent(messageId, now);
                    surveys.saveAndFlush(current);
                });
    }

    private void skip(long surveyId, String reason) {
        try {
            ConflictRetry.retry(() -> transaction.executeWithoutResult(status -> surveys.findById(surveyId)
                    .filter(s -> s.getStatus() == SurveyStatus.SCHEDULED)
                    .ifPresent(s -> {
                        s.skip(reason);
                        surveys.saveAndFlush(s);
                    })));
        } catch (RuntimeException e) {
            log.warn("Survey #{} could not be marked skipped ({}): {}", surveyId, reason, e.toString());
        }
    }

    /** The conversation was reopened (or resolved again) after the resolution the survey asks about. */
    static final class ResolutionChangedException extends RuntimeException {

        static final String MESSAGE = "the conversation was reopened before the survey was due";

        ResolutionChangedException() {
            super(MESSAGE);
        }
    }
}
