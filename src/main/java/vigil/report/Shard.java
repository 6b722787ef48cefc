package vigil.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of {@code count} workers that split a run's scenarios between them ({@code vigil run --shard 2/3}).
 * Written to summary.json so that {@code vigil merge} can tell whether every shard is there.
 *
 * @param index 1-based, at most {@code count}
 */
public record Shard(@JsonProperty(value = "index", required = true) int index,
                    @JsonProperty(value = "count", required = true) int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /**
     * Reads {@code I/N}, e.g. {@code 2/3}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not I/N; write e.g. 2/3 for the second of 3 shards");
        }
        int index = number(parts[0], text);
        int count = number(parts[1], text);
        if (count < 1) {
            throw new IllegalArgumentException("'" + text + "': the number of shards must be at least 1");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("'" + text + "': the shard must be between 1 and " + count
                    + " (shards count from 1)");
        }
        return new Shard(index, count);
    }

    private static int number(String part, String text) {
        try {
            return Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not I/N with whole numbers; write e.g. 2/3 for"
                    + " the second of 3 shards");
        }
    }

    /** {@code 2/3} */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
