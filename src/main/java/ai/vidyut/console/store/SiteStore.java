package ai.vidyut.console.store;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Site;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** Sites and assets: create, edit, delete, list, and the automatic creation of ones first seen on the wire. */
public final class SiteStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids typed by people: letters, digits, '.', '_' and '-', so that they fit MQTT topics and URLs. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String DUPLICATE_KEY = "23505";

    private final Database db;
    private final Set<String> knownSites = ConcurrentHashMap.newKeySet();
    private final Set<String> knownAssets = ConcurrentHashMap.newKeySet();
    private final List<Runnable> seriesDeletedListeners = new CopyOnWriteArrayList<>();

    public SiteStore(Database db) {
        this.db = db;
    }

    public List<Site> sites() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, name, latitude, longitude, time_zone, capacity_kw, discovered FROM sites ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Site> out = new ArrayList<>();
            while (rs.next()) {
                out.add(site(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list sites", e);
        }
    }

    public Optional<Site> site(String id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, name, latitude, longitude, time_zone, capacity_kw, discovered FROM sites WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(site(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read site " + id, e);
        }
    }

    /**
     * Problems that keep a site from being saved by a person: id format, latitude/longitude range, time zone,
     * capacity. Empty if it is fine.
     */
    public static List<String> validate(Site site) {
        List<String> problems = new ArrayList<>();
        checkId(problems, "site", site.id());
        if (site.name().length() > 200) {
            problems.add("site name is longer than 200 characters");
        }
        if (!Double.isNaN(site.latitude()) && !(site.latitude() >= -90 && site.latitude() <= 90)) {
            problems.add("latitude " + site.latitude() + " is outside -90..90");
        }
        if (!Double.isNaN(site.longitude()) && !(site.longitude() >= -180 && site.longitude() <= 180)) {
            problems.add("longitude " + site.longitude() + " is outside -180..180");
        }
        try {
            ZoneId.of(site.timeZone());
        } catch (DateTimeException e) {
            problems.add("unknown time zone '" + site.timeZone() + "' (use a region id like Europe/Berlin, "
                    + "Asia/Kolkata or UTC)");
        }
        if (!Double.isNaN(site.capacityKw()) && !(site.capacityKw() >= 0 && Double.isFinite(site.capacityKw()))) {
            problems.add("capacity " + site.capacityKw() + " kW must be zero or positive");
        }
        return problems;
    }

    /** Problems that keep an asset from being saved by a person (id format, rated values). */
    public static List<String> validate(Asset asset) {
        List<String> problems = new ArrayList<>();
        checkId(problems, "asset", asset.id());
        if (asset.name().length() > 200) {
            problems.add("asset name is longer than 200 characters");
        }
        asset.ratedValues().forEach((metric, v) -> {
            if (metric == null || metric.isBlank()) {
                problems.add("a rated value has no metric name");
            } else if (v == null || !Double.isFinite(v)) {
                problems.add("rated " + metric + " must be a finite number");
            }
        });
        return problems;
    }

    private static void checkId(List<String> problems, String what, String id) {
        if (!ID.matcher(id).matches()) {
            problems.add(what + " id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /** Creates a new site; fails if the input is invalid or a site with this id exists. */
    public void createSite(Site site) {
        List<String> problems = validate(site);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO sites (id, name, latitude, longitude, time_zone, capacity_kw, discovered) "
                             + "VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
            ps.setString(1, site.id());
            ps.setString(2, site.name());
            setDouble(ps, 3, site.latitude());
            setDouble(ps, 4, site.longitude());
            ps.setString(5, site.timeZone());
            setDouble(ps, 6, site.capacityKw());
            ps.executeUpdate();
            knownSites.add(site.id());
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new ValidationException("site '" + site.id() + "' already exists (edit it instead)");
            }
            throw new StoreException("cannot create site " + site.id(), e);
        }
    }

    /** Replaces the details of an existing site (it is no longer marked discovered); fails if there is none. */
    public void updateSite(Site site) {
        List<String> problems = validate(site);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE sites SET name = ?, latitude = ?, longitude = ?, time_zone = ?, capacity_kw = ?, "
                             + "discovered = FALSE WHERE id = ?")) {
            ps.setString(1, site.name());
            setDouble(ps, 2, site.latitude());
            setDouble(ps, 3, site.longitude());
            ps.setString(4, site.timeZone());
            setDouble(ps, 5, site.capacityKw());
            ps.setString(6, site.id());
            if (ps.executeUpdate() == 0) {
                throw new ValidationException("unknown site '" + site.id() + "'");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot update site " + site.id(), e);
        }
    }

    /** Creates a new asset at an existing site; fails on invalid input, an unknown site or a duplicate id. */
    public void createAsset(Asset asset) {
        List<String> problems = validate(asset);
        if (site(asset.siteId()).isEmpty()) {
            problems.add(0, "unknown site '" + asset.siteId() + "'");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO assets (site_id, id, name, kind, rated_json, discovered) VALUES (?, ?, ?, ?, ?, FALSE)")) {
            ps.setString(1, asset.siteId());
            ps.setString(2, asset.id());
            ps.setString(3, asset.name());
            ps.setString(4, asset.kind().wireName());
            ps.setString(5, JSON.writeValueAsString(asset.ratedValues()));
            ps.executeUpdate();
            knownAssets.add(assetKey(asset.siteId(), asset.id()));
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new ValidationException("asset '" + asset.id() + "' already exists at site '" + asset.siteId()
                        + "' (edit it instead)");
            }
            throw new StoreException("cannot create asset " + asset.siteId() + "/" + asset.id(), e);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot create asset " + asset.siteId() + "/" + asset.id(), e);
        }
    }

    /** Replaces the details of an existing asset (it is no longer marked discovered); fails if there is none. */
    public void updateAsset(Asset asset) {
        List<String> problems = validate(asset);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE assets SET name = ?, kind = ?, rated_json = ?, discovered = FALSE "
                             + "WHERE site_id = ? AND id = ?")) {
            ps.setString(1, asset.name());
            ps.setString(2, asset.kind().wireName());
            ps.setString(3, JSON.writeValueAsString(asset.ratedValues()));
            ps.setString(4, asset.siteId());
            ps.setString(5, asset.id());
            if (ps.executeUpdate() == 0) {
                throw new ValidationException(site(asset.siteId()).isEmpty()
                        ? "unknown site '" + asset.siteId() + "'"
                        : "unknown asset '" + asset.id() + "' at site '" + asset.siteId() + "'");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot update asset " + asset.siteId() + "/" + asset.id(), e);
        }
    }

    /** Called after series (and their readings) were deleted, so that caches of series ids are dropped. */
    void onSeriesDeleted(Runnable listener) {
        seriesDeletedListeners.add(listener);
    }

    /** Creates the site, or replaces its details if it exists (a saved site is no longer "discovered"). */
    public void saveSite(Site site) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO sites (id, name, latitude, longitude, time_zone, capacity_kw, discovered) KEY (id) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, site.id());
            ps.setString(2, site.name());
            setDouble(ps, 3, site.latitude());
            setDouble(ps, 4, site.longitude());
            ps.setString(5, site.timeZone());
            setDouble(ps, 6, site.capacityKw());
            ps.setBoolean(7, site.discovered());
            ps.executeUpdate();
            knownSites.add(site.id());
        } catch (SQLException e) {
            throw new StoreException("cannot save site " + site.id(), e);
        }
    }

    /** Deletes the site with its assets and all their readings. Returns false if there was no such site. */
    public boolean deleteSite(String id) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement readings = c.prepareStatement(
                    "DELETE FROM readings WHERE series_id IN (SELECT id FROM series WHERE site_id = ?)");
                 PreparedStatement minutes = c.prepareStatement(
                         "DELETE FROM readings_1m WHERE series_id IN (SELECT id FROM series WHERE site_id = ?)");
                 PreparedStatement hours = c.prepareStatement(
                         "DELETE FROM readings_1h WHERE series_id IN (SELECT id FROM series WHERE site_id = ?)");
                 PreparedStatement series = c.prepareStatement("DELETE FROM series WHERE site_id = ?");
                 PreparedStatement site = c.prepareStatement("DELETE FROM sites WHERE id = ?")) {
                for (PreparedStatement ps : List.of(readings, minutes, hours)) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                series.setString(1, id);
                series.executeUpdate();
                site.setString(1, id);
                int n = site.executeUpdate();
                c.commit();
                knownSites.remove(id);
                knownAssets.removeIf(k -> k.startsWith(id + "\u0000"));
                seriesDeletedListeners.forEach(Runnable::run);
                return n > 0;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete site " + id, e);
        }
    }

    public List<Asset> assets(String siteId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT site_id, id, name, kind, rated_json, discovered FROM assets WHERE site_id = ? ORDER BY id")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Asset> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(asset(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list assets of " + siteId, e);
        }
    }

    public Optional<Asset> asset(String siteId, String assetId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT site_id, id, name, kind, rated_json, discovered FROM assets WHERE site_id = ? AND id = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(asset(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read asset " + siteId + "/" + assetId, e);
        }
    }

    /** The kind of an asset; {@link AssetKind#OTHER} when the asset is not known. */
    public AssetKind kindOf(String siteId, String assetId) {
        return asset(siteId, assetId).map(Asset::kind).orElse(AssetKind.OTHER);
    }

    /** Creates or replaces an asset; its site must exist (see {@link #ensureSite}). */
    public void saveAsset(Asset asset) {
        ensureSite(asset.siteId());
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO assets (site_id, id, name, kind, rated_json, discovered) KEY (site_id, id) "
                             + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, asset.siteId());
            ps.setString(2, asset.id());
            ps.setString(3, asset.name());
            ps.setString(4, asset.kind().wireName());
            ps.setString(5, JSON.writeValueAsString(asset.ratedValues()));
            ps.setBoolean(6, asset.discovered());
            ps.executeUpdate();
            knownAssets.add(assetKey(asset.siteId(), asset.id()));
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot save asset " + asset.siteId() + "/" + asset.id(), e);
        }
    }

    public boolean deleteAsset(String siteId, String assetId) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            String ofAsset = " WHERE series_id IN (SELECT id FROM series WHERE site_id = ? AND asset_id = ?)";
            try (PreparedStatement readings = c.prepareStatement("DELETE FROM readings" + ofAsset);
                 PreparedStatement minutes = c.prepareStatement("DELETE FROM readings_1m" + ofAsset);
                 PreparedStatement hours = c.prepareStatement("DELETE FROM readings_1h" + ofAsset);
                 PreparedStatement series = c.prepareStatement("DELETE FROM series WHERE site_id = ? AND asset_id = ?");
                 PreparedStatement asset = c.prepareStatement("DELETE FROM assets WHERE site_id = ? AND id = ?")) {
                for (PreparedStatement ps : List.of(readings, minutes, hours, series, asset)) {
                    ps.setString(1, siteId);
                    ps.setString(2, assetId);
                }
                readings.executeUpdate();
                minutes.executeUpdate();
                hours.executeUpdate();
                series.executeUpdate();
                int n = asset.executeUpdate();
                c.commit();
                knownAssets.remove(assetKey(siteId, assetId));
                seriesDeletedListeners.forEach(Runnable::run);
                return n > 0;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete asset " + siteId + "/" + assetId, e);
        }
    }

    /** Makes sure the site exists, creating it marked as discovered if it does not. */
    public void ensureSite(String siteId) {
        if (knownSites.contains(siteId)) {
            return;
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO sites (id, name, time_zone, discovered) KEY (id) "
                             + "SELECT ?, ?, 'UTC', TRUE WHERE NOT EXISTS (SELECT 1 FROM sites WHERE id = ?)")) {
            ps.setString(1, siteId);
            ps.setString(2, siteId);
            ps.setString(3, siteId);
            ps.executeUpdate();
            knownSites.add(siteId);
        } catch (SQLException e) {
            throw new StoreException("cannot create site " + siteId, e);
        }
    }

    /** Makes sure the site and asset exist, creating either one marked as discovered if missing. */
    public void ensureAsset(String siteId, String assetId) {
        if (knownAssets.contains(assetKey(siteId, assetId))) {
            return;
        }
        ensureSite(siteId);
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO assets (site_id, id, name, kind, rated_json, discovered) KEY (site_id, id) "
                             + "SELECT ?, ?, ?, 'other', '{}', TRUE "
                             + "WHERE NOT EXISTS (SELECT 1 FROM assets WHERE site_id = ? AND id = ?)")) {
            ps.setString(1, siteId);
            ps.setString(2, assetId);
            ps.setString(3, assetId);
            ps.setString(4, siteId);
            ps.setString(5, assetId);
            ps.executeUpdate();
            knownAssets.add(assetKey(siteId, assetId));
        } catch (SQLException e) {
            throw new StoreException("cannot create asset " + siteId + "/" + assetId, e);
        }
    }

    public int countSites() {
        return count("SELECT COUNT(*) FROM sites");
    }

    public int countAssets() {
        return count("SELECT COUNT(*) FROM assets");
    }

    private int count(String sql) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count: " + sql, e);
        }
    }

    private static String assetKey(String siteId, String assetId) {
        return siteId + "\u0000" + assetId;
    }

    private static Site site(ResultSet rs) throws SQLException {
        return new Site(rs.getString(1), rs.getString(2), getDouble(rs, 3), getDouble(rs, 4),
                rs.getString(5), getDouble(rs, 6), rs.getBoolean(7));
    }

    private static Asset asset(ResultSet rs) throws SQLException {
        Map<String, Double> rated = Map.of();
        String json = rs.getString(5);
        if (json != null && !json.isBlank()) {
            try {
                rated = JSON.readValue(json, new TypeReference<Map<String, Double>>() { });
            } catch (JsonProcessingException e) {
                throw new StoreException("corrupt rated values for asset " + rs.getString(2), e);
            }
        }
        return new Asset(rs.getString(1), rs.getString(2), rs.getString(3), AssetKind.fromWire(rs.getString(4)),
                rated, rs.getBoolean(6));
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
