package io.cunjian.reporting.api;

import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.domain.Fact;

/** Reads the events of one topic into what they tell reporting. */
interface EventProjector {

    /** The topic's logical name ({@code village.events}). */
    String topic();

    /** What the event tells reporting; {@code null} for a type reporting does not need. */
    Fact fact(IncomingEvent event);
}
