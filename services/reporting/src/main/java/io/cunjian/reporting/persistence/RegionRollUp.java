package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.ProgressReports.BlindZone;
import io.cunjian.reporting.domain.ProgressReports.Freshness;
import io.cunjian.reporting.domain.ProgressReports.ItemShare;
import io.cunjian.reporting.domain.ProgressReports.Laggard;
import io.cunjian.reporting.domain.ProgressReports.MissingItem;
import io.cunjian.reporting.domain.ProgressReports.RegionReport;

/**
 * A region's roll-up in one statement: the totals, item shares, laggards, most-missing items, overdue orders, blind
 * zones and the freshness, each a column (the lists as JSON arrays built by PostgreSQL). Seven statements were seven
 * round trips, each parsed by Hibernate; together they held the city roll-up's p99 near 20 ms on two cores.
 * Item labels come from the published standard versions, which never change once published, so they are read once.
 * A region's rows are a range of codes in byte order rather than {@code LIKE 'prefix%'}: with a range, the statement's
 * one generic plan serves every region through the indexes of V10, and it is not planned again on each request.
 */
@ApplicationScoped
class RegionRollUp {

    private static final ObjectReader JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).reader();

    private static final String SQL = """
            SELECT
              (SELECT json_build_array(coalesce(sum(villages), 0), coalesce(sum(demonstration), 0), coalesce(sum(meeting), 0),
                      coalesce(sum(progress_sum) / nullif(sum(villages), 0), 0))
               FROM rp_township_totals WHERE township_code COLLATE "C" >= ? AND township_code COLLATE "C" < ?),
              (SELECT coalesce(json_agg(json_build_array(standard_id, item_code, villages, met) ORDER BY standard_id, position), '[]')
               FROM (SELECT standard_id, item_code, sum(villages) AS villages, sum(met) AS met, min(item_position) AS position
                     FROM rp_township_item WHERE township_code COLLATE "C" >= ? AND township_code COLLATE "C" < ?
                     GROUP BY standard_id, item_code HAVING sum(villages) > 0) shares),
              (SELECT coalesce(json_agg(json_build_array(code, name, progress, items_met, items_total) ORDER BY progress, code), '[]')
               FROM (SELECT p.village_code AS code, coalesce(v.name, p.village_code) AS name, p.progress, p.items_met, p.items_total
                     FROM (SELECT village_code, progress, items_met, items_total FROM rp_village_progress
                           WHERE village_code COLLATE "C" >= ? AND village_code COLLATE "C" < ? AND NOT meets
                           ORDER BY progress, village_code LIMIT 10) p
                     LEFT JOIN rp_village v ON v.code = p.village_code) laggards),
              (SELECT coalesce(json_agg(json_build_array(item_code, standard_id, missing) ORDER BY missing DESC, item_code), '[]')
               FROM (SELECT item_code, min(standard_id) AS standard_id, sum(villages - met) AS missing FROM rp_township_item
                     WHERE township_code COLLATE "C" >= ? AND township_code COLLATE "C" < ? GROUP BY item_code
                     HAVING sum(villages - met) > 0 ORDER BY sum(villages - met) DESC, item_code LIMIT 10) missing),
              (SELECT coalesce(sum(open_orders), 0) FROM rp_township_open_orders
               WHERE township_code COLLATE "C" >= ? AND township_code COLLATE "C" < ? AND due_date < ?),
              (SELECT coalesce(json_agg(json_build_array(zone_id, village_code, village_name, zone) ORDER BY village_code, zone), '[]')
               FROM (SELECT z.zone_id, z.village_code, coalesce(v.name, z.village_code) AS village_name, z.name AS zone
                     FROM (SELECT zone_id, village_code, name FROM rp_zone
                           WHERE village_code COLLATE "C" >= ? AND village_code COLLATE "C" < ? AND NOT covered
                           ORDER BY village_code, name LIMIT 200) z
                     LEFT JOIN rp_village v ON v.code = z.village_code) blind),
              w.oldest, w.applied, w.newest
            FROM (SELECT min(last_ce_time) AS oldest, min(applied_at) AS applied, max(last_ce_time) AS newest FROM rp_watermark) w
            """;

    /** Standard version → item code → {zh, en}. */
    private final Map<String, Map<String, String[]>> labels = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    RegionReport of(String prefix) {
        // every code that starts with the prefix, in byte order: the prefix up to the prefix with its last character's successor
        String from = prefix;
        String to = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return Batch.on(em, c -> {
            try (PreparedStatement st = c.prepareStatement(SQL)) {
                // the range appears six times, the day once (after the fifth), in the order of the statement
                int i = 1;
                for (int range = 0; range < 6; range++) {
                    st.setString(i++, from);
                    st.setString(i++, to);
                    if (range == 4) {
                        st.setObject(i++, LocalDate.now(ChinaTime.ZONE));
                    }
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return read(c, prefix, rs);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the roll-up's JSON", e);
            }
        });
    }

    private RegionReport read(Connection c, String prefix, ResultSet rs) throws SQLException, java.io.IOException {
        JsonNode totals = JSON.readTree(rs.getString(1));
        List<ItemShare> shares = new ArrayList<>();
        for (JsonNode r : JSON.readTree(rs.getString(2))) {
            long villages = r.get(2).asLong();
            long met = r.get(3).asLong();
            String[] label = label(c, r.get(0).asText(), r.get(1).asText());
            shares.add(new ItemShare(r.get(0).asText(), r.get(1).asText(), label[0], label[1], villages, met,
                    BigDecimal.valueOf(met).divide(BigDecimal.valueOf(villages), 4, RoundingMode.HALF_UP)));
        }
        List<Laggard> laggards = new ArrayList<>();
        for (JsonNode r : JSON.readTree(rs.getString(3))) {
            laggards.add(new Laggard(r.get(0).asText(), r.get(1).asText(), r.get(2).decimalValue(), r.get(3).asInt(), r.get(4).asInt()));
        }
        List<MissingItem> missing = new ArrayList<>();
        for (JsonNode r : JSON.readTree(rs.getString(4))) {
            String[] label = label(c, r.get(1).asText(), r.get(0).asText());
            missing.add(new MissingItem(r.get(0).asText(), label[0], label[1], r.get(2).asLong()));
        }
        long overdue = rs.getLong(5);
        List<BlindZone> blind = new ArrayList<>();
        for (JsonNode r : JSON.readTree(rs.getString(6))) {
            blind.add(new BlindZone(r.get(0).asLong(), r.get(1).asText(), r.get(2).asText(), r.get(3).asText()));
        }
        return new RegionReport(prefix, totals.get(0).asLong(), totals.get(1).asLong(), totals.get(2).asLong(),
                totals.get(3).decimalValue().setScale(4, RoundingMode.HALF_UP), shares, laggards, missing, overdue, blind,
                freshness(rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class)));
    }

    /** The freshness of the oldest-applied topic: its last event's time, when it was applied, how long it took (one home). */
    static Freshness freshness(OffsetDateTime oldest, OffsetDateTime applied, OffsetDateTime newest) {
        if (oldest == null) {
            return new Freshness(null, null, null);
        }
        return new Freshness(newest, applied, Math.max(0, Duration.between(oldest, applied).toMillis()) / 1000.0);
    }

    /** An item's labels from its standard version; the code for both while the version has not arrived (not kept). */
    private String[] label(Connection c, String standardId, String itemCode) throws SQLException {
        Map<String, String[]> items = labels.get(standardId);
        if (items == null) {
            items = readLabels(c, standardId);
            if (items == null) {
                return new String[] {itemCode, itemCode};
            }
            labels.put(standardId, items);
        }
        return items.getOrDefault(itemCode, new String[] {itemCode, itemCode});
    }

    private static Map<String, String[]> readLabels(Connection c, String standardId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT items FROM rp_standard WHERE id = ?")) {
            st.setString(1, standardId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, String[]> byCode = new java.util.HashMap<>();
                for (JsonNode item : JsonText.tree(rs.getString(1))) {
                    byCode.put(item.get("code").asText(), new String[] {item.get("labelZh").asText(), item.get("labelEn").asText()});
                }
                return byCode;
            }
        }
    }
}
