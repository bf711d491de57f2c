package ai.vidyut.console.forecast;

import java.time.ZoneOffset;

/**
 * How to forecast a series. {@code solar} non-null selects the PV model; {@code utcOffset} is the zone offset of the
 * timestamps when known (else the PV model assumes mean solar time at the site's longitude and learns the rest).
 * {@code calibrationOrigins}: how many past forecast origins (one day apart) calibrate the blend and the bands.
 */
public record ForecastOptions(HolidayCalendar calendar, DecomposableModel.Mode mode, SolarSite solar,
                              ZoneOffset utcOffset, int calibrationOrigins, int maxHistoryDays) {

    public static final int DEFAULT_CALIBRATION_ORIGINS = 56;
    public static final int DEFAULT_MAX_HISTORY_DAYS = 548;

    public ForecastOptions {
        if (calendar == null) {
            calendar = HolidayCalendar.none();
        }
        if (mode == null) {
            mode = DecomposableModel.Mode.ADDITIVE;
        }
        if (calibrationOrigins < 0) {
            throw new IllegalArgumentException("calibration origins must not be negative");
        }
        if (maxHistoryDays < 7) {
            throw new IllegalArgumentException("history window must be at least 7 days");
        }
    }

    public static ForecastOptions defaults() {
        return new ForecastOptions(HolidayCalendar.none(), DecomposableModel.Mode.ADDITIVE, null, null,
                DEFAULT_CALIBRATION_ORIGINS, DEFAULT_MAX_HISTORY_DAYS);
    }

    public ForecastOptions withCalendar(HolidayCalendar c) {
        return new ForecastOptions(c, mode, solar, utcOffset, calibrationOrigins, maxHistoryDays);
    }

    public ForecastOptions withMode(DecomposableModel.Mode m) {
        return new ForecastOptions(calendar, m, solar, utcOffset, calibrationOrigins, maxHistoryDays);
    }

    public ForecastOptions withSolar(SolarSite s, ZoneOffset offset) {
        return new ForecastOptions(calendar, mode, s, offset, calibrationOrigins, maxHistoryDays);
    }

    public ForecastOptions withCalibrationOrigins(int n) {
        return new ForecastOptions(calendar, mode, solar, utcOffset, n, maxHistoryDays);
    }

    public ForecastOptions withMaxHistoryDays(int days) {
        return new ForecastOptions(calendar, mode, solar, utcOffset, calibrationOrigins, days);
    }
}
