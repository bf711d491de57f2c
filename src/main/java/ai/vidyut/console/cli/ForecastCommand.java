package ai.vidyut.console.cli;

import ai.vidyut.console.forecast.Forecast;
import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.Forecaster;
import ai.vidyut.console.forecast.RegularSeries;
import ai.vidyut.console.forecast.SeriesCsv;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vidyut forecast}: reads a history CSV, writes {@code timestamp,predicted,lower95,upper95} for the
 * {@code --horizon} steps after its last timestamp, prints a JSON summary. Stable interface.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast a series from its history, with 95 %% bands.",
                "Input: header, 'timestamp' first (ISO-8601 with T or space, with or without zone), then the target "
                        + "column, then optional regressor columns. Output: timestamp,predicted,lower95,upper95 for "
                        + "the horizon steps after the last input timestamp, timestamps in the input's form.",
                "Prints a JSON summary (model, calibration backtest metrics, repairs made to the input)."})
public final class ForecastCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastCommand.class);

    @ParentCommand
    private VidyutCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "history.csv", description = "History CSV")
    private Path input;

    @Option(names = "--horizon", required = true, paramLabel = "STEPS",
            description = "Steps to forecast (at the input's own step, e.g. hours)")
    private int horizon;

    @Option(names = "--output", required = true, paramLabel = "forecast.csv", description = "Forecast CSV to write")
    private Path output;

    @Option(names = "--future-regressors", paramLabel = "future.csv",
            description = "Values of the input's regressor columns for the forecast steps (timestamp + same columns)")
    private Path futureRegressors;

    @Option(names = "--components", paramLabel = "components.csv",
            description = "Also write the forecast's components (trend, daily, weekly, yearly, holidays, weather, recent)")
    private Path components;

    @Option(names = "--no-record", description = "Do not record the run in the model registry")
    private boolean noRecord;

    @Mixin
    private ForecastModelOptions model;

    @Override
    public Integer call() throws Exception {
        SeriesCsv.Loaded loaded = ForecastModelOptions.readHistory(input, horizon);
        RegularSeries series = loaded.series();
        if (futureRegressors != null) {
            if (series.regressors().isEmpty()) {
                throw new IllegalArgumentException("--future-regressors given, but the input has no regressor columns");
            }
            series = SeriesCsv.withFutureRegressors(series, futureRegressors, horizon);
        } else if (!series.regressors().isEmpty()) {
            LOG.warn("regressor columns {} have no future values (--future-regressors); forecasting without them",
                    series.regressors().keySet());
        }
        ForecastOptions options = model.build(loaded.lastOffset());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("horizon", horizon);
        params.put("country", options.calendar().id());
        params.put("mode", options.mode().name().toLowerCase());
        if (options.solar() != null) {
            params.put("solar", options.solar());
        }
        boolean record = !noRecord && ForecastRuns.dataDirInUse(spec, root.dataDir());
        String scope = ForecastRuns.scope(input, series);
        Forecast f;
        try {
            f = new Forecaster(options).forecast(series, horizon);
        } catch (IllegalArgumentException e) {
            if (record) {
                ForecastRuns.recordFailure(root.dataDir(), "forecast", scope, params, e.getMessage());
            }
            throw e;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(output)) {
            SeriesCsv.writeForecast(w, f, loaded.format(), loaded.lastOffset());
        }
        if (components != null) {
            writeComponents(f, loaded);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("output", output.toString());
        summary.put("horizon", horizon);
        summary.put("step", series.step().toString());
        summary.put("model", f.model());
        summary.put("blendWeight", f.blendWeight());
        summary.put("bandMethod", f.bandMethod());
        summary.put("calibrationOrigins", f.calibrationOrigins());
        summary.put("calibration", f.calibration().asMap());
        summary.put("inputRows", loaded.rows());
        summary.put("duplicatesMerged", loaded.duplicatesMerged());
        summary.put("missingFilled", loaded.missingFilled());
        summary.put("details", f.details());
        if (record) {
            Map<String, Object> artifact = new LinkedHashMap<>(summary);
            List<Map<String, Object>> points = new ArrayList<>();
            for (Forecast.Point p : f.points()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("timestamp", loaded.format().format(p.time(), loaded.lastOffset()));
                m.put("predicted", p.predicted());
                m.put("lower95", p.lower95());
                m.put("upper95", p.upper95());
                points.add(m);
            }
            artifact.put("points", points);
            Map<String, Double> metrics = new LinkedHashMap<>(f.calibration().asMap());
            ForecastRuns.record(root.dataDir(), "forecast", scope, params, metrics, series, artifact)
                    .ifPresent(run -> summary.put("registryRun", Map.of("id", run.id(), "version", run.version())));
        }
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }

    private void writeComponents(Forecast f, SeriesCsv.Loaded loaded) throws java.io.IOException {
        try (Writer w = Files.newBufferedWriter(components)) {
            List<String> names = new ArrayList<>(f.components().keySet());
            w.write("timestamp," + String.join(",", names) + "\n");
            for (int i = 0; i < f.size(); i++) {
                StringBuilder sb = new StringBuilder(loaded.format().format(f.time(i), loaded.lastOffset()));
                for (String n : names) {
                    sb.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", f.components().get(n)[i]));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
