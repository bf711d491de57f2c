package ai.vidyut.console.maintain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Cross-validation fold assignments: stratified by class, or grouped so that one unit never spans two folds. */
public final class Folds {

    private Folds() {
    }

    /** fold[i] in [0, k) such that every class is spread evenly over the folds. */
    public static int[] stratified(int[] y, int k, long seed) {
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            byClass.computeIfAbsent(y[i], c -> new ArrayList<>()).add(i);
        }
        Random rnd = new Random(seed);
        int[] fold = new int[y.length];
        int offset = 0;
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, rnd);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = (offset + j) % k;
            }
            offset += members.size();
        }
        return fold;
    }

    /** fold[i] in [0, k), equal for rows of the same group; groups are shuffled then dealt round-robin. */
    public static int[] grouped(String[] groups, int k, long seed) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(java.util.Arrays.asList(groups)));
        Collections.shuffle(distinct, new Random(seed));
        Map<String, Integer> groupFold = new java.util.HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            groupFold.put(distinct.get(i), i % k);
        }
        int[] fold = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            fold[i] = groupFold.get(groups[i]);
        }
        return fold;
    }

    public static int[] indices(int[] fold, int k, boolean in) {
        int n = 0;
        for (int f : fold) {
            if ((f == k) == in) {
                n++;
            }
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == k) == in) {
                out[j++] = i;
            }
        }
        return out;
    }
}
