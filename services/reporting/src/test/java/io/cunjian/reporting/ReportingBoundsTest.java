package io.cunjian.reporting;

import static io.restassured.RestAssured.given;

import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.cunjian.testing.BoundsContract;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RequestBounds;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every bounded parameter of every reporting operation, at its bound and one past it ({@link BoundsContract});
 * reporting takes no JSON body. A township's reports answer whatever its villages' events made of them; a
 * village no event named answers 404 at the bound, as any well-formed code of a village without a report.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class ReportingBoundsTest extends BoundsContract {

    static final String REGION = "/api/v1/reports/regions/220382105";
    /** A village of the township no event of these tests names. */
    static final String VILLAGE = "220382105990";

    @Override
    protected Attempt attempt(RequestBounds.Bound bound) {
        String village = "no event named the village: its well-formed code has no report";
        Attempt a = switch (bound.operation()) {
            case "GET /api/v1/admin/rebuilds/{id}" -> rebuild(bound);
            case "GET /api/v1/regions/{code}" -> Attempt.read("/api/v1/regions/" + VILLAGE).answersAtBound(404, village);
            case "GET /api/v1/reports/regions/{code}" -> Attempt.read(REGION);
            case "GET /api/v1/reports/regions/{code}/as-of/{day}" -> Attempt.read(REGION + "/as-of/2026-07-31");
            case "GET /api/v1/reports/regions/{code}/children" -> Attempt.read(REGION + "/children");
            case "GET /api/v1/reports/regions/{code}/export" -> Attempt.read(REGION + "/export?format=csv&lang=zh-CN")
                    .atBound(bound.field().equals("format") ? JsonNodeFactory.instance.textNode("xlsx") : null);
            case "GET /api/v1/reports/regions/{code}/series" -> Attempt.read(REGION + "/series?from=2025-08-01&to=2026-07-31");
            case "GET /api/v1/reports/villages/{code}" -> Attempt.read("/api/v1/reports/villages/" + VILLAGE)
                    .answersAtBound(404, village);
            case "GET /api/v1/reports/villages/{code}/as-of/{day}" -> Attempt.read("/api/v1/reports/villages/" + VILLAGE
                    + "/as-of/2026-07-31").answersAtBound(404, village);
            default -> throw new AssertionError(bound.operation() + " has bounded fields this test cannot set up: add it");
        };
        // the region reports take twelve characters so that a village's code is told where its report is
        return bound.path().startsWith("/api/v1/reports/regions/") && bound.field().equals("code")
                ? a.noAtBound("a 12-digit code is a village's: 400 naming code and pointing to /api/v1/reports/villages") : a;
    }

    /** A rebuild by its id, as an administrator: the first id is there if a rebuild ran before, the last never is. */
    private static Attempt rebuild(RequestBounds.Bound bound) {
        Map<String, String> admin = Map.of("Authorization", SignIn.bearer(Tokens.districtAdmin("22")));
        Attempt a = new Attempt("GET", "/api/v1/admin/rebuilds/1", admin, null, () -> "a read writes nothing");
        boolean first = bound.kind() == RequestBounds.Kind.MINIMUM
                && given().headers(admin).get("/api/v1/admin/rebuilds/1").statusCode() == 200;
        return first ? a : a.answersAtBound(404, "no rebuild has that id");
    }
}
