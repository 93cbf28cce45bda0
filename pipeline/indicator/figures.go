package indicator

// figures appends an accumulator's figures to out, in the order of Definitions.
// Its deprivation figures are those of the year's standard m, and the MPI counts
// each indicator with the standard's weight.
func (a *acc) figures(out []Figure, m *measures, year int, u Unit, group string, first bool) []Figure {
	pn := a.poor + a.near
	start := len(out)
	add := func(code string, num, den int64, flag string) {
		d := m.defs[len(out)-start]
		if flag == FlagNone && d.Measure != Households && d.Measure != People && den == 0 {
			flag = FlagNotAvailable
		}
		out = append(out, Figure{Year: year, UnitLevel: u.Level, UnitCode: u.Code, Group: group,
			Indicator: code, Num: num, Den: den, Measure: d.Measure, Flag: flag})
	}
	movement := FlagNone
	if first {
		movement = FlagNotAvailable
	}
	add("households", a.households, 0, FlagNone)
	add("poor_households", a.poor, 0, FlagNone)
	add("poor_rate", a.poor, a.households, FlagNone)
	add("near_poor_households", a.near, 0, FlagNone)
	add("near_poor_rate", a.near, a.households, FlagNone)
	add("poor_near_poor_households", pn, 0, FlagNone)
	add("escaped", a.escaped, 0, movement)
	add("newly_poor", a.newly, 0, movement)
	add("relapsed", a.relapsed, 0, movement)
	add("recently_escaped_households", a.recent, 0, movement)
	for j, code := range m.depCodes {
		add(code, a.depPN[j], pn, FlagNone)
	}
	for j, code := range m.censoredCodes {
		add(code, a.depPoor[j], a.households, FlagNone)
	}
	add("mpi_h", a.poor, a.households, FlagNone)
	add("mpi_a", a.depSumPoor, a.poor*m.total, FlagNone)
	add("mpi_m0", a.depSumPoor, a.households*m.total, FlagNone)
	add("school_attendance_rate", a.inSchool, a.children, FlagNone)
	add("health_insurance_rate", a.insured, a.members, FlagNone)
	// A standard without a water or sanitation indicator does not measure them.
	add("clean_water_rate", a.waterOK, pn, unmeasured(m.water))
	add("hygienic_latrine_rate", a.latrineOK, pn, unmeasured(m.sanitation))
	for i := start; i < len(out); i++ {
		if out[i].Flag == FlagNotAvailable {
			out[i].Num, out[i].Den = 0, 0
		}
	}
	return out
}

func unmeasured(at int) string {
	if at < 0 {
		return FlagNotAvailable
	}
	return FlagNone
}
