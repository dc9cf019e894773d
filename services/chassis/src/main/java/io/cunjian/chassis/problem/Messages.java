package io.cunjian.chassis.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Texts for problem answers in the caller's language: zh-CN unless {@code Accept-Language} prefers English.
 * Keys are looked up first in the service's {@code problems} bundle, then in the chassis' own
 * {@code io.cunjian.chassis.problem.messages}; a text that is no key is used as it is.
 */
public final class Messages {

    private static final String CHASSIS_BUNDLE = "io.cunjian.chassis.problem.messages";
    private static final String SERVICE_BUNDLE = "problems";
    // Without this, a missing zh bundle would fall back to the JVM's default locale, which may be English.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static Locale defaultLocale() {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("quarkus.default-locale", String.class);
        return Locale.forLanguageTag(configured.orElse("zh-CN"));
    }

    /** The language to answer in, from an {@code Accept-Language} header value (q-values honoured). */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0];
                    if (language.equals("en")) {
                        return Locale.ENGLISH;
                    }
                    if (language.equals("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                // a broken Accept-Language is no reason to fail the request: use the default
            }
        }
        return defaultLocale();
    }

    public static String text(Locale locale, String keyOrText, Object... args) {
        if (keyOrText == null) {
            return null;
        }
        for (String bundleName : List.of(SERVICE_BUNDLE, CHASSIS_BUNDLE)) {
            ResourceBundle bundle = bundle(bundleName, locale);
            if (bundle != null && bundle.containsKey(keyOrText)) {
                return new MessageFormat(bundle.getString(keyOrText), locale).format(args);
            }
        }
        return args.length == 0 ? keyOrText : new MessageFormat(keyOrText, locale).format(args);
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Messages.class.getClassLoader();
        }
        try {
            return ResourceBundle.getBundle(name, locale, loader, NO_FALLBACK);
        } catch (MissingResourceException none) {
            return null;
        }
    }
}
