package ai.vidyut.console.maintain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A delimited text table as the maintenance commands read it: comma-, semicolon- or whitespace-separated, with an
 * optional header row. Without a header the caller names the columns ({@code --columns}); failing that they are
 * {@code c1..cN}. Cells are kept as text; {@link #numeric(String)} parses a column and reports the first bad line.
 */
public final class Table {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<String> columns;
    private final List<String[]> rows;
    private final int[] lineNumbers;
    private final Map<String, Integer> index = new HashMap<>();

    private Table(List<String> columns, List<String[]> rows, int[] lineNumbers) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.lineNumbers = lineNumbers;
        for (int i = 0; i < columns.size(); i++) {
            if (index.putIfAbsent(columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column name: " + columns.get(i));
            }
        }
    }

    /** A table built in memory (rows of cell text). */
    public static Table of(List<String> columns, List<String[]> rows) {
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
            if (rows.get(i).length != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).length + " cells, expected "
                        + columns.size());
            }
        }
        return new Table(columns, new ArrayList<>(rows), lines);
    }

    public static Table read(Path file, List<String> columnNames) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, columnNames, file.toString());
        }
    }

    public static Table parse(String text, List<String> columnNames) {
        try {
            return read(new StringReader(text), columnNames, "input");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a table. {@code columnNames} (may be null or empty) names the columns of a header-less input; when given,
     * the first row is data. Otherwise the first row is a header when none of its cells is a number, or when a column
     * is text in the first row and a number in the second.
     */
    public static Table read(Reader in, List<String> columnNames, String sourceName) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<String[]> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Character delimiter = null;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (delimiter == null) {
                delimiter = trimmed.indexOf(',') >= 0 ? ',' : trimmed.indexOf(';') >= 0 ? ';' : ' ';
            }
            cells.add(split(trimmed, delimiter));
            lines.add(lineNo);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(sourceName + " has no rows");
        }
        boolean named = columnNames != null && !columnNames.isEmpty();
        boolean header = !named && looksLikeHeader(cells);
        List<String> names;
        int first;
        if (named) {
            names = columnNames.stream().map(String::strip).toList();
            first = 0;
        } else if (header) {
            names = new ArrayList<>();
            for (String h : cells.get(0)) {
                names.add(h.strip());
            }
            first = 1;
        } else {
            names = new ArrayList<>();
            for (int i = 1; i <= cells.get(0).length; i++) {
                names.add("c" + i);
            }
            first = 0;
        }
        List<String[]> data = new ArrayList<>(cells.size() - first);
        int[] dataLines = new int[cells.size() - first];
        for (int i = first; i < cells.size(); i++) {
            String[] row = cells.get(i);
            if (row.length != names.size()) {
                throw new IllegalArgumentException(sourceName + " line " + lines.get(i) + ": expected " + names.size()
                        + " fields but found " + row.length);
            }
            dataLines[data.size()] = lines.get(i);
            data.add(row);
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException(sourceName + " has a header but no data rows");
        }
        return new Table(names, data, dataLines);
    }

    private static String[] split(String line, char delimiter) {
        String[] parts = delimiter == ' ' ? WHITESPACE.split(line) : line.split(Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                p = p.substring(1, p.length() - 1);
            }
            parts[i] = p;
        }
        return parts;
    }

    private static boolean looksLikeHeader(List<String[]> cells) {
        String[] first = cells.get(0);
        boolean anyNumber = false;
        for (String c : first) {
            anyNumber |= isNumber(c);
        }
        if (!anyNumber) {
            return true;
        }
        if (cells.size() < 2) {
            return false;
        }
        String[] second = cells.get(1);
        for (int i = 0; i < Math.min(first.length, second.length); i++) {
            if (!isNumber(first[i]) && !first[i].isEmpty() && isNumber(second[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isMissing(String s) {
        if (s.isEmpty()) {
            return true;
        }
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("na") || l.equals("nan") || l.equals("null");
    }

    /** The given rows (by index), in the given order. */
    public Table subset(int[] rowIndices) {
        List<String[]> picked = new ArrayList<>(rowIndices.length);
        int[] lines = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            picked.add(rows.get(rowIndices[i]));
            lines[i] = lineNumbers[rowIndices[i]];
        }
        return new Table(columns, picked, lines);
    }

    /** This table with one more column of numbers (missing values written as empty cells); rows keep their lines. */
    public Table withColumn(String name, double[] values) {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.length + " values for "
                    + rows.size() + " rows");
        }
        List<String> names = new ArrayList<>(columns);
        names.add(name);
        List<String[]> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] row = java.util.Arrays.copyOf(rows.get(r), columns.size() + 1);
            row[columns.size()] = Double.isNaN(values[r]) ? "" : Double.toString(values[r]);
            out.add(row);
        }
        return new Table(names, out, lineNumbers);
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The index of a column by name, or by 1-based position when the name is a number. */
    public int columnIndex(String column) {
        Integer i = index.get(column);
        if (i != null) {
            return i;
        }
        if (column != null && column.matches("\\d+")) {
            int pos = Integer.parseInt(column);
            if (pos >= 1 && pos <= columns.size()) {
                return pos - 1;
            }
        }
        throw new IllegalArgumentException("no column '" + column + "' (columns: " + String.join(",", columns) + ")");
    }

    public String name(String column) {
        return columns.get(columnIndex(column));
    }

    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    public int lineNumber(int row) {
        return lineNumbers[row];
    }

    /** True when every non-missing cell of the column is a number (and at least one is). */
    public boolean isNumeric(String column) {
        int c = columnIndex(column);
        boolean any = false;
        for (String[] row : rows) {
            String v = row[c];
            if (isMissing(v)) {
                continue;
            }
            if (!isNumber(v)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The column as numbers; missing cells become NaN; text fails with the line number. */
    public double[] numeric(String column) {
        int c = columnIndex(column);
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[c];
            if (isMissing(v)) {
                out[r] = Double.NaN;
                continue;
            }
            try {
                out[r] = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + lineNumbers[r] + ": column '" + columns.get(c)
                        + "' is not a number: '" + v + "'");
            }
        }
        return out;
    }

    public String[] text(String column) {
        int c = columnIndex(column);
        String[] out = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }

    /** Distinct values of a column in order of first appearance, with their counts. */
    public Map<String, Integer> levels(String column) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String v : text(column)) {
            out.merge(v, 1, Integer::sum);
        }
        return out;
    }
}
