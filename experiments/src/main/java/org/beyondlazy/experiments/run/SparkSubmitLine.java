package org.beyondlazy.experiments.run;

import java.nio.file.Path;
import org.beyondlazy.core.SpecRef;

/**
 * The {@code spark-submit} line that runs a sweep on a Spark cluster (spec E9.20): the shaded jar of the spark
 * module, its main class {@code org.beyondlazy.spark.SparkSweep}, and the sweep's config and output directory as
 * absolute paths. It is only composed here, never run, so that Spark stays off the class path of everything
 * below the spark module.
 */
@SpecRef({"E9.20", "E9.21"})
public final class SparkSubmitLine {
    /** The shaded jar of the spark module, relative to the project root. */
    public static final String JAR = "spark/target/beyondlazy-spark-0.1.0-SNAPSHOT-submit.jar";
    /** The main class of the shaded jar. */
    public static final String MAIN_CLASS = "org.beyondlazy.spark.SparkSweep";
    /** The shaded jar's entry for the scaling-law study (spec E9.21). */
    public static final String SCALING_LAW_CLASS = "org.beyondlazy.spark.SparkScalingLaw";

    private SparkSubmitLine() {
    }

    /** The jar under {@code root}, absolute and normalized. */
    public static Path jar(Path root) {
        return root.resolve(JAR).toAbsolutePath().normalize();
    }

    /** The line, each word quoted for a POSIX shell where it needs it. */
    public static String of(String master, Path jar, Path config, Path out) {
        return String.join(" ", "spark-submit", "--master", quote(master), "--class", MAIN_CLASS, quote(jar.toString()),
                "--config", quote(config.toAbsolutePath().toString()), "--out", quote(out.toAbsolutePath().toString()));
    }

    /**
     * The line that runs the scaling-law study (E9.21) on Spark: {@code profile} and {@code config} may be null (the
     * study's defaults), {@code out} is where the driver writes the study's directory.
     */
    public static String scalingLaw(String master, Path jar, String profile, Path config, String implementation, Path out) {
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("spark-submit", "--master", quote(master),
                "--class", SCALING_LAW_CLASS, quote(jar.toString())));
        if (profile != null) {
            words.addAll(java.util.List.of("--profile", quote(profile)));
        }
        if (config != null) {
            words.addAll(java.util.List.of("--config", quote(config.toAbsolutePath().toString())));
        }
        words.addAll(java.util.List.of("--implementation", quote(implementation), "--out", quote(out.toAbsolutePath().toString())));
        return String.join(" ", words);
    }

    /** A shell word: as is when it holds only safe characters, else in single quotes. */
    public static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@=+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
