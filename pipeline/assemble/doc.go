// Package assemble runs the portal's stages in order: load and check the inputs,
// compute and protect the figures, assess the targets, publish build/, and have Hugo
// render the site. Data flows one way; each stage reads what the one before returned:
//
//	Load            paths.Layout: data/, content/        -> *Inputs (settings, reviews, support, findings; or a release.Snapshot)
//	Compute         *Inputs                              -> *indicator.Table, *support.Table protected (disclosure.Report)
//	  progress      the protected tables                 -> []progress.Assessment: own unit, and each commune/province at scale
//	                all three                            =  *publish.Input
//	resolveRelease  *publish.Input, data/releases/       -> release.Release, release.History (in the Input)
//	publish.Write   *publish.Input                       -> build/content, build/data, build/assets, build/static
//	publishPhotos   content/stories/                     -> build/assets/photos/, build/data/photos.json
//	writeHugoConfig paths.Layout.HugoMounts              -> build/config/<environment>/hugo.toml
//	render          site/, build/ (hugorun.Build)        -> a new folder swapped in whole as public/ (--no-site: copyDownloads)
package assemble
