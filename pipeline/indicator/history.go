package indicator

import "github.com/minhtien/portal/pipeline/review"

// maxReviews is how many reviews the history's bit sets can follow.
const maxReviews = 32

// history follows households across reviews by id, keeping a few bytes per
// household: in which reviews it was present, poor, and escaped.
type history struct {
	index   map[string]int32
	present []uint32
	poor    []uint32
	escaped []uint32
}

func newHistory() *history {
	return &history{index: make(map[string]int32)}
}

// observe records year index t for every household and returns each record's
// movement and whether it escaped poverty within the last three reviews.
func (h *history) observe(t int, recs []review.Record) ([]int8, []bool) {
	bit := uint32(1) << t
	ids := make([]int32, len(recs))
	for i := range recs {
		id, ok := h.index[recs[i].HouseholdID]
		if !ok {
			id = int32(len(h.present))
			h.index[recs[i].HouseholdID] = id
			h.present = append(h.present, 0)
			h.poor = append(h.poor, 0)
			h.escaped = append(h.escaped, 0)
		}
		ids[i] = id
		h.present[id] |= bit
		if recs[i].Status == "poor" {
			h.poor[id] |= bit
		}
	}
	moves := make([]int8, len(recs))
	recent := make([]bool, len(recs))
	if t == 0 {
		return moves, recent
	}
	prev := bit >> 1
	earlier := prev - 1 // every review before the previous one
	window := bit | prev | prev>>1
	for i, id := range ids {
		nowPoor := h.poor[id]&bit != 0
		wasPoor := h.poor[id]&prev != 0
		switch {
		case wasPoor && !nowPoor && h.present[id]&prev != 0:
			moves[i] = moveEscaped
			h.escaped[id] |= bit
		case nowPoor && !wasPoor && h.poor[id]&earlier != 0:
			moves[i] = moveRelapsed
		case nowPoor && !wasPoor:
			moves[i] = moveNewlyPoor
		}
		recent[i] = !nowPoor && h.escaped[id]&window != 0
	}
	return moves, recent
}
