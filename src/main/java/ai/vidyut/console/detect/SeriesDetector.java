package ai.vidyut.console.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detection ensemble for one series (one or several channels of one asset), fed reading by reading.
 * Each reading gets a score in [0, 1] (weighted mean or weighted max of the enabled detectors, see
 * {@link DetectorParams}), a 0/1 label at the threshold, an anomaly type when labelled, and the value the
 * streaming detector expected for the first channel.
 */
public final class SeriesDetector {

    /** What the ensemble says about one reading. */
    public record Result(double score, boolean anomalous, AnomalyType type, double expected, double[] parts,
                         double baseline) {

        public Result(double score, boolean anomalous, AnomalyType type, double expected, double[] parts) {
            this(score, anomalous, type, expected, parts, expected);
        }
    }

    private final DetectorParams params;
    private final List<String> channels;
    private final SurpriseDetector[] surprise;
    private final StreamingDetector mahalanobis;
    private final StreamingDetector iforest;
    private final StreamingDetector ocsvm;
    private final StreamingDetector relation;
    private final double[] channelScores;
    private final double[] deseasonalised;
    private int anomalousRun;

    public SeriesDetector(DetectorParams params, List<String> channels) {
        this.params = params;
        this.channels = List.copyOf(channels);
        int k = channels.size();
        surprise = new SurpriseDetector[params.weight(DetectorParams.SURPRISE) > 0 ? k : 1];
        for (int c = 0; c < surprise.length; c++) {
            surprise[c] = new SurpriseDetector(params);
        }
        mahalanobis = k >= 2 && params.weight(DetectorParams.MAHALANOBIS) > 0 ? new MahalanobisDetector(params, k) : null;
        iforest = params.weight(DetectorParams.IFOREST) > 0 ? new IsolationForestDetector(params, k) : null;
        ocsvm = params.weight(DetectorParams.OCSVM) > 0 ? new OneClassSvmDetector(params, k) : null;
        relation = k >= 2 && params.weight(DetectorParams.RELATION) > 0 ? new RelationDetector(params, k) : null;
        channelScores = new double[k];
        deseasonalised = new double[k];
    }

    public DetectorParams params() {
        return params;
    }

    public List<String> channels() {
        return channels;
    }

    /** Scores one reading (one value per channel, NaN = missing) and learns from it. */
    public Result update(long ts, double[] row) {
        double[] parts = new double[DetectorParams.DETECTORS.length];
        if (mahalanobis != null || relation != null) {
            for (int c = 0; c < row.length; c++) {
                deseasonalised[c] = row[c] - (c < surprise.length ? surprise[c].seasonal(ts) : 0);
            }
        }
        int best = 0;
        double sur = 0;
        for (int c = 0; c < surprise.length; c++) {
            channelScores[c] = surprise[c].update(ts, row[c]);
            if (channelScores[c] > sur) {
                sur = channelScores[c];
                best = c;
            }
        }
        parts[0] = sur;
        parts[1] = mahalanobis == null ? Double.NaN : mahalanobis.update(ts, deseasonalised);
        parts[2] = iforest == null ? Double.NaN : iforest.update(ts, row);
        parts[3] = ocsvm == null ? Double.NaN : ocsvm.update(ts, row);
        parts[4] = relation == null ? Double.NaN : relation.update(ts, deseasonalised);
        double score = combine(parts);
        boolean anomalous = score >= params.threshold() && score > 0;
        anomalousRun = anomalous ? anomalousRun + 1 : 0;
        AnomalyType type = anomalous ? classify(row, best, parts) : null;
        return new Result(score, anomalous, type, expectedOf(surprise[0]), parts, surprise[0].expected());
    }

    /**
     * The value the streaming detector expected: the local level before the reading when a sudden jump drove the
     * score (that is what the reading was judged against), else the slow baseline (level plus daily profile).
     */
    private static double expectedOf(SurpriseDetector d) {
        return d.dominant() == SurpriseDetector.Component.POINT && !Double.isNaN(d.recentLevel())
                ? d.recentLevel() : d.expected();
    }

    private double combine(double[] parts) {
        return combine(parts, params);
    }

    /** The ensemble rule: weighted mean or weighted max of the detectors that apply (NaN parts are skipped). */
    public static double combine(double[] parts, DetectorParams params) {
        boolean max = "max".equals(params.combine());
        double sum = 0;
        double weights = 0;
        double top = 0;
        double topWeight = 0;
        for (int d = 0; d < parts.length; d++) {
            double w = params.weight(DetectorParams.DETECTORS[d]);
            if (w <= 0 || Double.isNaN(parts[d])) {
                continue;
            }
            sum += w * parts[d];
            weights += w;
            topWeight = Math.max(topWeight, w);
            top = Math.max(top, w * parts[d]);
        }
        if (weights == 0) {
            return 0;
        }
        return max ? Math.min(1, top / topWeight) : sum / weights;
    }

    private AnomalyType classify(double[] row, int channel, double[] parts) {
        SurpriseDetector d = surprise[channel];
        double univariate = parts[0];
        double others = Math.max(Math.max(nz(parts[1]), nz(parts[4])), Math.max(nz(parts[2]), nz(parts[3])));
        if (univariate < params.threshold() && others > univariate && channels.size() > 1) {
            return AnomalyType.PATTERN_CHANGE;
        }
        String metric = channels.get(channel).toLowerCase(Locale.ROOT);
        double x = row[channel];
        double expected = d.expected();
        double rel = Math.abs(expected) > 1e-9 ? (x - expected) / Math.abs(expected) : 0;
        double recent = d.recentLevel();
        if (Math.abs(recent) > 1e-9) {
            rel = Math.min(rel, (x - recent) / Math.abs(recent)); // a sudden fall counts even if the baseline lags
        }
        boolean thermal = metric.contains("temp") || metric.contains("thermo");
        boolean powerLike = metric.contains("power") || metric.contains("kw") || metric.contains("current")
                || metric.contains("energy") || metric.contains("load") || metric.equals("value");
        switch (d.dominant()) {
            case STUCK:
                return AnomalyType.STUCK_SENSOR;
            case VARIANCE:
                return AnomalyType.ERRATIC;
            case DRIFT:
                if (thermal && d.residual() > 0) {
                    return AnomalyType.OVERHEATING;
                }
                return powerLike && rel <= -0.3 ? AnomalyType.POWER_DROP : AnomalyType.DRIFT;
            case POINT:
                if (thermal && d.residual() > 0) {
                    return AnomalyType.OVERHEATING;
                }
                if (anomalousRun > 3) {
                    return powerLike && rel <= -0.3 ? AnomalyType.POWER_DROP : AnomalyType.LEVEL_SHIFT;
                }
                return powerLike && rel <= -0.3 ? AnomalyType.POWER_DROP : AnomalyType.SPIKE;
            case SHIFT:
            default:
                if (thermal && d.residual() > 0) {
                    return AnomalyType.OVERHEATING;
                }
                return powerLike && rel <= -0.3 ? AnomalyType.POWER_DROP : AnomalyType.LEVEL_SHIFT;
        }
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Scores of a whole table, replayed row by row (causal). */
    public static double[] scoreAll(DetectorParams params, SeriesTable table) {
        SeriesDetector det = new SeriesDetector(params, table.columns());
        double[] row = new double[table.columns().size()];
        double[] out = new double[table.size()];
        for (int i = 0; i < table.size(); i++) {
            out[i] = det.update(table.timestamp(i), table.row(i, row)).score();
        }
        return out;
    }

    /** Per-detector scores of a whole table ([detector][row], NaN where a detector does not apply). */
    public static double[][] partsAll(DetectorParams params, SeriesTable table) {
        SeriesDetector det = new SeriesDetector(params, table.columns());
        double[] row = new double[table.columns().size()];
        double[][] out = new double[DetectorParams.DETECTORS.length][table.size()];
        for (int i = 0; i < table.size(); i++) {
            double[] parts = det.update(table.timestamp(i), table.row(i, row)).parts();
            for (int d = 0; d < parts.length; d++) {
                out[d][i] = parts[d];
            }
        }
        return out;
    }

    static List<String> names(int k) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            n.add("c" + i);
        }
        return n;
    }
}
