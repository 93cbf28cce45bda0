package sample

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

// Scale is the size of a synthetic dataset of many communes.
type Scale struct {
	Name       string
	Code       string // the top unit's code: the province or nation
	Communes   int
	Households int // households in the first review, over all communes
	FirstYear  int
	Years      int
	// Villages per commune are drawn between these bounds.
	MinVillages, MaxVillages int
}

// The scales of the issue: Hưng Yên province (104 communes, about 1.1 million
// households) and the country (3,321 communes, about 27 million households).
var (
	Province = Scale{Name: "province", Code: "33", Communes: 104, Households: 1_100_000, FirstYear: 2021, Years: 5, MinVillages: 8, MaxVillages: 12}
	National = Scale{Name: "national", Code: "VN", Communes: 3321, Households: 27_000_000, FirstYear: 2021, Years: 5, MinVillages: 6, MaxVillages: 14}
)

// ScaleByName returns Province or National.
func ScaleByName(name string) (Scale, bool) {
	switch name {
	case "province":
		return Province, true
	case "national":
		return National, true
	}
	return Scale{}, false
}

// CommuneUnit is one generated commune: its code, its villages' codes (unique in the
// whole dataset: "<commune>-T01") and its level of poverty.
type CommuneUnit struct {
	Code     string
	Villages []string
	// PoorRate is the commune's poor-household rate in the first review, in percent.
	PoorRate float64
	// Households is its number of households in the first review.
	Households int
}

// Units returns the communes of a scale, as WriteScale generates them.
func Units(s Scale, seed uint64) []CommuneUnit {
	rng := rand.New(rand.NewPCG(seed, 0x5ca1e))
	out := make([]CommuneUnit, s.Communes)
	weights := make([]float64, s.Communes)
	total := 0.0
	for i := range out {
		// Codes spread over the 5-digit range, as the GSO's are.
		step := 99_000 / s.Communes
		c := CommuneUnit{Code: fmt.Sprintf("%05d", 1000+i*step)}
		nv := s.MinVillages + rng.IntN(s.MaxVillages-s.MinVillages+1)
		for v := range nv {
			c.Villages = append(c.Villages, fmt.Sprintf("%s-T%02d", c.Code, v+1))
		}
		// Poverty is skewed: most communes near 1-4%, a long tail of poor
		// (mountain, coastal) communes up to about 25%.
		c.PoorRate = math.Min(25, 0.4+math.Exp(rng.NormFloat64()*0.8+0.6))
		weights[i] = 0.4 + rng.Float64()*1.2
		total += weights[i]
		out[i] = c
	}
	for i := range out {
		out[i].Households = max(200, int(math.Round(float64(s.Households)*weights[i]/total)))
	}
	return out
}

// Summary says what WriteScale wrote.
type Summary struct {
	Files      []string
	Rows       []int // per file
	Bytes      int64
	Households int // distinct households over all reviews
}

// WriteScale writes one review file per year (<year>.csv) in dir for a scale, one
// commune after another: only one commune's households are ever in memory. The same
// seed gives the same files.
func WriteScale(dir string, s Scale, seed uint64) (Summary, error) {
	var sum Summary
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, err
	}
	files := make([]*os.File, s.Years)
	ws := make([]*rowWriter, s.Years)
	for y := range s.Years {
		path := paths.YearCSV(dir, s.FirstYear+y)
		f, err := os.Create(path)
		if err != nil {
			return sum, err
		}
		defer f.Close()
		files[y] = f
		std, ok := Standards(s.FirstYear + y)
		if !ok {
			return sum, fmt.Errorf("sample: no poverty standard for %d", s.FirstYear+y)
		}
		ws[y] = newRowWriter(f, std)
		sum.Files = append(sum.Files, path)
	}
	sum.Rows = make([]int, s.Years)
	for i, c := range Units(s, seed) {
		sim := newCommuneSim(c, s.FirstYear, s.Years, seed, uint64(i))
		for y := range s.Years {
			sum.Rows[y] += sim.year(y, ws[y])
		}
		sum.Households += len(sim.hh)
	}
	for y, w := range ws {
		if err := w.flush(); err != nil {
			return sum, err
		}
		sum.Bytes += w.n
		if err := files[y].Close(); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// WriteRows writes a single review file of exactly rows households for year, spread
// over communes of about 8,000 households with 10 villages each (commune i has code
// CommuneCode(i)), for benchmarks. It returns the bytes written.
func WriteRows(w io.Writer, rows int, year int, seed uint64) (int64, error) {
	std, ok := Standards(year)
	if !ok {
		return 0, fmt.Errorf("sample: no poverty standard for %d", year)
	}
	rw := newRowWriter(w, std)
	per := 8000
	for i := 0; rows > 0; i++ {
		n := min(per, rows)
		c := CommuneUnit{Code: CommuneCode(i), Households: n, PoorRate: 1 + float64(i%17)}
		for v := range 10 {
			c.Villages = append(c.Villages, fmt.Sprintf("%s-T%02d", c.Code, v+1))
		}
		sim := newCommuneSim(c, year, 1, seed, uint64(i))
		sim.hh = sim.hh[:n]
		rows -= sim.year(0, rw)
	}
	if err := rw.flush(); err != nil {
		return rw.n, err
	}
	return rw.n, nil
}

// CommuneCode is the code WriteRows gives its i-th commune.
func CommuneCode(i int) string { return fmt.Sprintf("%05d", 10000+i%90000) }

// scaleHousehold is a household's state across the reviews of a commune simulation.
type scaleHousehold struct {
	village  int16
	seq      int32
	members  int8
	children int8
	flags    uint8 // priority groups
	weight   float32
	status   int8 // index into review.Statuses
	left     bool
}

type communeSim struct {
	c         CommuneUnit
	firstYear int
	years     int
	rng       *rand.Rand
	hh        []scaleHousehold
	level     []float64 // per village
	seq       []int32
	rate      []float64 // poor rate per year, as a fraction
}

func newCommuneSim(c CommuneUnit, firstYear, years int, seed, i uint64) *communeSim {
	s := &communeSim{c: c, firstYear: firstYear, years: years, rng: rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, i+1))}
	s.level = make([]float64, len(c.Villages))
	s.seq = make([]int32, len(c.Villages))
	for v := range s.level {
		s.level[v] = 0.5 + s.rng.Float64()*1.5
	}
	// Each commune cuts poverty at its own pace: 10-35% of the rate a year.
	decline := 0.65 + s.rng.Float64()*0.25
	r := c.PoorRate / 100
	for range years {
		s.rate = append(s.rate, r)
		r *= decline
	}
	s.hh = make([]scaleHousehold, 0, c.Households+c.Households/20)
	for range c.Households {
		s.newHousehold()
	}
	return s
}

func (s *communeSim) newHousehold() {
	v := s.rng.IntN(len(s.c.Villages))
	s.seq[v]++
	h := scaleHousehold{village: int16(v), seq: s.seq[v], members: int8(1 + s.rng.IntN(6)), status: 3}
	if h.members > 1 {
		h.children = int8(min(int(h.members)-1, s.rng.IntN(3)))
	}
	for g, p := range [4]float64{0.04, 0.05, 0.18, 0.03} {
		if s.rng.Float64() < p {
			h.flags |= 1 << g
		}
	}
	w := s.level[v]
	if h.flags&2 != 0 {
		w *= 2.5
	}
	if h.flags&4 != 0 {
		w *= 1.6
	}
	h.weight = float32(w)
	s.hh = append(s.hh, h)
}

// year moves the simulation to review y and writes its rows; it returns how many.
func (s *communeSim) year(y int, w *rowWriter) int {
	if y > 0 {
		for i := range s.hh {
			if !s.hh[i].left && s.rng.Float64() < 0.004 {
				s.hh[i].left = true
			}
		}
		for range len(s.hh) / 200 {
			s.newHousehold()
		}
	}
	// Poor households stay poor with probability stay; others fall in with the
	// probability that keeps the expected rate on the commune's path.
	const stay = 0.62
	r := s.rate[y]
	fall := r
	if y > 0 {
		fall = math.Max(0.0005, (r-s.rate[y-1]*stay)/(1-s.rate[y-1]))
	}
	progress := float64(y) / float64(max(1, s.years-1))
	n := 0
	for i := range s.hh {
		h := &s.hh[i]
		if h.left {
			continue
		}
		u := s.rng.Float64()
		wasPoor := h.status == 0
		switch {
		case wasPoor && u < stay:
			h.status = 0
		case !wasPoor && u < fall*float64(h.weight)/1.3:
			h.status = 0
		case u > 1-1.4*r*float64(h.weight)/1.3-0.02:
			h.status = 1
		case s.rng.Float64() < 0.07:
			h.status = 2
		default:
			h.status = 3
		}
		w.row(s, h, s.firstYear+y, progress)
		n++
	}
	return n
}

// rowWriter writes review rows by hand (the contract's column order), about ten
// times faster than gocsv, for files of millions of rows.
type rowWriter struct {
	w   *bufio.Writer
	buf []byte
	n   int64
	err error

	std   *standard.Standard
	flags []bool // one row's deprivations, reused
	// Where the indicators the writer treats apart are in the standard, -1 if not.
	insurance, schooling, water, sanitation, housing int
}

func newRowWriter(w io.Writer, s *standard.Standard) *rowWriter {
	rw := &rowWriter{w: bufio.NewWriterSize(w, 1<<20), std: s, flags: make([]bool, len(s.Indicators))}
	at := func(name string) int { _, j, _ := s.Indicator(name); return j }
	rw.insurance, rw.schooling = at("d_health_insurance"), at("d_child_schooling")
	rw.water, rw.sanitation, rw.housing = at("d_water"), at("d_sanitation"), at("d_housing_quality")
	for i, name := range Header(s) {
		if i > 0 {
			rw.buf = append(rw.buf, ',')
		}
		rw.buf = append(rw.buf, name...)
	}
	rw.buf = append(rw.buf, '\n')
	rw.write()
	return rw
}

func (rw *rowWriter) write() {
	if rw.err == nil {
		_, rw.err = rw.w.Write(rw.buf)
		rw.n += int64(len(rw.buf))
	}
	rw.buf = rw.buf[:0]
}

func (rw *rowWriter) flush() error {
	if len(rw.buf) > 0 {
		rw.write()
	}
	if rw.err != nil {
		return rw.err
	}
	return rw.w.Flush()
}

func (rw *rowWriter) row(s *communeSim, h *scaleHousehold, year int, progress float64) {
	rng := s.rng
	b := rw.buf
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ',')
	b = append(b, s.c.Code...)
	b = append(b, ',')
	village := s.c.Villages[h.village]
	b = append(b, village...)
	b = append(b, ',')
	b = append(b, village...)
	b = append(b, '-')
	b = appendPadded(b, int64(h.seq), 5)
	b = append(b, ",rural,"...)
	b = strconv.AppendInt(b, int64(h.members), 10)
	b = append(b, ',')
	// Incomes and deprivations agree with the 2022-2025 standard's classification.
	var income int64
	var deps int
	switch h.status {
	case 0:
		income, deps = 650_000+rng.Int64N(800_001), 3+rng.IntN(3)
	case 1:
		income, deps = 1_100_000+rng.Int64N(400_001), rng.IntN(3)
	case 2:
		income, deps = 1_550_000+rng.Int64N(700_001), rng.IntN(2)
	default:
		income, deps = 2_300_000+rng.Int64N(6_700_001), rng.IntN(2)
	}
	b = strconv.AppendInt(b, income/1000*1000, 10)
	flags := rw.flags
	clear(flags)
	tied := func(j int) bool { return j == rw.insurance || j == rw.schooling }
	pn := h.status <= 1
	for k := 0; k < deps; k++ {
		j := rng.IntN(len(flags))
		if tied(j) { // insurance and schooling follow the counts
			j = 0
		}
		if (j == rw.water || j == rw.sanitation) && rw.housing >= 0 && rng.Float64() < 0.85*progress {
			j = rw.housing // the plan's water and sanitation work shows
		}
		flags[j] = true
	}
	insured, inSchool := int(h.members), int(h.children)
	if pn && h.members > 1 && rng.Float64() < 0.03*(1-progress) {
		insured--
		if rw.insurance >= 0 {
			flags[rw.insurance] = true
		}
	}
	if pn && h.children > 0 && rng.Float64() < 0.02*(1-progress) {
		inSchool--
		if rw.schooling >= 0 {
			flags[rw.schooling] = true
		}
	}
	poorAt := rw.std.PoorDeprivations
	if h.status == 0 {
		// At least the standard's count, whatever the draws above merged.
		for j, k := 0, countTrue(flags); k < poorAt && j < len(flags); j++ {
			if !flags[j] && !tied(j) {
				flags[j] = true
				k++
			}
		}
	} else if h.status == 1 {
		for j := 0; countTrue(flags) >= poorAt && j < len(flags); j++ {
			if !tied(j) {
				flags[j] = false
			}
		}
	}
	for _, f := range flags {
		if f {
			b = append(b, ",1"...)
		} else {
			b = append(b, ",0"...)
		}
	}
	b = append(b, ',')
	b = append(b, review.Statuses[h.status]...)
	b = append(b, ',')
	if pn {
		b = append(b, review.Causes[rng.IntN(len(review.Causes))]...)
	}
	for g := 0; g < 4; g++ {
		b = append(b, ',', '0'+h.flags>>g&1)
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(h.children), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(inSchool), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(insured), 10)
	b = append(b, '\n')
	rw.buf = b
	if len(b) > 64<<10 {
		rw.write()
	}
}

func countTrue(f []bool) int {
	n := 0
	for _, v := range f {
		if v {
			n++
		}
	}
	return n
}

func appendPadded(b []byte, n int64, width int) []byte {
	s := strconv.AppendInt(nil, n, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
