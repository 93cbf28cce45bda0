package paths

// Mount is one of Hugo's module mounts: Source, a folder (absolute, or relative to
// the Hugo project), seen by Hugo as Target.
type Mount struct {
	Source, Target string
	// HandWritten marks the content folder an officer writes, whose files Hugo must
	// filter (no original photo, no file a browser would run script in).
	HandWritten bool
	// InProject says Source is a folder of the Hugo project, relative to it.
	InProject bool
}

// HugoConfigFile is the name of a Hugo configuration file (site/hugo.toml, and
// build/config/<environment>/hugo.toml).
const HugoConfigFile = "hugo.toml"

// Hugo's component folders.
const (
	HugoContent = "content"
	HugoData    = "data"
	HugoAssets  = "assets"
	HugoStatic  = "static"
	HugoLayouts = "layouts"
	HugoI18n    = "i18n"
)

// HugoMounts are the folders Hugo renders a build from: the hand-written content
// (a commune's site only; a province's or a nation's mounts none), the generated
// folders under build/, then the Hugo project's own templates, styles, translations
// and static files, relative to it. The build's configuration mounts exactly these,
// replacing site/hugo.toml's.
func (l Layout) HugoMounts(scale bool) []Mount {
	var out []Mount
	if !scale {
		out = append(out, Mount{Source: l.Content, Target: HugoContent, HandWritten: true})
	}
	out = append(out,
		Mount{Source: l.BuildContent(), Target: HugoContent},
		Mount{Source: l.BuildData(), Target: HugoData},
		Mount{Source: l.BuildAssets(), Target: HugoAssets},
		Mount{Source: l.BuildStatic(), Target: HugoStatic},
	)
	for _, d := range []string{HugoLayouts, HugoAssets, HugoI18n, HugoStatic} {
		out = append(out, Mount{Source: d, Target: d, InProject: true})
	}
	return out
}
