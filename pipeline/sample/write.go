package sample

import (
	"bytes"
	"math"
	"strconv"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

func pow(x, y float64) float64 { return math.Pow(x, y) }

// Header returns the columns of a review file under standard s, in the order the
// sample writes them (review.Contract.Ordered).
func Header(s *standard.Standard) []string {
	var out []string
	for _, c := range review.ContractFor(s).Ordered() {
		out = append(out, c.Name)
	}
	return out
}

// CSV encodes one year's records, reviewed under s, as a review file.
func CSV(recs []review.Record, s *standard.Standard) ([]byte, error) {
	var b bytes.Buffer
	for i, name := range Header(s) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(name)
	}
	b.WriteByte('\n')
	for i := range recs {
		r := &recs[i]
		ints := func(vs ...int64) {
			for _, v := range vs {
				b.WriteByte(',')
				b.WriteString(strconv.FormatInt(v, 10))
			}
		}
		b.WriteString(strconv.Itoa(r.Year))
		for _, t := range []string{r.CommuneCode, r.VillageCode, r.HouseholdID, r.Area} {
			b.WriteByte(',')
			b.WriteString(t)
		}
		ints(int64(r.Members), r.IncomePerCapita)
		for _, d := range r.Dep {
			ints(int64(d))
		}
		b.WriteByte(',')
		b.WriteString(r.Status)
		b.WriteByte(',')
		b.WriteString(r.Cause)
		ints(int64(r.MeritFamily), int64(r.DisabledMember), int64(r.FemaleHead), int64(r.EthnicMinority),
			int64(r.Children6to15), int64(r.Children6to15InSchool), int64(r.MembersInsured))
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}
