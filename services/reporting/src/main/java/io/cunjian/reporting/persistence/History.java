package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.ProgressHistory;

/** {@link ProgressHistory} from rp_village_progress_history: a day's figure is each village's last row before the day ends. */
@ApplicationScoped
class History implements ProgressHistory {

    static final TypeReference<List<HistoryItem>> ITEMS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    /** The end of {@code day} in China, as the instant reports compare ce_time with. */
    static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
    }

    @Override
    @Transactional
    public Optional<VillageAsOf> village(String code, LocalDate day) {
        List<?> rows = em.createNativeQuery("""
                SELECT standard_id, progress, meets, items FROM rp_village_progress_history
                WHERE village_code = :v AND ce_time < :end ORDER BY ce_time DESC, id DESC LIMIT 1""")
                .setParameter("v", code).setParameter("end", endOf(day)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new VillageAsOf(code, day, (String) r[0], (BigDecimal) r[1], (Boolean) r[2],
                JsonText.read((String) r[3], ITEMS)));
    }

    @Override
    @Transactional
    public RegionAsOf region(String prefix, LocalDate day) {
        long villages = 0;
        long meeting = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, Long> itemsMet = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT DISTINCT ON (village_code) village_code, standard_id, progress, meets, items
                FROM rp_village_progress_history WHERE village_code LIKE :like AND ce_time < :end
                ORDER BY village_code, ce_time DESC, id DESC""")
                .setParameter("like", prefix + "%").setParameter("end", endOf(day)).getResultList()) {
            Object[] r = (Object[]) row;
            villages++;
            meeting += Boolean.TRUE.equals(r[3]) ? 1 : 0;
            sum = sum.add((BigDecimal) r[2]);
            for (HistoryItem item : JsonText.read((String) r[4], ITEMS)) {
                String key = r[1] + "/" + item.code();
                itemsMet.merge(key, "MET".equals(item.status()) ? 1L : 0L, Long::sum);
            }
        }
        BigDecimal average = villages == 0 ? BigDecimal.ZERO.setScale(4)
                : sum.divide(BigDecimal.valueOf(villages), 4, RoundingMode.HALF_UP);
        return new RegionAsOf(prefix, day, villages, meeting, average, itemsMet);
    }

    @Override
    @Transactional
    public List<RegionAsOf> series(String prefix, LocalDate from, LocalDate to, Period period) {
        List<RegionAsOf> points = new ArrayList<>();
        LocalDate day = period == Period.WEEK ? from.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY))
                : from.with(TemporalAdjusters.lastDayOfMonth());
        while (!day.isAfter(to) && points.size() < 120) {
            points.add(region(prefix, day));
            day = period == Period.WEEK ? day.plus(1, ChronoUnit.WEEKS)
                    : day.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        if (points.isEmpty() || points.get(points.size() - 1).asOf().isBefore(to)) {
            points.add(region(prefix, to));
        }
        return points;
    }
}
