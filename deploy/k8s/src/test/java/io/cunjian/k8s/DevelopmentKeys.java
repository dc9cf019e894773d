package io.cunjian.k8s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed development key and development mode in rendered manifests. The key is found by its fingerprint (the
 * SHA-256 of its DER form, as the services' start-up check knows it), in a ConfigMap's data or a Secret's (base64),
 * whatever the entry is called.
 */
final class DevelopmentKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private DevelopmentKeys() {
    }

    static List<String> fingerprints(String text) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2).replaceAll("\\s", ""));
            found.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        }
        return found;
    }

    /** What in the rendered objects trusts the development key or turns development mode on. */
    static List<String> found(Path renderedFile, String fingerprint) throws Exception {
        List<String> found = new ArrayList<>();
        String rendered = Files.readString(renderedFile);
        if (rendered.matches("(?s).*CUNJIAN_AUTH_DEVELOPMENT_MODE[\"']?\\s*[:=]\\s*[\"']?true.*")) {
            found.add("CUNJIAN_AUTH_DEVELOPMENT_MODE=true");
        }
        for (Map<String, Object> object : Overlays.objects(renderedFile)) {
            String kind = String.valueOf(object.get("kind"));
            for (String field : List.of("data", "stringData", "binaryData")) {
                Map<String, Object> data = Manifests.map(object, field);
                for (Map.Entry<String, Object> e : data.entrySet()) {
                    String value = String.valueOf(e.getValue());
                    boolean encoded = kind.equals("Secret") && field.equals("data") || field.equals("binaryData");
                    String text = encoded ? decoded(value) : value;
                    if (fingerprints(text).contains(fingerprint)) {
                        found.add("the development key in " + kind + " " + Manifests.name(object) + " (" + e.getKey() + ")");
                    }
                }
            }
        }
        return found;
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }
}
