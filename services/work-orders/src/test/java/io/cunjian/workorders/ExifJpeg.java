package io.cunjian.workorders;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A tiny JPEG carrying an EXIF time (DateTimeOriginal) and GPS position, as a phone camera writes them. */
final class ExifJpeg {

    private ExifJpeg() {
    }

    /** {@code takenAt} as EXIF writes it: {@code yyyy:MM:dd HH:mm:ss}, local time. Latitude north, longitude east. */
    static byte[] of(String takenAt, double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(178); // big-endian
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
        // IFD0 at 8: pointers to the Exif IFD (38) and the GPS IFD (56)
        tiff.putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, 38);
        entry(tiff, 0x8825, 4, 1, 56);
        tiff.putInt(0);
        // Exif IFD at 38: DateTimeOriginal, 20 ASCII bytes at 110
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, 110);
        tiff.putInt(0);
        // GPS IFD at 56
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
        entry(tiff, 0x0002, 5, 3, 130);
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] { 'E', 0, 0, 0 });
        entry(tiff, 0x0004, 5, 3, 154);
        tiff.putInt(0);
        tiff.put((takenAt + "\0").getBytes(StandardCharsets.US_ASCII));
        degrees(tiff, latitude);
        degrees(tiff, longitude);

        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.write(0xFF);
        jpeg.write(0xD8);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        jpeg.write(0xFF);
        jpeg.write(0xE1);
        jpeg.write(length >> 8);
        jpeg.write(length & 0xFF);
        jpeg.writeBytes(exif);
        jpeg.writeBytes(tiff.array());
        jpeg.write(0xFF);
        jpeg.write(0xD9);
        return jpeg.toByteArray();
    }

    /**
     * A "pixel bomb": a JPEG of a few dozen bytes whose frame header (SOF0) declares {@code width} × {@code height}
     * pixels, which a decoder would allocate before finding that the data is missing.
     */
    static byte[] declaring(int width, int height) {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8 });
        jpeg.writeBytes(new byte[] { (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3 });
        for (int component = 1; component <= 3; component++) {
            jpeg.writeBytes(new byte[] { (byte) component, 0x11, 0 });
        }
        jpeg.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD9 });
        return jpeg.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes and seconds as three rationals (seconds to 1/1000). */
    private static void degrees(ByteBuffer b, double value) {
        int d = (int) value;
        double minutes = (value - d) * 60;
        int m = (int) minutes;
        long s = Math.round((minutes - m) * 60 * 1000);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(1000);
    }
}
