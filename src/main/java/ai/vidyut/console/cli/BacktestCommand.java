package ai.vidyut.console.cli;

import ai.vidyut.console.forecast.Accuracy;
import ai.vidyut.console.forecast.Backtester;
import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.RegularSeries;
import ai.vidyut.console.forecast.SeriesCsv;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vidyut backtest}: rolling-origin backtest of the forecaster on a history CSV; prints MAE, RMSE, MAPE,
 * coverage and band width as one JSON object. Stable interface.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Rolling-origin backtest of the forecaster: at each origin it sees only the history before "
                + "it (regressor columns are taken as known for the horizon, like a weather forecast).",
                "Prints one JSON object: mae, rmse, mape (%%), coverage (%% of actuals inside the 95 %% band), "
                        + "bandWidth (mean), accuracyScore (100 - mape), origins, horizon, points, wallSeconds."})
public final class BacktestCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "history.csv", description = "History CSV")
    private Path input;

    @Option(names = "--horizon", required = true, paramLabel = "STEPS", description = "Steps ahead per origin")
    private int horizon;

    @Option(names = "--origins", defaultValue = "28", paramLabel = "N",
            description = "Number of forecast origins. Default: ${DEFAULT-VALUE}")
    private int origins;

    @Option(names = "--spacing", paramLabel = "STEPS",
            description = "Steps between origins. Default: one day of steps; the last origin is horizon steps before the end")
    private Integer spacing;

    @Option(names = "--no-record", description = "Do not record the run in the model registry")
    private boolean noRecord;

    @Mixin
    private ForecastModelOptions model;

    @Override
    public Integer call() throws Exception {
        SeriesCsv.Loaded loaded = ForecastModelOptions.readHistory(input, horizon);
        RegularSeries series = loaded.series();
        ForecastOptions options = model.build(loaded.lastOffset());
        int every = spacing != null ? spacing : series.stepsPerDay();
        Backtester.Result r = Backtester.run(series, horizon, origins, every, options);
        Accuracy a = r.accuracy();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mae", finite(a.mae()));
        out.put("rmse", finite(a.rmse()));
        out.put("mape", finite(a.mape()));
        out.put("coverage", finite(a.coverage95()));
        out.put("bandWidth", finite(a.meanBandWidth()));
        out.put("accuracyScore", finite(a.accuracyScore()));
        if (options.solar() != null) {
            out.put("maeShareOfCapacity", a.mae() / options.solar().capacityKw());
        }
        out.put("origins", origins);
        out.put("horizon", horizon);
        out.put("spacing", every);
        out.put("points", a.points());
        out.put("models", r.models());
        out.put("wallSeconds", r.wallSeconds());
        if (!noRecord && ForecastRuns.dataDirInUse(spec, root.dataDir())) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("horizon", horizon);
            params.put("origins", origins);
            params.put("spacing", every);
            params.put("country", options.calendar().id());
            params.put("mode", options.mode().name().toLowerCase());
            Map<String, Double> metrics = new LinkedHashMap<>(a.asMap());
            metrics.put("wallSeconds", r.wallSeconds());
            ForecastRuns.record(root.dataDir(), "forecast-backtest", ForecastRuns.scope(input, series), params,
                    metrics, series, out).ifPresent(run -> out.put("registryRun",
                    Map.of("id", run.id(), "version", run.version())));
        }
        System.out.println(new ObjectMapper().writeValueAsString(out));
        return 0;
    }

    /** JSON has no NaN: undefined metrics (e.g. MAPE when every actual is zero) are null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
