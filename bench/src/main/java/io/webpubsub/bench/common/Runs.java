package io.webpubsub.bench.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The values of one figure over several runs: printed as the median with the min–max spread. */
public final class Runs {
    private final List<Double> values = new ArrayList<>();

    public Runs add(double v) {
        values.add(v);
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    public double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@code median [min–max]} with a format chosen for the magnitude. */
    public String format() {
        if (values.isEmpty()) {
            return "n/a";
        }
        if (values.size() == 1) {
            return num(median());
        }
        return num(median()) + " [" + num(min()) + "–" + num(max()) + "]";
    }

    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
