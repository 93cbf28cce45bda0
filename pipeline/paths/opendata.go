package paths

// The names of the open-data files, "/"-separated and relative to
// Layout.Downloads(): the data package lists them so, and a reader's URL is
// data/<name>.

// Open-data tables and folders, without extension where a table has several formats.
const (
	// Indicators is every figure's table.
	Indicators = "indicators"
	// Targets is the targets' table; TargetsUnits each unit's progress towards them.
	Targets      = "targets"
	TargetsUnits = "targets-units"
	// Support is the support and spending table.
	Support = "support"
	// PeriodTotals is each unit's plan-period totals of escaped, newly poor and
	// relapsed households.
	PeriodTotals = "period-totals"
	// Changelog is the figures that changed between releases.
	Changelog = "changelog"
	// Charts is the folder of the data behind each chart.
	Charts = ChartsDir
	// ByProvince is the folder of a nation's per-province files.
	ByProvince = "by-province"
)

// LevelTable is indicators-<level>: the rows of one unit level.
func LevelTable(level string) string { return Indicators + "-" + level }

// ProvinceTable is by-province/indicators-<code>: a province of a nation with its
// communes and villages.
func ProvinceTable(code string) string { return ByProvince + "/" + Indicators + "-" + code }

// ProvincePartition is by-province/parquet/province=<code>/indicators.parquet: the
// same rows typed, in the folder layout ("hive partitioning") that DuckDB, pandas,
// Spark and arrow read as one dataset.
func ProvincePartition(code string) string {
	return ProvincePartitions + "/" + PartitionKey + code + "/" + Indicators + ".parquet"
}

// PartitionKey names the column of a nation's Hive-style partitions.
const PartitionKey = "province="

// ProvincePartitions is the folder of the partitioned dataset.
const ProvincePartitions = ByProvince + "/parquet"
