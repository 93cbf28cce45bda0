package assemble

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
)

// Hugo environments of the generated configuration: a commune's site (hand-written
// content/ mounted) and a province's or a nation's (only generated pages).
const (
	// ScaleEnvironment is the Hugo environment of a province's or a nation's site: its
	// configuration is build/config/scale/hugo.toml.
	ScaleEnvironment = "scale"
	// CommuneEnvironment is the Hugo environment of a commune's site.
	CommuneEnvironment = "commune"
)

// hugoConfig is the configuration read after site/hugo.toml. Its mounts replace the
// site's: every folder the pipeline read is named by its absolute path, so Hugo renders
// the very content folder `portal check` read (`--content DIR` included) and the build/
// this run wrote, wherever --site puts the templates. A province's or a nation's site
// mounts no hand-written content: its stories, about and methodology pages are the
// commune's and link to sections its site does not have.
func hugoConfig(l paths.Layout, scale bool) (string, error) {
	var b strings.Builder
	b.WriteString("# Written by portal build; read after hugo.toml, whose mounts these replace.\n[module]\n")
	mount := func(source, target string, files ...string) {
		fmt.Fprintf(&b, "  [[module.mounts]]\n    source = %q\n    target = %q\n", filepath.ToSlash(source), target)
		if len(files) > 0 {
			fmt.Fprintf(&b, "    files = [%s]\n", quoted(files))
		}
	}
	for _, m := range l.HugoMounts(scale) {
		source := m.Source
		if !m.InProject {
			abs, err := filepath.Abs(source)
			if err != nil {
				return "", fmt.Errorf("build: %w", err)
			}
			source = abs
		}
		if m.HandWritten {
			mount(source, m.Target, contentFiles...)
			continue
		}
		mount(source, m.Target)
	}
	return b.String(), nil
}

// writeHugoConfig writes the configuration of this build into build/config/<env>/ and
// returns the absolute path of build/config, Hugo's configuration folder, and env.
func writeHugoConfig(l paths.Layout, scale bool) (dir, env string, err error) {
	env = CommuneEnvironment
	if scale {
		env = ScaleEnvironment
	}
	text, err := hugoConfig(l, scale)
	if err != nil {
		return "", "", err
	}
	if dir, err = filepath.Abs(l.BuildConfig()); err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(filepath.Join(dir, env), 0o755); err != nil {
		return "", "", fmt.Errorf("build: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, env, paths.HugoConfigFile), []byte(text), 0o644); err != nil {
		return "", "", fmt.Errorf("build: %w", err)
	}
	return dir, env, nil
}

// contentFiles filters the hand-written content mount: no image, since an officer's
// original photo may carry the household's coordinates and Hugo publishes a page's
// file when a template or a page's options ask for it (the photos Hugo sees are the
// copies portal build re-encodes into build/assets/photos), and no file a browser
// would run script in (SVG, XML, XHTML, JavaScript). Hugo matches them without regard
// to case. site/hugo.toml repeats them for a Hugo run outside portal build;
// TestContentMountFilterMatchesHugoToml keeps the two equal.
var contentFiles = []string{
	"! **.{jpg,jpeg,jpe,jfif,png,apng,webp,gif,heic,heif,avif,tif,tiff,bmp,ico,dng,cr2,nef,arw,raw}",
	"! **.{svg,svgz,xml,xsl,xslt,xhtml,xht,htm,shtml,js,mjs,swf}",
}

// quoted is a TOML array's items: each string quoted, separated by commas.
func quoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
