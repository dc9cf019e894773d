package io.cunjian.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Photo evidence for work orders sent by the seeds, the smoke and the end-to-end suite. */
public final class Photos {

    /** The smallest JPEG work-orders accepts (what it checks is the signature). */
    private static final byte[] TINY_JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1,
            0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    private Photos() {
    }

    /** A multipart/form-data body with the tiny JPEG as part {@code file}; the content type is {@code multipart/form-data; boundary=<boundary>}. */
    public static byte[] multipartJpeg(String boundary, String filename) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TINY_JPEG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
