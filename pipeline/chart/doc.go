// Package chart draws accessible SVG charts at build time.
//
// The charts are static SVG strings meant to be inlined into HTML pages
// (or saved as files) so that they can be read without JavaScript, under
// a strict Content-Security-Policy (no inline style attributes are ever
// emitted), on a 320 px wide phone and on paper.
//
// Design choices that every chart shares:
//
//   - The root <svg> has a viewBox and width="100%" so it scales with its
//     container; font sizes are chosen so that text stays readable when the
//     640 unit wide drawing is shrunk to a phone screen. Line and Bars can
//     also be drawn on a narrower canvas (Width, e.g. 360) for phones, with
//     the same 18-unit text; a page inlines both drawings and shows one with
//     CSS. Their ids differ, so both can sit on one page.
//   - Text and axes use currentColor, so the chart follows the page's text
//     colour in light and dark themes. Series colours are mid-luminance
//     colours that keep a 3:1 contrast against both white and near-black.
//   - Every element carries a class (chart-axis, chart-grid, chart-series-N,
//     chart-target, chart-projection, chart-label, ...) so a site
//     stylesheet can restyle it; the presentation attributes are only
//     defaults with the lowest CSS priority.
//   - Series differ by marker shape and dash pattern as well as by colour,
//     so the charts survive grey-scale printing and colour blindness.
//   - Numbers are never formatted with a locale by this package: labels are
//     given already formatted, and values go through the caller's Format
//     func (for example one that writes a Vietnamese decimal comma).
//   - Output is deterministic: the same input gives byte-identical output,
//     which keeps generated sites reproducible and diffs reviewable.
package chart
