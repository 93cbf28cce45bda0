package sample

import (
	"bytes"
	"math"

	"github.com/gocarina/gocsv"
	"github.com/minhtien/portal/pipeline/review"
)

func pow(x, y float64) float64 { return math.Pow(x, y) }

// CSV encodes one year's records as a review file, columns in contract order.
func CSV(recs []review.Record) ([]byte, error) {
	var b bytes.Buffer
	if err := gocsv.Marshal(recs, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
