package io.webpubsub.bench.common;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table printed as Markdown, so a run's output pastes straight into the README. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public String render() {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols && i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            line(sb, rows.get(n), w);
            if (n == 0) {
                String[] sep = new String[cols];
                for (int i = 0; i < cols; i++) {
                    sep[i] = "-".repeat(w[i]);
                }
                line(sb, sep, w);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] r, int[] w) {
        sb.append('|');
        for (int i = 0; i < w.length; i++) {
            String c = i < r.length ? r[i] : "";
            sb.append(' ').append(c).append(" ".repeat(w[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }
}
