package io.cunjian.chassis.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * The production sign-in of the web pages: any OIDC provider, authorization code flow with PKCE run
 * by the page itself ({@code /web/sign-in.js}), the provider's access token used as the bearer token
 * (the token contract of docs/design.md: the provider maps {@code groups}, {@code regions} and
 * {@code contractor_id} into it). The service only tells the page where the provider is, at
 * {@value #PATH}; it never sees a password or a code. Unset issuer: the page offers no provider.
 */
@ApplicationScoped
public class OidcSignIn {

    public static final String PATH = "/web/sign-in/oidc";

    /** {@code cunjian.web.oidc.*}; env {@code CUNJIAN_WEB_OIDC_ISSUER}, {@code …_CLIENT_ID}, {@code …_SCOPE}. */
    @ConfigMapping(prefix = "cunjian.web.oidc")
    public interface Settings {
        /** The provider's issuer URL; its {@code /.well-known/openid-configuration} names the endpoints. */
        Optional<String> issuer();

        /** The public client registered for the pages (redirect URI: each service's {@code /web/sign-in.html}). */
        @WithDefault("cunjian-web")
        String clientId();

        @WithDefault("openid")
        String scope();
    }

    /** {@code cunjian.web.*} beside the provider's settings: the pages' Content-Security-Policy. */
    @ConfigMapping(prefix = "cunjian.web")
    public interface Pages {
        /** The policy every page is served with (the chassis sets it; {@code /web/sign-in.html} widens connect-src). */
        String contentSecurityPolicy();
    }

    @Inject
    Settings settings;
    @Inject
    Pages pages;

    void routes(@Observes Router router) {
        // The pages' policy allows fetches to this origin only; the sign-in page also talks to the
        // provider (discovery, token endpoint), so its connect-src names the provider's origin.
        Optional<String> issuer = settings.issuer().filter(i -> !i.isBlank()).map(i -> i.replaceAll("/+$", ""));
        String pagesPolicy = pages.contentSecurityPolicy();
        String policy = issuer.map(i -> pagesPolicy.replace("connect-src 'self'", "connect-src 'self' " + origin(i)))
                .orElse(pagesPolicy);
        router.route("/web/sign-in.html").order(-1000).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy).putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        });
        router.get(PATH).handler(ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            issuer.ifPresent(i -> {
                body.put("issuer", i);
                body.put("clientId", settings.clientId());
                body.put("scope", settings.scope());
            });
            ctx.response().setStatusCode(body.isEmpty() ? 404 : 200).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(Json.encode(body));
        });
    }

    /** scheme://host[:port] of a URL: what a Content-Security-Policy source names. */
    static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
