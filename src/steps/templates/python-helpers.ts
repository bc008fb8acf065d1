/**
 * The Python a notebook uses to read and write a table parameter, whose
 * value is a catalog name, or a file location (path layout, file sources).
 */
export const PYTHON_TABLE_HELPERS = `def read_table(location):
    """A catalog table name, or a file: a CSV source or a path-layout table."""
    if "/" not in location:
        return spark.table(location)
    if location.endswith(".csv"):
        return spark.read.csv(location, header=True)
    return spark.read.parquet(location)


def write_table(df, location):
    """A catalog table name, or a path-layout location (Parquet)."""
    writer = df.write.mode("overwrite")
    if "/" in location:
        writer.parquet(location)
    else:
        writer.saveAsTable(location)`
