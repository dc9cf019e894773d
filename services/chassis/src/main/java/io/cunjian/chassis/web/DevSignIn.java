package io.cunjian.chassis.web;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The development-only sign-in of the web pages (docs/design.md, "The token contract": development only): the seeded
 * demo users, one per role, and a token for whichever the developer picks, signed with the local
 * stack's private key.
 * <p>
 * It exists only when {@code cunjian.dev-sign-in.enabled=true} (env {@code CUNJIAN_DEV_SIGN_IN_ENABLED}),
 * which only the local stack sets, together with the key ({@code cunjian.dev-sign-in.key-location}).
 * Off — the default, and production — the routes are not registered at all: {@code /dev/sign-in}
 * is a plain 404 and no private key is read. The routes are plain Vert.x routes, not REST resources,
 * so they are in no OpenAPI document and need no token. Production pages get their token from an
 * OIDC provider instead.
 */
@ApplicationScoped
public class DevSignIn {

    private static final Logger LOG = Logger.getLogger(DevSignIn.class);
    public static final String PATH = "/dev/sign-in";

    /** A seeded demo user (docs/web-pages.md, the demo users). */
    public record DemoUser(String id, String role, List<String> regions, String contractorId, String nameZh, String nameEn) {
    }

    /** The demo users of the seeds (seeds/): one per role, in the regions the seed data fills. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.admin", "district-admin", List.of("2203"), null, "四平市农业农村局管理员",
                    "District admin, Siping"),
            new DemoUser("demo.staff", "township-staff", List.of("220382201"), null, "永加乡工作人员",
                    "Township staff, Yongjia"),
            new DemoUser("demo.viewer", "viewer", List.of("220382"), null, "双辽市领导（只读）",
                    "Viewer, Shuangliao"),
            new DemoUser("demo.contractor", "contractor", List.of("220382"), "91220382MA14CJ0L7E", "施工单位（种子数据）",
                    "Contractor (seed company)"),
            new DemoUser("demo.device", "device", List.of("220382201001"), null, "永加社区摄像头网关",
                    "Camera gateway, Yongjia"));

    /** {@code cunjian.dev-sign-in.*}; env {@code CUNJIAN_DEV_SIGN_IN_ENABLED}, {@code …_KEY_LOCATION}, {@code …_TOKEN_TTL}. */
    @ConfigMapping(prefix = "cunjian.dev-sign-in")
    public interface Settings {
        @WithDefault("false")
        boolean enabled();

        /** The local stack's private key (PEM), the pair of {@code mp.jwt.verify.publickey.location}. */
        Optional<String> keyLocation();

        @WithDefault("PT8H")
        Duration tokenTtl();

        /**
         * The issuer the tokens name: the one the services verify. It is read through this mapping's default rather
         * than a mapping over {@code mp.jwt.verify}: such a mapping would have to name every {@code mp.jwt.verify.*}
         * key SmallRye JWT reads (the public key, its algorithm, audiences…) or fail the start on the first it does
         * not, since only Quarkus's own namespace is spared that check. Not meant to be set on its own.
         */
        @WithDefault("${mp.jwt.verify.issuer}")
        String issuer();
    }

    @Inject
    Settings settings;

    void routes(@Observes Router router) {
        if (!settings.enabled()) {
            return;
        }
        Optional<String> keyLocation = settings.keyLocation();
        if (keyLocation.isEmpty()) {
            LOG.error("cunjian.dev-sign-in.enabled=true without cunjian.dev-sign-in.key-location: the development sign-in stays off");
            return;
        }
        PrivateKey key;
        try {
            key = KeyUtils.decodePrivateKey(java.nio.file.Files.readString(java.nio.file.Path.of(keyLocation.get())));
        } catch (Exception e) {
            LOG.errorf("the development sign-in's key %s cannot be read (%s): it stays off", keyLocation.get(), e.getMessage());
            return;
        }
        LOG.warnf("development sign-in enabled at %s (never in production): tokens of the demo users signed with %s", PATH,
                keyLocation.get());
        router.get(PATH).handler(ctx -> json(ctx, 200, USERS));
        router.post(PATH + "/:user").blockingHandler(ctx -> {
            String id = ctx.pathParam("user");
            Optional<DemoUser> user = USERS.stream().filter(u -> u.id().equals(id)).findFirst();
            if (user.isEmpty()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(Json.encode(Map.of("type", "https://cunjian.dev/problems/not-found", "title", "no such demo user",
                                "status", 404, "errors", List.of(Map.of("field", "user", "message", "unknown: " + id)))));
                return;
            }
            json(ctx, 200, Map.of("token", sign(user.get(), key), "user", user.get()));
        });
    }

    String sign(DemoUser u, PrivateKey key) {
        JwtClaimsBuilder b = Jwt.issuer(settings.issuer()).subject(u.id()).upn(u.id()).groups(Set.of(u.role()))
                .claim("regions", u.regions()).expiresIn(settings.tokenTtl().toSeconds());
        if (u.contractorId() != null) {
            b.claim("contractor_id", u.contractorId());
        }
        return b.jws().keyId("cunjian").sign(key);
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(Json.encode(body));
    }
}
