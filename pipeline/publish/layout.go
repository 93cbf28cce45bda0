package publish

import "github.com/minhtien/portal/pipeline/paths"

// layout writes build/data/layout.json: the published folders templates link to or
// read (downloads, API, charts, photos), from paths, so that no template repeats a
// folder name the pipeline chose.
func (w *writer) layout() error {
	return w.jsonFile("layout.json", paths.PublishedFolders())
}
