package io.cunjian.reporting.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import io.cunjian.reporting.domain.ProgressReports;

/**
 * Every report answer says how fresh its figures are — the roll-ups and village reports in their
 * body, all of them (as-of, series and exports too) in a {@code Data-Freshness} header:
 * {@code lag-seconds=0.412; last-event=2026-11-29T08:00:01.2+08:00}, the lag being the slowest
 * topic's time from an event's commit at its producer to its application here.
 */
@Provider
public class FreshnessHeader implements ContainerResponseFilter {

    public static final String HEADER = "Data-Freshness";

    @Inject
    ProgressReports reports;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !request.getUriInfo().getPath().startsWith("/api/v1/reports/")) {
            return;
        }
        // roll-ups and village reports carry it already (the same reading): no second query
        Object body = response.getEntity();
        ProgressReports.Freshness f = body instanceof ProgressReports.RegionReport region ? region.freshness()
                : body instanceof ProgressReports.VillageReport village ? village.freshness() : reports.freshness();
        response.getHeaders().putSingle(HEADER, f.lastEventTime() == null ? "no-events"
                : "lag-seconds=" + f.lagSeconds() + "; last-event=" + f.lastEventTime());
    }
}
