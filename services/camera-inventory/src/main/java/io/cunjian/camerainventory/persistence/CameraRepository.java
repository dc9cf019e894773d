package io.cunjian.camerainventory.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraFilter;
import io.cunjian.camerainventory.domain.CameraStatus;
import io.cunjian.camerainventory.domain.Cameras;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CameraRepository implements PanacheRepositoryBase<CameraEntity, String>, Cameras {

    @Override
    public Optional<CameraStatus> withSerial(String serial) {
        return findByIdOptional(serial).map(CameraEntity::toStatus);
    }

    @Override
    public boolean exists(String serial) {
        return findByIdOptional(serial).isPresent();
    }

    @Override
    public Optional<Camera> lockForChange(String serial) {
        return findByIdOptional(serial, LockModeType.PESSIMISTIC_WRITE).map(CameraEntity::toDomain);
    }

    @Override
    public Camera add(Camera camera) {
        CameraEntity e = new CameraEntity();
        e.serial = camera.serial();
        e.villageCode = camera.villageCode();
        e.apply(camera);
        persist(e);
        flush();
        return e.toDomain();
    }

    @Override
    public Camera save(Camera camera) {
        CameraEntity e = findById(camera.serial());
        e.apply(camera);
        flush();
        return e.toDomain();
    }

    @Override
    public List<CameraStatus> matching(CameraFilter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).stream().map(CameraEntity::toStatus).toList();
    }

    @Override
    public List<CameraStatus> allMatching(CameraFilter filter) {
        return query(filter).stream().map(CameraEntity::toStatus).toList();
    }

    @Override
    public long countMatching(CameraFilter filter) {
        return query(filter).count();
    }

    @Override
    public List<Camera> inVillage(String villageCode) {
        return list("villageCode", Sort.by("serial"), villageCode).stream().map(CameraEntity::toDomain).toList();
    }

    private PanacheQuery<CameraEntity> query(CameraFilter f) {
        Parameters p = new Parameters();
        StringBuilder where = new StringBuilder(RegionPrefixes.anyOf("villageCode", f.regions(), p));
        if (f.within() != null && !f.within().isEmpty()) {
            where.append(" and villageCode like :within");
            p.and("within", f.within() + "%");
        }
        if (f.village() != null && !f.village().isEmpty()) {
            where.append(" and villageCode = :village");
            p.and("village", f.village());
        }
        if (f.zoneId() != null) {
            where.append(" and zoneId = :zone");
            p.and("zone", f.zoneId());
        }
        if (f.lifecycle() != null) {
            where.append(" and lifecycle = :lifecycle");
            p.and("lifecycle", f.lifecycle());
        }
        if (f.online() != null) {
            where.append(" and online = :online");
            p.and("online", f.online());
        }
        if (f.vendor() != null && !f.vendor().isEmpty()) {
            where.append(" and vendor = :vendor");
            p.and("vendor", f.vendor());
        }
        return find(where.toString(), Sort.by("villageCode").and("serial"), p);
    }
}
