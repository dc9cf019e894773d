package io.cunjian.villageprojects.persistence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.core.type.TypeReference;

import io.cunjian.chassis.json.JsonText;

import io.cunjian.villageprojects.domain.StandardOnFile;
import io.cunjian.villageprojects.domain.StandardVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "standard_version")
public class StandardVersionEntity extends PanacheEntityBase {

    private static final TypeReference<List<StandardVersion.Item>> ITEMS = new TypeReference<>() {
    };

    @Id
    public String id;
    @Column(updatable = false)
    public String scope;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public boolean illustrative;
    @Column(name = "based_on", updatable = false)
    public String basedOn;
    @Enumerated(EnumType.STRING)
    public StandardVersion.Status status;
    public String items;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public StandardVersion toDomain() {
        return new StandardVersion(id, scope, nameZh, nameEn, illustrative, basedOn, status,
                JsonText.read(items, ITEMS), version);
    }

    public StandardOnFile onFile() {
        return new StandardOnFile(toDomain(), publishedAt, publishedBy);
    }

    /** Copies what a draft edit or the publication changed (the version is Hibernate's to bump). */
    public void apply(StandardVersion s) {
        id = s.id();
        scope = s.scope();
        nameZh = s.nameZh();
        nameEn = s.nameEn();
        illustrative = s.illustrative();
        basedOn = s.basedOn();
        status = s.status();
        items = JsonText.write(s.items());
    }
}
