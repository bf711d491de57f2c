package ai.vidyut.console.bench.detect;

import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.eval.*;
import java.nio.file.Path;
import java.util.List;

public class Scratch {
    public static void main(String[] a) {
        DetectorParams p = DetectorParams.builtIn();
        if (a.length > 1) p = p.withMahalanobis(Integer.parseInt(a[1]), Double.parseDouble(a[2]));
        if (a.length > 3) p = p.withSurprise(Double.parseDouble(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), Double.parseDouble(a[6]), p.decades());
        if (a.length > 7) p = p.withForest(p.ifTrees(), p.ifSampleSize(), Double.parseDouble(a[7]));
        final DetectorParams fp = p;
        p = p.withWeights(java.util.Map.of("surprise",1.0,"mahalanobis",1.0), "mean");
        List<LabelledRun> runs = a[0].equals("skab") ? Skab.load(Path.of("/work/shared/data/skab"), false)
                : SyntheticFaults.suite(1, 3, 3, 3);
        long t0 = System.nanoTime();
        List<Benchmark.RunParts> parts = new java.util.ArrayList<>();
        for (LabelledRun r : runs) parts.add(new Benchmark.RunParts(r, ai.vidyut.console.detect.SeriesDetector.partsAll(p, r.table())));
        System.out.printf("scored %d runs in %.1fs%n", runs.size(), (System.nanoTime() - t0) / 1e9);
        for (String d : DetectorParams.DETECTORS) {
            List<Scoring.Scored> s = Benchmark.scored(parts, d, p);
            System.out.printf("%-12s bestF1 %s bestNAB %s%n", d, Scoring.bestF1(s), Scoring.bestNab(s));
        }
        for (String rule : new String[]{"mean","max"}) {
            DetectorParams q = p.withWeights(java.util.Map.of("surprise",1.0,"mahalanobis",1.0), rule);
            List<Scoring.Scored> s = Benchmark.scored(parts, null, q);
            System.out.printf("%-12s bestF1 %s bestNAB %s%n", rule, Scoring.bestF1(s), Scoring.bestNab(s));
        }
    }
}
