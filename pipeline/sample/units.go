package sample

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/BurntSushi/toml"

	"github.com/minhtien/portal/pipeline/config"
)

// nationalProvinces is how many provinces the national sample spreads its communes
// over: the 34 provinces and cities of the 2025 reorganisation.
const nationalProvinces = 34

// ProvinceOf returns the code of the province commune i of a scale belongs to: the
// scale's own code for a province, one of nationalProvinces synthetic provinces
// ("01" to "34", in blocks of consecutive communes) for the nation.
func ProvinceOf(s Scale, i int) string {
	if s.Name != "national" {
		return s.Code
	}
	per := (s.Communes + nationalProvinces - 1) / nationalProvinces
	return fmt.Sprintf("%02d", 1+i/per)
}

// WriteUnits writes the unit registry (units.toml) of a scale's communes, as Units
// generates them: the nation, the province (Hưng Yên for the province scale;
// synthetic provinces for the national one), every commune and its villages. The
// names of communes and villages are invented, like the households.
func WriteUnits(w io.Writer, s Scale, seed uint64) error {
	bw := bufio.NewWriter(w)
	unit := func(code, level, parent, vi, en string) {
		fmt.Fprintf(bw, "\n[[units]]\ncode = %s\nlevel = %q\n", strconv.Quote(code), level)
		if parent != "" {
			fmt.Fprintf(bw, "parent = %s\n", strconv.Quote(parent))
		}
		fmt.Fprintf(bw, "name_vi = %s\nname_en = %s\n", strconv.Quote(vi), strconv.Quote(en))
	}
	fmt.Fprintf(bw, "# Unit registry of the synthetic %s sample (portal sample --scale %s --seed %d).\n", s.Name, s.Name, seed)
	fmt.Fprintf(bw, "# Commune and village codes and names are invented; only the province is real.\n")
	unit("VN", config.LevelNation, "", "Việt Nam", "Viet Nam")
	units := Units(s, seed)
	if s.Name == "national" {
		for i := range units {
			if p := ProvinceOf(s, i); i == 0 || p != ProvinceOf(s, i-1) {
				unit(p, config.LevelProvince, "VN", "Tỉnh mẫu "+p, "Sample province "+p)
			}
		}
	} else {
		unit(s.Code, config.LevelProvince, "VN", "tỉnh Hưng Yên", "Hung Yen province")
	}
	for i, c := range units {
		unit(c.Code, config.LevelCommune, ProvinceOf(s, i), "Xã mẫu "+c.Code, "Sample commune "+c.Code)
		for j, v := range c.Villages {
			unit(v, config.LevelVillage, c.Code, fmt.Sprintf("Thôn %02d", j+1), fmt.Sprintf("Village %02d", j+1))
		}
	}
	return bw.Flush()
}

// ScalePortal returns the settings of a scale's sample from a commune's: the same
// plan period, poverty standards, disclosure threshold and site, with the province
// (or nation) as the reporting unit, no villages (they are in units.toml) and the
// data declared synthetic.
func ScalePortal(commune config.Portal, s Scale) config.Portal {
	p := commune
	p.Villages = nil
	p.Unit = config.Unit{Level: config.LevelProvince, Code: s.Code, NameVI: "tỉnh Hưng Yên", NameEN: "Hung Yen province"}
	if s.Name == "national" {
		p.Unit = config.Unit{Level: config.LevelNation, Code: s.Code, NameVI: "Việt Nam", NameEN: "Viet Nam"}
	}
	p.Plan = config.Plan{
		Period:  commune.Plan.Period,
		TitleVI: "Dữ liệu mẫu: giảm nghèo bền vững, " + p.Unit.NameVI + ", giai đoạn " + commune.Plan.Period,
		TitleEN: "Sample data: sustainable poverty reduction, " + p.Unit.NameEN + ", " + commune.Plan.Period,
	}
	p.Data = config.DataSource{Sample: true, Recipients: []string{}}
	return p
}

// EncodePortal writes settings as a portal.toml.
func EncodePortal(w io.Writer, p config.Portal) error {
	if _, err := io.WriteString(w, "# Settings of a synthetic sample written by `portal sample`; the communes and\n# villages are declared in units.toml.\n\n"); err != nil {
		return err
	}
	if err := toml.NewEncoder(w).Encode(p); err != nil {
		return fmt.Errorf("encode portal settings: %w", err)
	}
	return nil
}
