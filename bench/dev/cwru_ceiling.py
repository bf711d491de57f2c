#!/usr/bin/env python3
"""CWRU bearing: how far nine time-domain statistics can go (exploration, not part of the build).

Reproduces the development figures in bench/results/maintain.md ("Round four — CWRU"): out-of-fold accuracy of
several learners on a development split (5-fold stratified, shuffle seed 1 — not the scored seed 20261122), the best
soft vote among them, and per-pair separability of the confused classes. Needs numpy and scikit-learn
(`pip install scikit-learn`). Usage: python3 bench/dev/cwru_ceiling.py [path/to/feature_time_48k_2048_load_1.csv]
"""
import csv
import itertools
import sys

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/cwru-bearing/feature_time_48k_2048_load_1.csv'
rows = list(csv.reader(open(path)))
X = np.array([[float(v) for v in r[:9]] for r in rows[1:]])
labels = np.array([r[9] for r in rows[1:]])
C = sorted(set(labels))
y = np.array([C.index(l) for l in labels])
folds = StratifiedKFold(5, shuffle=True, random_state=1)  # development split only

mx, mn, mean, sd, rms, sk, ku, cr, fo = X.T
# rms, crest and form are functions of the others (rms² = sd² + mean², crest = max|x| / rms, form = rms / mean):
# six independent statistics, log-scaled where they are scales
G6 = np.column_stack([np.log(mx), np.log(-mn), mean, np.log(sd), sk, np.log(ku + 3)])
G6_NAMES = ['log max', 'log -min', 'mean', 'log sd', 'skew', 'log(kurt+3)']
# + peak-to-peak / sd, max / |min| asymmetry, mean / sd
G9 = np.column_stack([G6, np.log(mx - mn) - np.log(sd), np.log(mx) - np.log(-mn), mean / sd])


class GaussianMixturePerClass(BaseEstimator, ClassifierMixin):
    """Class-conditional density: a k-component Gaussian mixture per class on standardised features."""

    def __init__(self, k=2):
        self.k = k

    def fit(self, x, t):
        self.classes_ = np.unique(t)
        self.mu, self.s = x.mean(0), x.std(0)
        z = (x - self.mu) / self.s
        self.g = [GaussianMixture(self.k, reg_covar=1e-4, random_state=0, n_init=3).fit(z[t == c])
                  for c in self.classes_]
        return self

    def predict_proba(self, x):
        z = (x - self.mu) / self.s
        log_density = np.column_stack([g.score_samples(z) for g in self.g])
        p = np.exp(log_density - log_density.max(1, keepdims=True))
        return p / p.sum(1, keepdims=True)

    def predict(self, x):
        return self.classes_[self.predict_proba(x).argmax(1)]


candidates = {
    'random forest 500, raw 9': (RandomForestClassifier(500, random_state=0), X),
    'random forest 500, transformed 9': (RandomForestClassifier(500, random_state=0), G9),
    'extra trees 500, transformed 9': (ExtraTreesClassifier(500, random_state=0), G9),
    'Gaussian mixture (2) per class, independent 6': (GaussianMixturePerClass(2), G6),
    'Gaussian mixture (2) per class, transformed 9': (GaussianMixturePerClass(2), G9),
    'histogram boosting, transformed 9': (HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300,
                                                                          random_state=0), G9),
    'logistic regression, standardised transformed 9': (make_pipeline(StandardScaler(),
                                                                       LogisticRegression(C=100, max_iter=5000)), G9),
}
proba = {}
for name, (model, features) in candidates.items():
    proba[name] = cross_val_predict(model, features, y, cv=folds, method='predict_proba')
    print(f'{accuracy_score(y, proba[name].argmax(1)):.4f}  {name}', flush=True)

votes = sorted(((accuracy_score(y, sum(proba[n] for n in combo).argmax(1)), combo)
                for r in (2, 3, 4) for combo in itertools.combinations(proba, r)), reverse=True)
best, combo = votes[0]
print(f'{best:.4f}  best soft vote of 2-4 of the above, chosen on these same folds (optimistic): {combo}')
print(C)
print(confusion_matrix(y, sum(proba[n] for n in combo).argmax(1)))
wrong_by_all = np.all([p.argmax(1) != y for p in proba.values()], axis=0)
print(f'{1 - wrong_by_all.mean():.4f}  hindsight oracle: a row counts as right if any one learner got it right')

for a, b in [('Ball_007_1', 'OR_014_6_1'), ('Ball_021_1', 'OR_014_6_1'), ('Ball_014_1', 'OR_014_6_1'),
             ('Ball_014_1', 'Ball_021_1'), ('Ball_007_1', 'Ball_021_1'), ('Ball_007_1', 'Ball_014_1')]:
    A, B = G6[y == C.index(a)], G6[y == C.index(b)]
    d = (A.mean(0) - B.mean(0)) / np.sqrt((A.var(0) + B.var(0)) / 2)
    pair = (y == C.index(a)) | (y == C.index(b))
    p = cross_val_predict(RandomForestClassifier(300, random_state=0), G6[pair], y[pair], cv=folds)
    effect = ', '.join(f'{n} {v:+.2f}' for n, v in zip(G6_NAMES, d))
    print(f'{a} vs {b}: two-class forest errors {int((p != y[pair]).sum())} of {pair.sum()}; Cohen d: {effect}')
