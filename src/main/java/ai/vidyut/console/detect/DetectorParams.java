package ai.vidyut.console.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every tunable of the detection ensemble, as one JSON document (the shipped defaults are
 * {@code models/detect/default.json}; the registry stores tuned ones).
 *
 * @param trainSize      readings used to learn "normal" before the trained detectors (Isolation Forest, one-class
 *                       SVM, Mahalanobis) start scoring; the streaming detector learns online from the first reading
 * @param ifTrees        Isolation Forest trees
 * @param ifSampleSize   readings per tree
 * @param contamination  share of training readings assumed anomalous: the (1 - contamination) quantile of training
 *                       scores is the "surprising" reference of the trained detectors
 * @param svmNu          one-class SVM ν
 * @param warmup         readings before the streaming detector scores
 * @param longHalfLife   half-life (readings) of the streaming detector's normal baseline and statistics
 * @param shortWindow    window (readings) of the level-shift component
 * @param mediumWindow   window (readings) of the drift component
 * @param anomalyWeight  how much a surprising reading still teaches the baselines (0 = nothing, 1 = fully)
 * @param smoothWindow   window (readings) of the smoothed Mahalanobis component
 * @param shrinkage      covariance shrinkage towards the identity
 * @param decades        -log10 tail probability that maps to score 1
 * @param weights        ensemble weight per detector ({@code surprise}, {@code mahalanobis}, {@code iforest},
 *                       {@code ocsvm}, {@code relation}); 0 (or absent) turns a detector off
 * @param combine        {@code mean} (weighted mean) or {@code max} (largest weighted score)
 * @param threshold      score at or above which a reading is labelled anomalous
 * @param alarmDelaySeconds how long an anomaly must last (first to latest anomalous reading) before it is raised
 *                       (stored and alerted): an alarm on-delay; a shorter one is dropped. 0 raises every anomaly at
 *                       its first reading. Alarm-level only: reading scores and labels do not depend on it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectorParams(long seed, int trainSize, int ifTrees, int ifSampleSize, double contamination,
                             double svmNu, int warmup, double longHalfLife, int shortWindow, int mediumWindow,
                             double anomalyWeight, int smoothWindow, double shrinkage, double decades,
                             Map<String, Double> weights, String combine, double threshold,
                             double alarmDelaySeconds) {

    public static final String SURPRISE = "surprise";
    public static final String MAHALANOBIS = "mahalanobis";
    public static final String IFOREST = "iforest";
    public static final String OCSVM = "ocsvm";
    public static final String RELATION = "relation";
    public static final String[] DETECTORS = {SURPRISE, MAHALANOBIS, IFOREST, OCSVM, RELATION};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DEFAULT_RESOURCE = "/models/detect/default.json";

    public DetectorParams {
        weights = weights == null ? Map.of(SURPRISE, 1.0) : Map.copyOf(weights);
        combine = combine == null ? "mean" : combine;
        if (alarmDelaySeconds < 0 || Double.isNaN(alarmDelaySeconds)) {
            throw new IllegalArgumentException("alarmDelaySeconds must be 0 or more");
        }
        if (trainSize < 16) {
            throw new IllegalArgumentException("trainSize must be at least 16");
        }
    }

    /** Built-in values, used when no shipped or trained parameters are available. */
    public static DetectorParams builtIn() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(SURPRISE, 1.0);
        w.put(MAHALANOBIS, 1.0);
        w.put(IFOREST, 0.0);
        w.put(OCSVM, 0.0);
        return new DetectorParams(42, 300, 100, 256, 0.01, 0.1, 30, 300, 8, 64, 0.25, 30, 0.3, 10,
                w, "mean", 0.5, 0);
    }

    /** The shipped defaults from the classpath ({@code models/detect/default.json}), else {@link #builtIn()}. */
    public static DetectorParams shippedDefault() {
        try (InputStream in = DetectorParams.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                return builtIn();
            }
            return JSON.readValue(in, DetectorParams.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static DetectorParams read(Path file) {
        try {
            return JSON.readValue(file.toFile(), DetectorParams.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read detector parameters " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DetectorParams fromJson(String json) {
        try {
            return JSON.readValue(json, DetectorParams.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad detector parameters: " + e.getMessage(), e);
        }
    }

    public double weight(String detector) {
        return weights.getOrDefault(detector, 0.0);
    }

    /** The parameters as a flat map, for the model registry. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return JSON.convertValue(this, Map.class);
    }

    public DetectorParams withWeights(Map<String, Double> w, String combineRule) {
        return new DetectorParams(seed, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, w, combineRule, threshold,
                alarmDelaySeconds);
    }

    public DetectorParams withThreshold(double t) {
        return new DetectorParams(seed, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, weights, combine, t,
                alarmDelaySeconds);
    }

    public DetectorParams withAlarmDelay(double seconds) {
        return new DetectorParams(seed, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, weights, combine, threshold,
                seconds);
    }

    public DetectorParams withSeed(long s) {
        return new DetectorParams(s, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, weights, combine, threshold,
                alarmDelaySeconds);
    }

    public DetectorParams withTrainSize(int t) {
        return new DetectorParams(seed, t, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, weights, combine, threshold,
                alarmDelaySeconds);
    }

    public DetectorParams withForest(int trees, int sampleSize, double contam) {
        return new DetectorParams(seed, trainSize, trees, sampleSize, contam, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smoothWindow, shrinkage, decades, weights, combine, threshold,
                alarmDelaySeconds);
    }

    public DetectorParams withSurprise(double halfLife, int shortW, int mediumW, double anomalyW, double dec) {
        return new DetectorParams(seed, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, halfLife,
                shortW, mediumW, anomalyW, smoothWindow, shrinkage, dec, weights, combine, threshold,
                alarmDelaySeconds);
    }

    public DetectorParams withMahalanobis(int smooth, double shrink) {
        return new DetectorParams(seed, trainSize, ifTrees, ifSampleSize, contamination, svmNu, warmup, longHalfLife,
                shortWindow, mediumWindow, anomalyWeight, smooth, shrink, decades, weights, combine, threshold,
                alarmDelaySeconds);
    }
}
