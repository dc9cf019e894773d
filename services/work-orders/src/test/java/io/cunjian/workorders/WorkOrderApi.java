package io.cunjian.workorders;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.cunjian.testing.SignIn;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the work-order API the tests share. */
final class WorkOrderApi {

    /** A JPEG's signature followed by filler: enough for the content check (no EXIF). */
    static final byte[] JPEG = jpeg(2048);

    private WorkOrderApi() {
    }

    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        for (int i = 4; i < size; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    static String createBody(String village, String category, String quantity, String extra) {
        return "{\"villageCode\":\"" + village + "\",\"categoryCode\":\"" + category + "\",\"plannedQuantity\":" + quantity
                + ",\"title\":\"路灯维修\"" + extra + "}";
    }

    static String create(String village, String category) {
        return given().contentType(ContentType.JSON).body(createBody(village, category, "80",
                ",\"location\":{\"text\":\"102 国道\",\"latitude\":43.5,\"longitude\":123.5},\"dueDate\":\"2030-06-30\""))
                .post("/api/v1/work-orders").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification as(String token) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return token == null ? r : r.header("Authorization", SignIn.bearer(token));
    }

    static ValidatableResponse act(String token, String id, String action, String body) {
        RequestSpecification r = as(token);
        if (body != null) {
            r = r.body(body);
        }
        return r.post("/api/v1/work-orders/" + id + "/" + action).then();
    }

    static String photo(String token, String id) {
        return given().header("Authorization", SignIn.bearer(token)).multiPart("file", "lamp.jpg", JPEG, "image/jpeg")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(201).extract().path("id");
    }

    static String completion(String quantity, String photoId) {
        return "{\"actualQuantity\":" + quantity + ",\"notes\":\"已完工\",\"photoIds\":[\"" + photoId + "\"]}";
    }

    static long count(DataSource db, String sql, String param) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static long orderRows(DataSource db, String village) {
        return count(db, "SELECT count(*) FROM work_order WHERE village_code = ?", village);
    }
}
