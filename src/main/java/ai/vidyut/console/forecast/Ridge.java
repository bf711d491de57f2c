package ai.vidyut.console.forecast;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Regularised least squares by the normal equations: minimises {@code |y - X b|^2 + sum_j penalty_j b_j^2}.
 * The Gram matrix is accumulated here in plain Java, skipping zero features (hinges, holiday flags and the day-off
 * daily shape are mostly zero), single-threaded so that a busy shared machine does not make BLAS threads spin;
 * the small {@code p × p} system is then solved by Smile's Cholesky decomposition.
 */
final class Ridge {

    private Ridge() {
    }

    /** A design matrix, row-major. */
    static final class Design {
        final int rows;
        final int cols;
        final double[] data;

        Design(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            this.data = new double[rows * cols];
        }

        void setRow(int row, double[] values) {
            System.arraycopy(values, 0, data, row * cols, cols);
        }

        double get(int row, int col) {
            return data[row * cols + col];
        }
    }

    static double[] solve(Design x, double[] y, double[] penalty) {
        if (x.rows == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int p = x.cols;
        double[] g = new double[p * p];
        double[] xty = new double[p];
        int[] nz = new int[p];
        double[] d = x.data;
        for (int i = 0; i < x.rows; i++) {
            int off = i * p;
            int m = 0;
            for (int j = 0; j < p; j++) {
                if (d[off + j] != 0) {
                    nz[m++] = j;
                }
            }
            double yi = y[i];
            for (int a = 0; a < m; a++) {
                int ja = nz[a];
                double va = d[off + ja];
                xty[ja] += va * yi;
                int base = ja * p;
                for (int b = a; b < m; b++) {
                    int jb = nz[b];
                    g[base + jb] += va * d[off + jb];
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < p; j++) {
            trace += g[j * p + j];
        }
        double scale = Math.max(trace / p, 1e-12);
        try {
            return gram(g, p, penalty, 1e-9 * scale).cholesky().solve(xty);
        } catch (RuntimeException e) {
            // Nearly collinear features (e.g. a regressor that is constant in the window): more jitter, once.
            return gram(g, p, penalty, 1e-4 * scale).cholesky().solve(xty);
        }
    }

    private static Matrix gram(double[] upper, int p, double[] penalty, double jitter) {
        Matrix m = new Matrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = upper[a * p + b];
                m.set(a, b, v);
                m.set(b, a, v);
            }
            m.add(a, a, penalty[a] + jitter);
        }
        m.uplo(UPLO.LOWER);
        return m;
    }
}
