package io.cunjian.community.domain;

import io.cunjian.community.events.CommunityEvents;

/** The village's grid figures as stored now (read inside the use case's transaction, under the village's lock). */
public interface GridFigures {

    CommunityEvents.GridCounts of(String villageCode);
}
