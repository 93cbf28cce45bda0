package opendata

import (
	"bytes"
	"path"
	"strings"
)

// Frictionless Data Package v1 (https://specs.frictionlessdata.io/data-package/):
// datapackage.json describes every other file of the open data except SHA256SUMS,
// which in turn covers datapackage.json (neither can hold its own hash). Paths are
// relative to the folder, hashes are "sha256:<hex>" (the spec's default is MD5, other
// algorithms are prefixed with their name), created is the release date, never the
// clock.

// The two files that describe the others.
const (
	PackageFile = "datapackage.json"
	SumsFile    = "SHA256SUMS"
)

// Field is a column of a resource's table schema.
type Field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// TableSchema is a tabular resource's schema.
type TableSchema struct {
	Fields        []Field  `json:"fields"`
	MissingValues []string `json:"missingValues"`
	PrimaryKey    []string `json:"primaryKey,omitempty"`
}

// NewTableSchema describes cols, empty cells being missing values.
func NewTableSchema(cols []Column, key []string) *TableSchema {
	s := &TableSchema{MissingValues: []string{""}, PrimaryKey: key}
	for _, c := range cols {
		s.Fields = append(s.Fields, Field{Name: c.Name, Type: c.Type, Title: c.VI, Description: c.EN})
	}
	return s
}

// License is the package's licence.
type License struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

// Source is where the data comes from.
type Source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

// Resource is one file of the package.
type Resource struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	Path        string       `json:"path"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Format      string       `json:"format"`
	Mediatype   string       `json:"mediatype"`
	Encoding    string       `json:"encoding,omitempty"`
	Bytes       int64        `json:"bytes"`
	Hash        string       `json:"hash"`
	Schema      *TableSchema `json:"schema,omitempty"`
	Dialect     *Dialect     `json:"dialect,omitempty"`
}

// Dialect says where a JSON file's rows are (Table Dialect of Data Package v2): the
// objects of its "rows" array, keyed by column name.
type Dialect struct {
	Property string `json:"property"`
	ItemType string `json:"itemType"`
}

// Package is datapackage.json.
type Package struct {
	Profile      string           `json:"profile"`
	Name         string           `json:"name"`
	Title        string           `json:"title"`
	Description  string           `json:"description"`
	Homepage     string           `json:"homepage"`
	Version      string           `json:"version"`
	Created      string           `json:"created"`
	Keywords     []string         `json:"keywords"`
	Licenses     []License        `json:"licenses"`
	Sources      []Source         `json:"sources"`
	Contributors []map[string]any `json:"contributors"`
	Resources    []Resource       `json:"resources"`
}

var mediatypes = map[string]string{
	"csv":     "text/csv",
	"json":    "application/json",
	"jsonl":   "application/jsonl",
	"parquet": "application/vnd.apache.parquet",
	"xlsx":    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// Format is a file's format: its extension without the dot.
func Format(rel string) string { return strings.TrimPrefix(path.Ext(rel), ".") }

// NewResource describes a written file; a table's resource has its schema (nil for
// a file that is not one table).
func NewResource(f Listed, title, description string, schema *TableSchema) Resource {
	format := Format(f.Path)
	r := Resource{
		Profile: "data-resource", Name: resourceName(f.Path), Path: f.Path,
		Title: title, Description: description,
		Format: format, Mediatype: mediatypes[format],
		Bytes: f.Bytes, Hash: "sha256:" + f.SHA256,
	}
	if format == "csv" || format == "json" || format == "jsonl" {
		// The CSVs start with a byte-order mark (see BOM); it is a signature, not
		// another encoding, and Frictionless readers skip it.
		r.Encoding = "utf-8"
	}
	if schema != nil {
		r.Profile, r.Schema = "tabular-data-resource", schema
		if format == "json" {
			r.Dialect = &Dialect{Property: "rows", ItemType: "object"}
		}
	}
	return r
}

func resourceName(rel string) string {
	return strings.ToLower(strings.NewReplacer("/", "-", ".", "-", "_", "-").Replace(rel))
}

// WriteSums writes SHA256SUMS (which `sha256sum -c` reads in the folder): every
// other file, datapackage.json included, with the hash taken as it was written. It
// returns the files it lists.
func (fs *Files) WriteSums() ([]Listed, error) {
	files, err := fs.List()
	if err != nil {
		return nil, err
	}
	var sums bytes.Buffer
	var out []Listed
	for _, f := range files {
		if f.Path == SumsFile {
			continue
		}
		sums.WriteString(f.SHA256 + "  " + f.Path + "\n")
		out = append(out, f)
	}
	return out, fs.WriteFile(SumsFile, sums.Bytes())
}
