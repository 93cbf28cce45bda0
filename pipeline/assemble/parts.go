package assemble

import (
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/progress"
	"github.com/minhtien/portal/pipeline/publish"
)

// protectParts protects a nation's figures province by province: only the nation's
// and the provinces' figures are held at once (the top table returned); each
// province's table (the province, its communes and villages) is rebuilt from the
// sums when it is protected and again when it is published, with the protection
// kept as one byte per figure in between. The whole country's figures as Figure
// values would take gigabytes. Each province and its communes are assessed against
// the targets from the protected table as it is kept (the last time it is), so that
// publishing assesses nothing and the table need not be rebuilt for progress.
func protectParts(in *Inputs, n *nesting, opts []disclosure.Option) (*indicator.Table, []publish.Part, map[string][]progress.Assessment, disclosure.Report, error) {
	sums, k := in.Sums, in.Portal.Disclosure.K
	top, err := sums.TableOf(n.top)
	if err != nil {
		return nil, nil, nil, disclosure.Report{}, err
	}
	load := func(i int) (*indicator.Table, error) { return sums.TableOf(n.partUnits[i]) }
	masks := make([][]byte, len(n.parts))
	bounds := make([]disclosure.Bounds, len(n.parts))
	assessed := make([]map[string][]progress.Assessment, len(n.parts))
	keep := func(i int, t *indicator.Table) error {
		masks[i], bounds[i] = disclosure.Mask(t), disclosure.BoundsOf(t)
		code := n.parts[i].Code
		assessed[i] = progress.Units(in.Targets, t, in.Years, append([]string{code}, communeCodes(in.Registry, code)...))
		return nil
	}
	tree := disclosure.Tree{Top: n.tree.Top, Children: map[string][]string{n.tree.Top: n.tree.Children[n.tree.Top]}}
	report, err := disclosure.ProtectParts(top, k, tree, n.parts, load, keep, opts...)
	if err != nil {
		return nil, nil, nil, report, err
	}
	own := map[string]int{} // each province's own figures, in top and in its part
	for i := range top.Figures {
		own[top.Figures[i].UnitCode]++
	}
	parts := make([]publish.Part, len(n.parts))
	for i, p := range n.parts {
		parts[i] = publish.Part{Code: p.Code, Below: len(masks[i]) - own[p.Code], Table: func() (*indicator.Table, error) {
			t, err := load(i)
			if err != nil {
				return nil, err
			}
			disclosure.ApplyMask(t, masks[i])
			disclosure.ApplyBounds(t, bounds[i])
			return t, nil
		}}
	}
	units := map[string][]progress.Assessment{}
	for _, m := range assessed {
		for code, as := range m {
			units[code] = as
		}
	}
	return top, parts, units, report, nil
}
