package io.shizheng.platform.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry moving: a listener that failed (or whose instance died) gets the event
 * again after a while, and completed publications are removed after a month. Once across instances (ShedLock),
 * rather than every instance republishing on restart.
 */
@Component
class EventPublications {

    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    static final Duration KEEP_COMPLETED = Duration.ofDays(30);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;

    EventPublications(IncompleteEventPublications incomplete, CompletedEventPublications completed) {
        this.incomplete = incomplete;
        this.completed = completed;
    }

    @Scheduled(fixedDelayString = "${shizheng.events.retry-every:PT1M}",
            initialDelayString = "${shizheng.events.retry-initial-delay:PT1M}")
    @SchedulerLock(name = "platform.event-publications", lockAtMostFor = "PT10M")
    void resubmitAndTidy() {
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
        completed.deletePublicationsOlderThan(KEEP_COMPLETED);
        log.debug("Event publications: incomplete ones older than {} resubmitted, completed older than {} removed",
                RETRY_AFTER, KEEP_COMPLETED);
    }
}
