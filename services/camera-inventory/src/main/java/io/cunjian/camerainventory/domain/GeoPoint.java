package io.cunjian.camerainventory.domain;

/** A WGS-84 point. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!validLatitude(latitude) || !validLongitude(longitude)) {
            throw new IllegalArgumentException("not a WGS-84 point: " + latitude + ", " + longitude);
        }
    }

    public static boolean validLatitude(Double latitude) {
        return latitude != null && Double.isFinite(latitude) && latitude >= -90 && latitude <= 90;
    }

    public static boolean validLongitude(Double longitude) {
        return longitude != null && Double.isFinite(longitude) && longitude >= -180 && longitude <= 180;
    }
}
