package ai.vidyut.console.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * New and full moons (Meeus, "Astronomical Algorithms", ch. 49, accurate to minutes) and the Indian festivals
 * dated from them, in Indian Standard Time.
 */
final class LunarDates {

    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);

    private LunarDates() {
    }

    /** Julian ephemeris day of the lunar phase k (integer k: new moon, k + 0.5: full moon). */
    static double phaseJde(double k) {
        double t = k / 1236.85;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t;
        double e = 1 - 0.002516 * t - 0.0000074 * t * t;
        double m = Math.toRadians(2.5534 + 29.10535670 * k);
        double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t * t);
        double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t * t);
        double om = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t * t);
        boolean full = Math.abs(k - Math.floor(k) - 0.5) < 1e-9;
        double c;
        if (!full) {
            c = -0.40720 * Math.sin(mp) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mp)
                    + 0.01039 * Math.sin(2 * f) + 0.00739 * e * Math.sin(mp - m) - 0.00514 * e * Math.sin(mp + m)
                    + 0.00208 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mp - 2 * f)
                    - 0.00057 * Math.sin(mp + 2 * f) + 0.00056 * e * Math.sin(2 * mp + m)
                    - 0.00042 * Math.sin(3 * mp) + 0.00042 * e * Math.sin(m + 2 * f)
                    + 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mp - m)
                    - 0.00017 * Math.sin(om);
        } else {
            c = -0.40614 * Math.sin(mp) + 0.17302 * e * Math.sin(m) + 0.01614 * Math.sin(2 * mp)
                    + 0.01043 * Math.sin(2 * f) + 0.00734 * e * Math.sin(mp - m) - 0.00515 * e * Math.sin(mp + m)
                    + 0.00209 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mp - 2 * f)
                    - 0.00057 * Math.sin(mp + 2 * f) + 0.00056 * e * Math.sin(2 * mp + m)
                    - 0.00042 * Math.sin(3 * mp) + 0.00042 * e * Math.sin(m + 2 * f)
                    + 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mp - m)
                    - 0.00017 * Math.sin(om);
        }
        return jde + c;
    }

    static Instant toInstant(double jde) {
        // JDE is TT; TT - UT is about a minute, negligible for dating a festival.
        double unixDays = jde - 2440587.5;
        return Instant.ofEpochMilli(Math.round(unixDays * 86_400_000.0));
    }

    /** IST instants of the phases (new: offset 0, full: 0.5) falling within [from, to]. */
    static java.util.List<java.time.OffsetDateTime> phases(LocalDate from, LocalDate to, double offset) {
        java.util.List<java.time.OffsetDateTime> out = new java.util.ArrayList<>();
        double yearFrac = from.getYear() + (from.getDayOfYear() - 40) / 365.25;
        long k0 = (long) Math.floor((yearFrac - 2000) * 12.3685);
        for (long k = k0; k < k0 + 30; k++) {
            java.time.OffsetDateTime t = toInstant(phaseJde(k + offset)).atOffset(IST);
            LocalDate d = t.toLocalDate();
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(t);
            }
            if (d.isAfter(to)) {
                break;
            }
        }
        return out;
    }

    /**
     * The date whose evening (19:00 IST) is the last one before the phase instant: the evening on which the
     * tithi ending at that instant prevails.
     */
    static LocalDate eveningBefore(java.time.OffsetDateTime phase) {
        return phase.minusHours(19).toLocalDate();
    }

    /** Diwali (Lakshmi Puja): the evening of the Amavasya (new moon) falling between 16 October and 16 November. */
    static LocalDate diwali(int year) {
        return eveningBefore(phases(LocalDate.of(year, 10, 16), LocalDate.of(year, 11, 16), 0).get(0));
    }

    /** Holi (Dhulandi): the day after Holika Dahan, the evening of the Phalguna Purnima (27 February to 29 March). */
    static LocalDate holi(int year) {
        return eveningBefore(phases(LocalDate.of(year, 2, 27), LocalDate.of(year, 3, 29), 0.5).get(0)).plusDays(1);
    }
}
