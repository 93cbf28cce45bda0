package sample

import (
	"bytes"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
)

// TestWriteUnits: the registry of each scale passes the registry's checks and
// declares exactly the communes and villages WriteScale writes rows for.
func TestWriteUnits(t *testing.T) {
	cases := []struct {
		scale     Scale
		provinces int
	}{
		{Province, 1},
		{National, nationalProvinces},
	}
	for _, c := range cases {
		t.Run(c.scale.Name, func(t *testing.T) {
			if testing.Short() && c.scale.Name == "national" {
				t.Skip("33,000 units")
			}
			var b bytes.Buffer
			if err := WriteUnits(&b, c.scale, 7); err != nil {
				t.Fatal(err)
			}
			r, err := config.ParseUnits("units.toml", b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if got := len(r.Children("VN")); got != c.provinces {
				t.Errorf("%d provinces, want %d", got, c.provinces)
			}
			units := Units(c.scale, 7)
			communes := r.Communes("VN")
			if len(communes) != len(units) {
				t.Fatalf("%d communes declared, %d generated", len(communes), len(units))
			}
			for i, u := range units {
				if communes[i].Code != u.Code {
					t.Fatalf("commune %d: declared %q, generated %q", i, communes[i].Code, u.Code)
				}
				kids := r.Children(u.Code)
				if len(kids) != len(u.Villages) {
					t.Fatalf("commune %s: %d villages declared, %d generated", u.Code, len(kids), len(u.Villages))
				}
				for j, v := range kids {
					if v.Code != u.Villages[j] || v.Level != config.LevelVillage {
						t.Fatalf("commune %s village %d: declared %+v, generated %q", u.Code, j, v, u.Villages[j])
					}
				}
			}
		})
	}
}

// TestScalePortal: the settings written for a scale's sample are accepted.
func TestScalePortal(t *testing.T) {
	commune, err := config.LoadPortal("../../data/portal.toml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		scale       Scale
		level, code string
	}{
		{Province, config.LevelProvince, "33"},
		{National, config.LevelNation, "VN"},
	}
	for _, c := range cases {
		t.Run(c.scale.Name, func(t *testing.T) {
			p := ScalePortal(*commune, c.scale)
			var b bytes.Buffer
			if err := EncodePortal(&b, p); err != nil {
				t.Fatal(err)
			}
			got, err := config.ParsePortal("portal.toml", b.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", err, b.String())
			}
			if got.Unit.Level != c.level || got.Unit.Code != c.code || !got.Data.Sample || got.Disclosure.K != commune.Disclosure.K {
				t.Errorf("decoded %+v", got)
			}
			if len(commune.Villages) == 0 {
				t.Error("ScalePortal changed the commune's settings")
			}
		})
	}
}
