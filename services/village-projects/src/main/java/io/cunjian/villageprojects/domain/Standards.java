package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The register of standard versions, as the standard, plan and inspection use cases need it. */
public interface Standards {

    Optional<StandardVersion> find(String id);

    Optional<StandardOnFile> findOnFile(String id);

    /** The version, held until the transaction ends, so that concurrent edits and publications queue up. */
    Optional<StandardVersion> findForChange(String id);

    boolean exists(String id);

    void add(StandardVersion draft);

    /** Stores an edited draft; afterwards the stored version is {@code standard.version()}. */
    void update(StandardVersion standard);

    /** Stores the publication (the version is frozen from now on) with who published it and when. */
    void published(StandardVersion standard, String publishedBy, OffsetDateTime publishedAt);

    /** Versions whose scope covers {@code covering} (when not empty) with the status (when given), newest first. */
    List<StandardOnFile> search(String covering, StandardVersion.Status status, int page, int size);

    long countSearch(String covering, StandardVersion.Status status);

    /** Serialises the start-up publication of the default version across instances until the transaction ends. */
    void lockDefaults();
}
