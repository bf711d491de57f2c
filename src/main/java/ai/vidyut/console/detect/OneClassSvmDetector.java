package ai.vidyut.console.detect;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyTrainer;
import org.tribuo.anomaly.liblinear.LinearAnomalyType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's linear one-class SVM (liblinear) on the same standardised features as the Isolation Forest.
 * The decision value is larger for expected readings, so its negation is the raw anomaly measure.
 */
public final class OneClassSvmDetector extends TrainedDetector {

    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    private Model<Event> model;
    private String[] names;

    public OneClassSvmDetector(DetectorParams params, int columns) {
        super(params, columns);
    }

    @Override
    public String name() {
        return DetectorParams.OCSVM;
    }

    @Override
    protected void fit(double[][] x) {
        names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("f%02d", j);
        }
        MutableDataset<Event> data = new MutableDataset<>(new SimpleDataSourceProvenance("training window", FACTORY),
                FACTORY);
        for (double[] row : x) {
            data.add(new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, names, row));
        }
        LibLinearAnomalyTrainer trainer = new LibLinearAnomalyTrainer(
                new LinearAnomalyType(LinearAnomalyType.LinearType.ONECLASS_SVM), 1.0, 1000, 0.01,
                params.svmNu(), params.seed());
        model = trainer.train(data);
    }

    @Override
    protected double raw(double[] x) {
        Example<Event> ex = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names, x);
        Event out = model.predict(ex).getOutput();
        return -out.getScore();
    }
}
