package io.cunjian.villageprojects.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.villageprojects.domain.StandardOnFile;
import io.cunjian.villageprojects.domain.StandardVersion;
import io.cunjian.villageprojects.domain.Standards;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StandardVersionRepository implements Standards, PanacheRepositoryBase<StandardVersionEntity, String> {

    @Override
    public Optional<StandardVersion> find(String id) {
        return findByIdOptional(id).map(StandardVersionEntity::toDomain);
    }

    @Override
    public Optional<StandardOnFile> findOnFile(String id) {
        return findByIdOptional(id).map(StandardVersionEntity::onFile);
    }

    @Override
    public Optional<StandardVersion> findForChange(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(StandardVersionEntity::toDomain);
    }

    @Override
    public boolean exists(String id) {
        return findByIdOptional(id).isPresent();
    }

    @Override
    public void add(StandardVersion draft) {
        StandardVersionEntity e = new StandardVersionEntity();
        e.apply(draft);
        persist(e);
        flush(); // a publication in the same transaction finds the row
    }

    @Override
    public void update(StandardVersion standard) {
        findById(standard.id()).apply(standard);
        flush(); // bumps @Version to the one the standard names
    }

    @Override
    public void published(StandardVersion standard, String publishedBy, OffsetDateTime publishedAt) {
        StandardVersionEntity e = findById(standard.id());
        e.apply(standard);
        e.publishedAt = publishedAt;
        e.publishedBy = publishedBy;
        flush();
    }

    @Override
    public List<StandardOnFile> search(String covering, StandardVersion.Status status, int page, int size) {
        return query(covering, status).page(Page.of(page, size)).list().stream().map(StandardVersionEntity::onFile)
                .toList();
    }

    @Override
    public long countSearch(String covering, StandardVersion.Status status) {
        return query(covering, status).count();
    }

    private PanacheQuery<StandardVersionEntity> query(String covering, StandardVersion.Status status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (covering != null && !covering.isEmpty()) {
            // the scope is a prefix of the region (a village in 220382 follows a standard for 22)
            where.append(" and :covering like concat(scope, '%')");
            p.and("covering", covering);
        }
        if (status != null) {
            where.append(" and status = :status");
            p.and("status", status);
        }
        return find(where.toString(), Sort.by("createdAt", Sort.Direction.Descending).and("id"), p);
    }

    @Override
    public void lockDefaults() {
        AdvisoryLock.hold(getEntityManager(), AdvisoryLock.DEFAULT_STANDARD);
    }
}
