package io.cunjian.villageprojects.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.security.Caller;

/**
 * Villages from a spreadsheet (ADR 0037), keyed by their code: a village not registered is registered, a registered
 * one takes the row's details (the sheet is the office's record of it; the same details change nothing and publish
 * nothing), through the API's use cases, all in one transaction: every row is written, or none.
 */
@ApplicationScoped
public class VillageImport {

    @Inject
    VillageService service;
    @Inject
    Villages villages;

    /** One row: the village, its township and its details. */
    public record Row(RegionCode code, String townshipCode, Village.Details details) {
    }

    /** A row its use case refused with an outcome rather than an exception. */
    public static final class RejectedRow extends RuntimeException {

        private final transient Village.Rejection rejection;

        RejectedRow(Village.Rejection rejection) {
            super(rejection.toString(), null, false, false);
            this.rejection = rejection;
        }

        public Village.Rejection rejection() {
            return rejection;
        }
    }

    /** How many villages were registered, changed, and left as they were. */
    public record Imported(int registered, int updated, int unchanged) {
    }

    @Transactional
    public Imported importAll(Caller caller, List<Row> rows) {
        int registered = 0;
        int updated = 0;
        int unchanged = 0;
        List<RowsRefused.Failure> failures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                boolean known = villages.exists(row.code());
                Village.Outcome outcome = known
                        ? service.updateOne(caller, row.code(), row.details(), ExpectedVersion.any())
                        : service.registerOne(caller, row.code(), row.townshipCode(), row.details());
                if (outcome instanceof Village.Rejected rejected) {
                    throw new RejectedRow(rejected.rejection());
                }
                if (outcome instanceof Village.Unchanged) {
                    unchanged++;
                } else if (known) {
                    updated++;
                } else {
                    registered++;
                }
            } catch (RuntimeException refused) {
                failures.add(new RowsRefused.Failure(i, refused));
            }
        }
        if (!failures.isEmpty()) {
            throw new RowsRefused(failures);
        }
        return new Imported(registered, updated, unchanged);
    }
}
